package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing example is stored and tried first by the next run; a passing replay deletes it. */
class FailureStoreTest {
  @TempDir Path dir;
  private String previous;

  @BeforeEach
  void useTemporaryDirectory() {
    previous = System.getProperty(PropertyCheck.FAILURE_DIRECTORY_PROPERTY);
    System.setProperty(PropertyCheck.FAILURE_DIRECTORY_PROPERTY, dir.toString());
  }

  @AfterEach
  void restore() {
    if (previous == null) {
      System.clearProperty(PropertyCheck.FAILURE_DIRECTORY_PROPERTY);
    } else {
      System.setProperty(PropertyCheck.FAILURE_DIRECTORY_PROPERTY, previous);
    }
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void theFailingExampleIsReplayedFirstOnTheNextRun() throws IOException {
    Gen<Integer> gen = Gen.integers(0, 1_000_000);
    PropertyFailure first =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> PropertyCheck.forAll(gen).id("orders.total").seed(31L).holds(n -> n < 1000));
    assertThat(first.result().counterexample()).containsExactly(1000);
    assertThat(storedFiles()).hasSize(1);
    String stored = Files.readString(storedFiles().get(0));
    assertThat(stored).contains("id=orders.total").contains("seed=31").contains("choices=1000");
    assertThat(first.getMessage()).contains("tried first next time (" + storedFiles().get(0));

    // Next run, another seed: the stored example comes first and fails at once.
    List<Integer> seen = new ArrayList<>();
    PropertyFailure second =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                PropertyCheck.forAll(gen)
                    .id("orders.total")
                    .seed(999L)
                    .check(
                        n -> {
                          seen.add(n);
                          assertThat(n).isLessThan(1000);
                        }));
    assertThat(seen.get(0)).isEqualTo(1000);
    assertThat(second.result().tries()).isEqualTo(1);
    assertThat(second.result().seed()).isEqualTo(31L);
    assertThat(second.getMessage()).contains("stored by an earlier run, replayed first");

    // Once fixed, the stored example is still tried first, then deleted.
    seen.clear();
    PropertyResult fixed = PropertyCheck.forAll(gen).id("orders.total").tries(20).check(seen::add);
    assertThat(seen.get(0)).isEqualTo(1000);
    assertThat(fixed.tries()).isEqualTo(20);
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void differentPropertiesKeepSeparateFiles() throws IOException {
    catchThrowableOfType(
        PropertyFailure.class, () -> PropertyCheck.forAll(Gen.integers()).id("a").holds(n -> n < 10));
    catchThrowableOfType(
        PropertyFailure.class, () -> PropertyCheck.forAll(Gen.integers()).id("b").holds(n -> n > -10));
    assertThat(storedFiles()).hasSize(2);
    PropertyCheck.forAll(Gen.integers(0, 5)).id("a").holds(n -> n < 10);
    assertThat(storedFiles()).hasSize(1);
  }

  @Test
  void theDefaultIdIsTheCallingMethod() throws IOException {
    catchThrowableOfType(
        PropertyFailure.class, () -> PropertyCheck.forAll(Gen.integers()).holds(n -> n < 10));
    assertThat(storedFiles()).singleElement().asString().contains("FailureStoreTest.lambda");
    String stored = Files.readString(storedFiles().get(0));
    assertThat(stored).contains("id=dev.rapport.crm.property.FailureStoreTest.");
  }

  @Test
  void storingCanBeTurnedOff() throws IOException {
    System.setProperty(PropertyCheck.FAILURE_DIRECTORY_PROPERTY, "none");
    catchThrowableOfType(
        PropertyFailure.class, () -> PropertyCheck.forAll(Gen.integers()).id("off").holds(n -> n < 10));
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void anUnreadableFileIsIgnored() throws IOException {
    Path file = FailureStore.fromSystemProperty().file("junk");
    Files.writeString(file, "id=junk\nseed=x\nchoices=1,2,oops\n");
    List<Integer> seen = new ArrayList<>();
    PropertyResult result = PropertyCheck.forAll(Gen.integers(0, 3)).id("junk").tries(10).check(seen::add);
    assertThat(result.tries()).isEqualTo(10);
    assertThat(seen).hasSize(10).startsWith(0);
  }
}
