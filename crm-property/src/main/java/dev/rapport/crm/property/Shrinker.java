package dev.rapport.crm.property;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Simplifies a failing choice sequence. A candidate replaces the current best only if replaying
 * it still fails and the sequence it actually used is smaller in shortlex order (shorter, or as
 * long and lexicographically smaller, comparing choices unsigned), so shrinking always ends.
 *
 * <p>Passes, repeated until none makes progress or the budget runs out: delete spans of choices
 * (large aligned spans first, then every small span), zero spans, minimize each choice by binary
 * search (also keeping its parity, since ranges around zero alternate signs), move value from an
 * earlier choice to a later one, and swap adjacent blocks into ascending order.
 */
final class Shrinker {
  private final Function<long[], Engine.Outcome> replay;
  private final int maxRuns;
  private final long deadline;
  private final Set<Long> seen = new HashSet<>();
  private Engine.Outcome best;
  private int runs;
  private int steps;

  Shrinker(Function<long[], Engine.Outcome> replay, int maxRuns, long maxNanos) {
    this.replay = replay;
    this.maxRuns = maxRuns;
    this.deadline = System.nanoTime() + maxNanos;
  }

  Engine.Outcome shrink(Engine.Outcome failing) {
    best = failing;
    boolean progress = true;
    while (progress && budgetLeft()) {
      long[] before = best.choices;
      deleteSpans();
      zeroSpans();
      minimizeEach();
      redistribute();
      lowerAndRaise();
      sortAdjacent();
      progress = !Arrays.equals(before, best.choices);
    }
    return best;
  }

  int steps() {
    return steps;
  }

  int runs() {
    return runs;
  }

  private void deleteSpans() {
    for (int k = Integer.highestOneBit(Math.max(1, best.choices.length / 2)); k > 8; k /= 2) {
      for (int i = best.choices.length - k; i >= 0; i -= k) {
        if (i + k <= best.choices.length) {
          consider(without(best.choices, i, k));
        }
      }
    }
    for (int k = 8; k >= 1; k--) {
      for (int i = best.choices.length - k; i >= 0; i--) {
        if (i + k <= best.choices.length) {
          consider(without(best.choices, i, k));
        }
      }
    }
  }

  private void zeroSpans() {
    for (int k = Integer.highestOneBit(Math.max(1, best.choices.length)); k >= 1; k /= 2) {
      int stride = k > 8 ? k : 1;
      for (int i = best.choices.length - k; i >= 0; i -= stride) {
        long[] c = best.choices;
        if (i + k > c.length || allZero(c, i, k)) {
          continue;
        }
        long[] candidate = c.clone();
        Arrays.fill(candidate, i, i + k, 0L);
        consider(candidate);
      }
    }
  }

  private void minimizeEach() {
    for (int i = 0; i < best.choices.length; i++) {
      long c = best.choices[i];
      if (c == 0 || consider(with(best.choices, i, 0))) {
        continue;
      }
      // Binary search for the smallest failing value below c, then the same among values of c's
      // parity (positive and negative values alternate when a range spans zero).
      long hi = binarySearch(i, 0, c, 1);
      if (hi < 0 || i >= best.choices.length) {
        continue;
      }
      long p = hi & 1;
      if (p < hi && !consider(with(best.choices, i, p))) {
        hi = binarySearch(i, p, hi, 2);
      }
      if (hi < 0 || i >= best.choices.length) {
        continue;
      }
      // Failing values need not be contiguous (think "n % 7 == 3"): try the smallest choices
      // one by one, then halving.
      for (long v = 1; Long.compareUnsigned(v, best.choices[i]) < 0 && v <= 32; v++) {
        if (consider(with(best.choices, i, v)) || i >= best.choices.length) {
          break;
        }
      }
      for (int shift = 1; shift < 64 && i < best.choices.length; shift++) {
        long halved = best.choices[i] >>> shift;
        if (halved == 0) {
          break;
        }
        consider(with(best.choices, i, halved));
      }
    }
  }

  /**
   * Finds the smallest value in {@code (lo, hi]} on the grid {@code lo + n*step} for which position
   * {@code i} still fails, given that {@code hi} fails; returns it, or -1 if the sequence changed
   * shape under us.
   */
  private long binarySearch(int i, long lo, long hi, long step) {
    long loN = 0;
    long hiN = Long.divideUnsigned(hi - lo, step);
    while (Long.compareUnsigned(hiN - loN, 1) > 0 && budgetLeft()) {
      long mid = loN + ((hiN - loN) >>> 1);
      long value = lo + mid * step;
      if (consider(with(best.choices, i, value))) {
        if (i >= best.choices.length || best.choices[i] != value) {
          return -1;
        }
        hiN = mid;
      } else {
        loN = mid;
      }
    }
    return lo + hiN * step;
  }

  private void redistribute() {
    for (int i = 0; i < best.choices.length; i++) {
      for (int j = i + 1; j < Math.min(best.choices.length, i + 5); j++) {
        long[] c = best.choices;
        long a = c[i];
        if (a == 0) {
          break;
        }
        if (consider(moved(c, i, j, a)) || !consider(moved(c, i, j, 1))) {
          continue;
        }
        // Moving 1 worked: find the largest amount that still fails, all relative to c.
        long lo = 1;
        long hi = a;
        while (Long.compareUnsigned(hi - lo, 1) > 0 && budgetLeft()) {
          long mid = lo + ((hi - lo) >>> 1);
          if (consider(moved(c, i, j, mid))) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
      }
    }
  }

  /**
   * Lowers a choice while raising the next one: a simpler branch (an earlier {@code oneOf}
   * alternative, a shorter size) may need a larger value after it to fail. The next choice is
   * probed at 1, 2, 4, ... (the replay clamps it to its maximum); {@link #minimizeEach} then
   * brings it down. Only for short sequences, where it is affordable.
   */
  private void lowerAndRaise() {
    if (best.choices.length > 100) {
      return;
    }
    for (int i = 0; i + 1 < best.choices.length; i++) {
      long c = best.choices[i];
      if (c == 0) {
        continue;
      }
      for (long lowered : new long[] {0, c - 1}) {
        if (i + 1 >= best.choices.length || best.choices[i] != c) {
          break;
        }
        long[] base = with(best.choices, i, lowered);
        boolean done = false;
        for (int bit = 0; bit < 64 && !done && budgetLeft(); bit++) {
          long raised = 1L << bit;
          if (Long.compareUnsigned(raised, base[i + 1]) <= 0) {
            continue;
          }
          done = consider(with(base, i + 1, raised));
        }
        if (done || lowered == c - 1) {
          break;
        }
      }
    }
  }

  private void sortAdjacent() {
    for (int k = 1; k <= 2; k++) {
      for (int i = 0; i + 2 * k <= best.choices.length; i++) {
        long[] c = best.choices;
        if (Arrays.compareUnsigned(c, i + k, i + 2 * k, c, i, i + k) < 0) {
          long[] candidate = c.clone();
          System.arraycopy(c, i + k, candidate, i, k);
          System.arraycopy(c, i, candidate, i + k, k);
          consider(candidate);
        }
      }
    }
  }

  /** Replays {@code candidate}; adopts it if it fails and is simpler. */
  private boolean consider(long[] candidate) {
    if (candidate == null || !budgetLeft() || compare(candidate, best.choices) >= 0) {
      return false;
    }
    if (!seen.add(hash(candidate))) {
      return false;
    }
    runs++;
    Engine.Outcome outcome = replay.apply(candidate);
    if (outcome.kind == Engine.Kind.FAIL && compare(outcome.choices, best.choices) < 0) {
      best = outcome;
      steps++;
      return true;
    }
    return false;
  }

  private boolean budgetLeft() {
    return runs < maxRuns && ((runs & 63) != 0 || System.nanoTime() < deadline);
  }

  static int compare(long[] a, long[] b) {
    if (a.length != b.length) {
      return Integer.compare(a.length, b.length);
    }
    return Arrays.compareUnsigned(a, b);
  }

  private static long hash(long[] c) {
    long h = 0x9E3779B97F4A7C15L ^ c.length;
    for (long v : c) {
      h = (h ^ v) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  private static long[] without(long[] c, int from, int length) {
    long[] out = new long[c.length - length];
    System.arraycopy(c, 0, out, 0, from);
    System.arraycopy(c, from + length, out, from, c.length - from - length);
    return out;
  }

  private static long[] with(long[] c, int i, long value) {
    long[] out = c.clone();
    out[i] = value;
    return out;
  }

  private static long[] moved(long[] c, int i, int j, long amount) {
    long raised = c[j] + amount;
    if (Long.compareUnsigned(raised, c[j]) < 0) {
      return null;
    }
    long[] out = c.clone();
    out[i] -= amount;
    out[j] = raised;
    return out;
  }

  private static boolean allZero(long[] c, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (c[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
