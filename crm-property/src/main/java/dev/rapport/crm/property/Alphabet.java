package dev.rapport.crm.property;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered set of code points: index 0 is the simplest character. Simplicity follows a fixed
 * order for ASCII (digits, lower case, upper case, space, punctuation, tab/newline, other control
 * characters), then code point order for the rest, so strings shrink toward "0" and "a".
 */
final class Alphabet {
  /** All 128 ASCII code points, simplest first. */
  static final int[] ASCII_ORDER = asciiOrder();

  /** How many of {@link #ASCII_ORDER} are printable (they come first). */
  static final int PRINTABLE_ASCII = 95;

  private static final int[] WHITESPACE = {
    ' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
    0x2004, 0x2005, 0x2006, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x205F, 0x3000
  };

  private final int[] head;
  private final int[] rangeStarts;
  private final int[] rangeEnds;
  private final long size;
  private final long[] edges;
  private final Source.Sampler sampler;

  private Alphabet(int[] head, int[] rangeStarts, int[] rangeEnds, Source.Sampler sampler) {
    this.head = head;
    this.rangeStarts = rangeStarts;
    this.rangeEnds = rangeEnds;
    long n = head.length;
    for (int i = 0; i < rangeStarts.length; i++) {
      n += rangeEnds[i] - rangeStarts[i] + 1;
    }
    if (n == 0) {
      throw new IllegalArgumentException("the character range is empty");
    }
    this.size = n;
    this.edges = n == 1 ? new long[] {0} : new long[] {0, n - 1};
    this.sampler = sampler != null ? sampler : Source::uniform;
  }

  /** All of ASCII, printable characters four times as likely as control characters. */
  static Alphabet ascii() {
    return new Alphabet(
        ASCII_ORDER,
        new int[0],
        new int[0],
        (r, max) -> r.nextInt(5) > 0 ? r.nextInt(PRINTABLE_ASCII) : r.nextInt(128));
  }

  /**
   * Every Unicode code point except the surrogates (which only occur in pairs, as the UTF-16 form
   * of supplementary code points). A quarter of random picks are supplementary code points.
   */
  static Alphabet unicode() {
    int[] starts = {0x80, 0xE000};
    int[] ends = {0xD7FF, 0x10FFFF};
    long lowBmp = 0xD7FF - 0x80 + 1;
    long highStart = 128 + lowBmp; // index of U+E000
    Source.Sampler sampler =
        (r, max) -> {
          int roll = r.nextInt(20);
          if (roll < 8) {
            return r.nextInt(PRINTABLE_ASCII);
          }
          if (roll < 13) {
            return 128 + r.nextLong(lowBmp);
          }
          if (roll < 15) {
            return highStart + r.nextInt(0x10000 - 0xE000);
          }
          return highStart + (0x10000 - 0xE000) + r.nextLong(0x110000 - 0x10000);
        };
    return new Alphabet(ASCII_ORDER, starts, ends, sampler);
  }

  /** The characters {@link Character#isWhitespace(int)} accepts, space first. */
  static Alphabet whitespace() {
    return new Alphabet(WHITESPACE.clone(), new int[0], new int[0], null);
  }

  /** The characters from {@code from} to {@code to}, ASCII ones in simplicity order first. */
  static Alphabet range(int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException("empty character range: " + from + " > " + to);
    }
    List<Integer> ascii = new ArrayList<>();
    for (int cp : ASCII_ORDER) {
      if (cp >= from && cp <= to) {
        ascii.add(cp);
      }
    }
    int[] head = ascii.stream().mapToInt(Integer::intValue).toArray();
    int start = Math.max(from, 128);
    if (start > to) {
      return new Alphabet(head, new int[0], new int[0], null);
    }
    return new Alphabet(head, new int[] {start}, new int[] {to}, null);
  }

  long maxIndex() {
    return size - 1;
  }

  int codePoint(long index) {
    if (index < head.length) {
      return head[(int) index];
    }
    long rest = index - head.length;
    for (int i = 0; i < rangeStarts.length; i++) {
      long len = rangeEnds[i] - rangeStarts[i] + 1;
      if (rest < len) {
        return (int) (rangeStarts[i] + rest);
      }
      rest -= len;
    }
    throw new IndexOutOfBoundsException("no code point at index " + index);
  }

  /** Draws one code point. */
  int draw(Source source) {
    return codePoint(source.draw(size - 1, edges, sampler));
  }

  private static int[] asciiOrder() {
    StringBuilder order = new StringBuilder();
    order.append("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ");
    for (char c = 33; c < 127; c++) {
      if (!Character.isLetterOrDigit(c)) {
        order.append(c);
      }
    }
    order.append("\t\n\r");
    for (char c = 0; c < 128; c++) {
      if (order.indexOf(String.valueOf(c)) < 0) {
        order.append(c);
      }
    }
    return order.chars().toArray();
  }
}
