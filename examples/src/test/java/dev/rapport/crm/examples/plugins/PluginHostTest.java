package dev.rapport.crm.examples.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.workflow.ActionTypes;
import dev.rapport.crm.workflow.Trace;
import dev.rapport.crm.workflow.spi.ActionType;
import dev.rapport.crm.workflow.spi.MessageSender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin jar is found by ServiceLoader, and its action runs and its sender delivers. */
class PluginHostTest {
    @TempDir
    static Path spool;

    @BeforeAll
    static void spoolIntoATemporaryDirectory() {
        System.setProperty("rapport.spool", spool.toString());
    }

    @AfterAll
    static void reset() {
        System.clearProperty("rapport.spool");
    }

    /** Where a class was loaded from: the plugin's own jar, not this module's classes. */
    private static String origin(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath();
    }

    @Test
    void serviceLoaderFindsBothProvidersInThePluginsJar() {
        ActionType announce = ActionTypes.installed().find("announce-win").orElseThrow();
        MessageSender sender = ServiceLoader.load(MessageSender.class).findFirst().orElseThrow();
        String examples = origin(PluginHost.class);
        for (Class<?> provider : List.of(announce.getClass(), sender.getClass())) {
            assertThat(origin(provider)).isNotEqualTo(examples)
                    .matches(".*examples-plugin(/target/classes/|-[^/]*\\.jar)$");
        }
        assertThat(sender.getClass().getName()).isEqualTo("dev.rapport.crm.examples.plugin.SpoolMessageSender");
    }

    @Test
    void theJsonRuleUsesThePluginsActionAndThePluginsSenderSpoolsTheAnnouncement() throws Exception {
        PluginHost.Result result = PluginHost.run();

        assertThat(result.actionTypes()).contains("announce-win");
        assertThat(result.traces()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("announce-wins");
            assertThat(t.outcome()).isEqualTo(Trace.Outcome.COMPLETED);
        });
        List<Path> files;
        try (Stream<Path> list = Files.list(spool)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(Files.readString(files.get(0), StandardCharsets.UTF_8))
                .contains("template=chat-announcement", "channel=#sales", "deal=Fleet rollout",
                        "recipient=" + result.won().id().value());
    }
}
