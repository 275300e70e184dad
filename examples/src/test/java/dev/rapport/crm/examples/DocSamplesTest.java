package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in the README and the guides is compiled: each {@code ```java} block must be,
 * line for line, a tagged region ({@code // tag::name[]} ... {@code // end::name[]}) of a Java
 * source of the build, main or test, where it compiles and, in a test, runs.
 */
class DocSamplesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern BLOCK = Pattern.compile("(?m)^( *)```java\\n(.*?)\\n\\1```", Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile("// tag::([\\w-]+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]",
            Pattern.DOTALL);

    record Sample(Path file, int line, String code) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static List<Sample> samples(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).lines().count() + 1;
            samples.add(new Sample(doc, line, normalize(m.group(2))));
        }
        return samples;
    }

    /** Every tagged region of every Java source in the build, normalized. */
    static Set<String> regions() throws IOException {
        Set<String> regions = new HashSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")
                    && p.toString().contains("/src/") && !p.toString().contains("/target/")).toList()) {
                Matcher m = REGION.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    regions.add(normalize(m.group(2)));
                }
            }
        }
        return regions;
    }

    /** Without the common indentation and trailing blanks; the rest must match exactly. */
    static String normalize(String block) {
        return ReadmeTest.dedent(block).lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Test
    void everyJavaSampleOfTheReadmeAndTheGuidesIsATaggedRegionOfCompiledSource() throws IOException {
        Set<String> regions = regions();
        List<Sample> all = new ArrayList<>();
        for (Path doc : documents()) {
            all.addAll(samples(doc));
        }
        assertThat(all).hasSizeGreaterThan(20);
        List<Sample> untested = all.stream().filter(s -> !regions.contains(s.code())).toList();
        assertThat(untested).as("Java samples that are no tagged region of a compiled source").isEmpty();
    }

    @Test
    void aSampleThatIsNoRegionIsFound() throws IOException {
        Path doc = Files.createTempFile("guide", ".md");
        try {
            Files.writeString(doc, "Text\n\n```java\nCrm crm = Crm.builder().build();\n```\n\n"
                    + "  ```java\n  int drifted = 1;\n  ```\n");
            List<Sample> samples = samples(doc);
            assertThat(samples).extracting(Sample::code)
                    .containsExactly("Crm crm = Crm.builder().build();", "int drifted = 1;");
            assertThat(samples).extracting(Sample::line).containsExactly(3, 7);
            assertThat(regions()).doesNotContain("int drifted = 1;");
        } finally {
            Files.delete(doc);
        }
    }
}
