package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

    @Test
    void equalStringsHaveSimilarityOne() {
        assertThat(JaroWinkler.similarity("ada lovelace", "ada lovelace")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
    }

    @Test
    void stringsWithNothingInCommonHaveSimilarityZero() {
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("abc", "")).isZero();
    }

    @Test
    void theTextbookExamplesGiveTheirPublishedValues() {
        // martha/marhta: m = 6, t = 1, jaro = 17/18, prefix 3 -> 0.9611
        assertThat(JaroWinkler.jaro("martha", "marhta")).isCloseTo(17.0 / 18.0, within(1e-12));
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961111, within(1e-6));
        // dwayne/duane: jaro = 0.8222, prefix 1 -> 0.84
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.84, within(1e-6));
        // dixon/dicksonx: jaro = 0.7667, prefix 2 -> 0.8133
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813333, within(1e-6));
    }

    @Test
    void similarityIsSymmetric() {
        assertThat(JaroWinkler.similarity("crate", "trace")).isEqualTo(JaroWinkler.similarity("trace", "crate"));
    }
}
