package dev.rapport.crm.property;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Remembers the minimal failing choice sequence of each property in a small text file, so the
 * next run tries it first. The directory comes from the system property {@value #DIRECTORY}
 * (default {@code target/property-failures}; {@code none} turns it off).
 */
final class FailureStore {
  static final String DIRECTORY = "rapport.property.failures";
  static final String DEFAULT_DIRECTORY = "target/property-failures";

  private static final System.Logger LOG = System.getLogger(FailureStore.class.getName());

  private final Path directory;

  private FailureStore(Path directory) {
    this.directory = directory;
  }

  /** The store the system property names, or null when storing is off. */
  static FailureStore fromSystemProperty() {
    String dir = System.getProperty(DIRECTORY, DEFAULT_DIRECTORY).trim();
    if (dir.isEmpty() || dir.equalsIgnoreCase("none") || dir.equalsIgnoreCase("off")) {
      return null;
    }
    return new FailureStore(Path.of(dir));
  }

  /** A stored failure: the seed of the run that found it and its minimal choices. */
  static final class Stored {
    final long seed;
    final long[] choices;

    Stored(long seed, long[] choices) {
      this.seed = seed;
      this.choices = choices;
    }
  }

  Path file(String id) {
    String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 120) {
      safe = safe.substring(safe.length() - 120);
    }
    return directory.resolve(safe + "-" + Integer.toHexString(id.hashCode()) + ".failure");
  }

  Stored load(String id) {
    Path file = file(id);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String storedId = null;
      Long seed = null;
      long[] choices = null;
      for (String line : lines) {
        if (line.startsWith("id=")) {
          storedId = line.substring(3);
        } else if (line.startsWith("seed=")) {
          seed = Long.parseLong(line.substring(5).trim());
        } else if (line.startsWith("choices=")) {
          String list = line.substring(8).trim();
          choices =
              list.isEmpty()
                  ? new long[0]
                  : Arrays.stream(list.split(",")).mapToLong(c -> Long.parseUnsignedLong(c.trim())).toArray();
        }
      }
      if (!id.equals(storedId) || seed == null || choices == null) {
        return null;
      }
      return new Stored(seed, choices);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring unreadable stored failure " + file, e);
      return null;
    }
  }

  void save(String id, long seed, long[] choices) {
    Path file = file(id);
    StringBuilder text = new StringBuilder();
    text.append("# A failing example of a property, tried first on its next run and deleted once")
        .append(" it passes.\n");
    text.append("id=").append(id).append('\n');
    text.append("seed=").append(seed).append('\n');
    text.append("choices=");
    for (int i = 0; i < choices.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(Long.toUnsignedString(choices[i]));
    }
    text.append('\n');
    try {
      Files.createDirectories(directory);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not store the failing example in " + file, e);
    }
  }

  void delete(String id) {
    try {
      Files.deleteIfExists(file(id));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete " + file(id), e);
    }
  }
}
