package dev.rapport.crm.examples.plugin;

import dev.rapport.crm.workflow.spi.Message;
import dev.rapport.crm.workflow.spi.MessageSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message sender that writes each message to a spool directory, one file per message, for a
 * mail or chat relay to pick up. The file is named after the message's idempotency key, so a
 * retried send does not write a second file. The directory is the system property
 * {@value #DIRECTORY_PROPERTY}, by default {@code target/message-spool}.
 */
public final class SpoolMessageSender implements MessageSender {
    /** The system property naming the spool directory. */
    public static final String DIRECTORY_PROPERTY = "rapport.spool";

    private final Path directory;

    /** Creates the sender on the configured directory; {@code ServiceLoader} calls this. */
    public SpoolMessageSender() {
        this(Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/message-spool")));
    }

    /**
     * Creates the sender on a directory.
     *
     * @param directory the spool directory, created when needed
     */
    public SpoolMessageSender(Path directory) {
        this.directory = directory;
    }

    @Override
    public void send(Message message) throws IOException {
        Files.createDirectories(directory);
        Map<String, String> lines = new TreeMap<>(message.parameters());
        lines.put("template", message.template());
        lines.put("recipient", message.recipient().value());
        lines.put("tenant", message.tenantId().value());
        StringBuilder text = new StringBuilder();
        lines.forEach((k, v) -> text.append(k).append('=').append(v.replace("\n", " ")).append('\n'));
        try {
            Files.writeString(directory.resolve(fileName(message.idempotencyKey())), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException sentBefore) {
            // the same step again after a retry: sent already
        }
    }

    static String fileName(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + ".msg";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
