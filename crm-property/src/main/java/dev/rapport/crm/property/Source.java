package dev.rapport.crm.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where generators get their randomness. Every value a generator draws is a <em>choice</em>, an
 * unsigned {@code long} in {@code [0, max]} where 0 is always the simplest option. A source either
 * invents choices (randomly, or systematically for the edge-case tries) or replays a recorded
 * sequence; either way it records the choices actually used, and that record is what the shrinker
 * simplifies.
 */
final class Source {
  /** How a source comes up with choices. */
  enum Mode {
    /** Replays a recorded sequence; past its end every choice is 0. */
    REPLAY,
    /** Every choice is 0: the simplest value of every generator. */
    SIMPLEST,
    /** Every choice is its maximum: the largest collections of the most extreme values. */
    LARGEST,
    /** Every choice is one of the generator's boundary values. */
    EDGES,
    /** Random choices, biased toward small values and boundaries. */
    RANDOM
  }

  /** Picks a random choice in {@code [0, max]} for {@link Mode#RANDOM}. */
  interface Sampler {
    long sample(SplittableRandom random, long max);
  }

  static final int MAX_CHOICES = 250_000;
  static final int MAX_DEPTH = 150;
  private static final long[] FLAG_EDGES = {0, 1};

  private final Mode mode;
  private final long[] prefix;
  private final SplittableRandom random;
  private final int edgeOffset;
  private final RunStats stats;
  private long[] recorded = new long[16];
  private int size;
  private int depth;

  private Source(Mode mode, long[] prefix, SplittableRandom random, int edgeOffset, RunStats stats) {
    this.mode = mode;
    this.prefix = prefix;
    this.random = random;
    this.edgeOffset = Math.max(0, edgeOffset);
    this.stats = stats;
  }

  static Source replay(long[] choices) {
    return new Source(Mode.REPLAY, choices, null, 0, null);
  }

  static Source generating(Mode mode, SplittableRandom random, int edgeOffset, RunStats stats) {
    return new Source(mode, null, random, edgeOffset, stats);
  }

  /** Draws a choice in {@code [0, max]} (unsigned); {@code edges} are choices worth trying early. */
  long draw(long max, long[] edges, Sampler sampler) {
    checkSize();
    long c;
    switch (mode) {
      case REPLAY:
        c = size < prefix.length ? prefix[size] : 0L;
        if (Long.compareUnsigned(c, max) > 0) {
          c = max;
        }
        break;
      case SIMPLEST:
        c = 0;
        break;
      case LARGEST:
        c = max;
        break;
      case EDGES:
        if (edges.length == 0) {
          c = random.nextBoolean() ? 0 : max;
        } else if (size == 0) {
          c = edges[edgeOffset % edges.length];
        } else {
          c = edges[random.nextInt(edges.length)];
        }
        break;
      default:
        if (edges.length > 0 && random.nextInt(16) == 0) {
          c = edges[random.nextInt(edges.length)];
        } else {
          c = sampler.sample(random, max);
        }
    }
    record(c);
    return c;
  }

  /** Draws a yes/no choice (0 = no); {@code hint} is what a random run would like to answer. */
  boolean flag(boolean hint) {
    checkSize();
    long c;
    switch (mode) {
      case REPLAY:
        c = size < prefix.length && prefix[size] != 0 ? 1 : 0;
        break;
      case SIMPLEST:
        c = 0;
        break;
      case LARGEST:
        c = 1;
        break;
      case EDGES:
        c = random.nextBoolean() ? 1 : 0;
        break;
      default:
        c = hint ? 1 : 0;
    }
    record(c);
    return c == 1;
  }

  /**
   * A size a random run aims for; it is not recorded, because only the flags it leads to matter
   * when replaying.
   */
  int sizeHint(int min, int max) {
    if (mode != Mode.RANDOM) {
      return min;
    }
    long span = (long) max - min;
    int roll = random.nextInt(20);
    long extra;
    if (roll < 9) {
      extra = random.nextLong(Math.min(span, 5) + 1);
    } else if (roll < 16) {
      extra = random.nextLong(Math.min(span, 25) + 1);
    } else if (roll < 19) {
      extra = random.nextLong(Math.min(span, 1000) + 1);
    } else {
      extra = Math.min(span, 1000);
    }
    return (int) (min + extra);
  }

  /** Notes how a filter judged a value, for the "too many discards" diagnosis. */
  void filtered(String filter, boolean accepted) {
    if (stats != null) {
      stats.filtered(filter, accepted);
    }
  }

  void enter() {
    if (++depth > MAX_DEPTH) {
      throw new Reject("a recursive generator nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  void exit() {
    depth--;
  }

  long[] choices() {
    return Arrays.copyOf(recorded, size);
  }

  private void checkSize() {
    if (size >= MAX_CHOICES) {
      throw new Reject("an example needed more than " + MAX_CHOICES + " random choices");
    }
  }

  private void record(long c) {
    if (size == recorded.length) {
      recorded = Arrays.copyOf(recorded, size * 2);
    }
    recorded[size++] = c;
  }

  /** Uniform over {@code [0, max]}, unsigned. */
  static long uniform(SplittableRandom random, long max) {
    if (max == -1L) {
      return random.nextLong();
    }
    if (max >= 0) {
      return max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
    }
    while (true) {
      long v = random.nextLong();
      if (Long.compareUnsigned(v, max) <= 0) {
        return v;
      }
    }
  }

  /** Mostly uniform, but often small: random bit widths, so small magnitudes come up too. */
  static long biased(SplittableRandom random, long max) {
    if (max >= 0 && max < 256) {
      return random.nextLong(max + 1);
    }
    int roll = random.nextInt(4);
    if (roll == 0) {
      return random.nextLong(256);
    }
    if (roll == 1) {
      int width = 64 - Long.numberOfLeadingZeros(max);
      int bits = 1 + random.nextInt(width);
      long v = bits == 64 ? random.nextLong() : random.nextLong() & ((1L << bits) - 1);
      return Long.compareUnsigned(v, max) <= 0 ? v : uniform(random, max);
    }
    return uniform(random, max);
  }
}
