package dev.rapport.crm.governance;

/**
 * The answer to "may I use this contact's data for this purpose on this channel now?", with why:
 * granted (and by which decision), refused (denied or withdrawn, and when), or never asked.
 *
 * <pre>{@code
 * ConsentDecision may = crm.privacy().consents().check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL);
 * if (may.allowed()) {
 *     mailer.send(newsletter);
 * } else if (may instanceof ConsentDecision.Refused r) {
 *     log.info("consent {} at {}", r.entry().status(), r.entry().at());
 * }
 * }</pre>
 */
public sealed interface ConsentDecision {
    /**
     * Whether the use is allowed.
     *
     * @return true only for {@link Granted}
     */
    boolean allowed();

    /**
     * Consent was granted.
     *
     * @param entry the decision that grants it
     */
    record Granted(ConsentEntry entry) implements ConsentDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * Consent was denied or withdrawn.
     *
     * @param entry the decision that refuses it
     */
    record Refused(ConsentEntry entry) implements ConsentDecision {
        @Override
        public boolean allowed() {
            return false;
        }
    }

    /**
     * No decision was ever recorded for the purpose and channel, so the use is not allowed.
     *
     * @param purpose the purpose asked about
     * @param channel the channel asked about
     */
    record NotAsked(ConsentPurpose purpose, ConsentChannel channel) implements ConsentDecision {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
