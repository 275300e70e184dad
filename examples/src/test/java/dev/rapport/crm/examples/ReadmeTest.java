package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Contact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README honest: its quickstart is the code of {@link Quickstart}, which runs. */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static String taggedRegion(Path source, String tag) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::" + tag + "\\[\\]\\n(.*?)\\n\\s*// end::" + tag + "\\[\\]", Pattern.DOTALL)
                .matcher(text);
        assertThat(m.find()).as("region %s in %s", tag, source).isTrue();
        return dedent(m.group(1));
    }

    static String dedent(String block) {
        int indent = block.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        block.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void theReadmeQuickstartIsTheCodeOfTheQuickstartProgram() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String code = taggedRegion(ROOT.resolve("examples/src/main/java/dev/rapport/crm/examples/Quickstart.java"),
                "quickstart");
        assertThat(readme).contains(code);
    }

    @Test
    void theQuickstartRuns() {
        Contact grace = Quickstart.run();
        // The converted lead became a contact on an open opportunity.
        assertThat(grace.lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(grace.primaryEmail()).map(e -> e.value()).contains("grace@fleet.example");
    }

    @Test
    void theReadmeGivesTheTwoCommandsThatCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String ci = Files.readString(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);
        assertThat(readme).contains("mvn -B verify").contains("mvn -B -q -Pdemo -pl examples -am verify -DskipTests");
        assertThat(ci).contains("mvn -B verify");
    }
}
