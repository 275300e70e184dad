package dev.rapport.crm.workflow.spi;

/**
 * The host's way to send messages (e-mail, SMS, push) that rules ask for. The engine passes a
 * template name and a recipient entity, never an address; an exception makes the engine retry.
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder(crm)
 *     .messageSender(message -> mailer.send(message.template(), message.recipient()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface MessageSender {
    /**
     * Sends a message.
     *
     * @param message the message
     * @throws Exception if it could not be sent; the engine retries
     */
    void send(Message message) throws Exception;

    /**
     * A sender that refuses every message, the default until the host configures one, so a rule
     * that sends ends up in the dead letters instead of silently doing nothing.
     *
     * @return the sender
     */
    static MessageSender none() {
        return message -> {
            throw new IllegalStateException("no MessageSender is configured; template " + message.template());
        };
    }
}
