package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.lifecycle.LifecycleStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the "Speed and indexing" samples of docs/workflows.md honest: each is a region here, and it runs. */
class SelectionGuideTest {
    private static final Path THIS_FILE =
            Path.of("src/test/java/dev/rapport/crm/workflow/SelectionGuideTest.java").toAbsolutePath();
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/workflows.md");

    private static String region(String tag) throws IOException {
        String text = Files.readString(THIS_FILE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::" + tag + "\\[\\]\\n(.*?)\\n\\s*// end::" + tag + "\\[\\]", Pattern.DOTALL)
                .matcher(text);
        assertThat(m.find()).as("region %s", tag).isTrue();
        int indent = m.group(1).lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        m.group(1).lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void theGuideShowsTheSample() throws IOException {
        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).contains(region("select"));
    }

    @Test
    void theSampleRuns() {
        String json = """
                {"rules": [
                  {"id": "eu-leads", "priority": 5, "trigger": {"event": "ContactUpdated"},
                   "condition": {"all": [{"field": "custom.region", "op": "=", "value": "EU"},
                                         {"field": "lifecycleStage", "op": "in", "value": ["LEAD", "SUBSCRIBER"]}]},
                   "actions": [{"type": "addTag", "tag": "eu"}]},
                  {"id": "big", "trigger": {"event": "ContactUpdated"},
                   "condition": {"field": "custom.seats", "op": ">=", "value": 100},
                   "actions": [{"type": "addTag", "tag": "big"}]}]}
                """;
        // tag::select[]
        Schema schema = Schema.standard()
            .withCustomField(EntityKind.CONTACT, "region", FieldType.TEXT)
            .withCustomField(EntityKind.CONTACT, "seats", FieldType.NUMBER);
        RuleSelector selector = RuleSelector.of(JsonRules.parser().schema(schema).parse(json));

        Facts facts = Facts.builder()
            .put("custom.region", "EU")
            .put("lifecycleStage", LifecycleStage.LEAD)
            .put("custom.seats", 250)
            .put("tags", Set.of("vip"))
            .build();
        List<Rule> hits = selector.select("ContactUpdated", facts);   // eu-leads (priority 5), then big
        // end::select[]
        assertThat(hits).extracting(Rule::id).containsExactly("eu-leads", "big");
        assertThat(selector.select("ContactUpdated", Facts.of(java.util.Map.of("custom.seats", 99)))).isEmpty();
    }
}
