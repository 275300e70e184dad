package dev.rapport.crm.property;

import java.util.Arrays;

/**
 * Maps choices to integers in a range so that choice 0 is the value closest to zero and growing
 * choices move away from it, alternating sides while both sides have room. All arithmetic on
 * choices is unsigned: a full {@code long} range needs all 64 bits.
 */
final class Ints {
  private Ints() {}

  /** The value every choice sequence shrinks toward: zero, or the range end closest to zero. */
  static long target(long lo, long hi) {
    return lo > 0 ? lo : (hi < 0 ? hi : 0L);
  }

  /** The largest choice (unsigned) for the range. */
  static long maxChoice(long lo, long hi) {
    long t = target(lo, hi);
    return (hi - t) + (t - lo);
  }

  /** The value a choice stands for; choices above {@link #maxChoice} must not be passed. */
  static long value(long lo, long hi, long c) {
    long t = target(lo, hi);
    long up = hi - t; // fits: at most Long.MAX_VALUE
    long down = t - lo; // unsigned: at most 2^63
    if (down == 0) {
      return t + c;
    }
    if (up == 0) {
      return t - c;
    }
    long m = Long.compareUnsigned(up, down) < 0 ? up : down;
    if (Long.compareUnsigned(c, 2 * m) <= 0) {
      if (c == 0) {
        return t;
      }
      return (c & 1) == 1 ? t + ((c >>> 1) + 1) : t - (c >>> 1);
    }
    long rest = c - m;
    return Long.compareUnsigned(up, down) > 0 ? t + rest : t - rest;
  }

  /** The choice that stands for a value in the range (the inverse of {@link #value}). */
  static long choice(long lo, long hi, long v) {
    long t = target(lo, hi);
    long up = hi - t;
    long down = t - lo;
    long d = v - t;
    if (down == 0) {
      return d;
    }
    if (up == 0) {
      return -d;
    }
    long m = Long.compareUnsigned(up, down) < 0 ? up : down;
    long a = d >= 0 ? d : -d; // unsigned magnitude, also right for Long.MIN_VALUE
    if (Long.compareUnsigned(a, m) <= 0) {
      return d > 0 ? 2 * a - 1 : 2 * a;
    }
    return a + m;
  }

  /** Choices for the boundary values of a range: its target, ends, neighbours of the ends, -1, 1. */
  static long[] edges(long lo, long hi) {
    long[] values = {
      target(lo, hi), lo, hi, -1, 1, lo == Long.MAX_VALUE ? lo : lo + 1, hi == Long.MIN_VALUE ? hi : hi - 1
    };
    return Arrays.stream(values)
        .filter(v -> v >= lo && v <= hi)
        .distinct()
        .map(v -> choice(lo, hi, v))
        .toArray();
  }
}
