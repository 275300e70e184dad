package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.party.Contact;
import dev.rapport.crm.workflow.spi.ActionConfig;
import dev.rapport.crm.workflow.spi.ActionStep;
import dev.rapport.crm.workflow.spi.ActionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionTypesTest {
    /** A custom action found by ServiceLoader: tags the subject with a configured stamp. */
    public static final class Stamp implements ActionType {
        /** Needed by ServiceLoader. */
        public Stamp() {
        }

        @Override
        public String name() {
            return "stamp";
        }

        @Override
        public ActionStep create(ActionConfig config) {
            String stamp = config.text("stamp");
            return context -> {
                context.crm().contacts().update(context.crm().contacts()
                        .get((dev.rapport.crm.party.ContactId) context.subject().orElseThrow()).withTitle(stamp));
                return "stamped";
            };
        }
    }

    /** A provider that fails when instantiated. */
    public static final class Broken implements ActionType {
        /** Always fails. */
        public Broken() {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public ActionStep create(ActionConfig config) {
            throw new UnsupportedOperationException();
        }
    }

    private final Fixture f = new Fixture();

    @Test
    void serviceLoaderFindsProvidersAndNamesTheOneThatFailed() {
        ActionTypes types = ActionTypes.installed();

        assertThat(types.names()).containsExactly("stamp");
        assertThat(types.failures()).singleElement().asString()
                .startsWith("dev.rapport.crm.workflow.ActionTypesTest$Broken");
    }

    @Test
    void aJsonRuleConfiguresAnInstalledActionType() {
        RuleSet set = JsonRules.parser().actionTypes(ActionTypes.installed()).parse("""
                {"rules": [{"id": "r", "trigger": {"event": "ContactCreated"},
                            "actions": [{"type": "stamp", "stamp": "approved"}]}]}""");
        f.engine().rules(set).build();

        Contact ada = f.contact("Ada");

        assertThat(f.crm.contacts().get(ada.id()).title()).isEqualTo("approved");
    }

    @Test
    void aMissingConfigurationKeyIsReportedAtItsPointer() {
        JsonRules parser = JsonRules.parser().actionTypes(ActionTypes.installed());

        try {
            parser.parse("""
                    {"rules": [{"id": "r", "trigger": {"event": "ContactCreated"}, "actions": [{"type": "stamp"}]}]}""");
            throw new AssertionError("expected a failure");
        } catch (RuleDefinitionException e) {
            assertThat(e.pointer()).isEqualTo("/rules/0/actions/0/stamp");
            assertThat(e.reason()).isEqualTo("is required");
        }
    }

    @Test
    void aSecondProviderOfOneNameIsReportedAsAmbiguousAndBuiltInNamesAreReserved() {
        ActionType other = new ActionType() {
            @Override
            public String name() {
                return "stamp";
            }

            @Override
            public ActionStep create(ActionConfig config) {
                return context -> "other";
            }
        };
        ActionType takesBuiltIn = new ActionType() {
            @Override
            public String name() {
                return "addTag";
            }

            @Override
            public ActionStep create(ActionConfig config) {
                return context -> "no";
            }
        };

        ActionTypes types = ActionTypes.of(List.of(new Stamp(), other, takesBuiltIn));

        assertThat(types.names()).containsExactly("stamp");
        assertThat(types.failures()).hasSize(2);
        assertThat(types.failures()).anySatisfy(s -> assertThat(s).contains("already provided by"));
        assertThat(types.failures()).anySatisfy(s -> assertThat(s).contains("built-in name addTag"));
        assertThat(Actions.custom(new Stamp(), ActionConfig.of(Map.of("stamp", "x"))).type()).isEqualTo("stamp");
    }
}
