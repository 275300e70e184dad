package dev.rapport.crm.property;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Prints generated values for failure messages: strings quoted and escaped, long lists cut. */
final class Show {
  private static final int MAX_ELEMENTS = 100;

  private Show() {}

  static String show(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value instanceof CharSequence) {
      quote(out, value.toString());
    } else if (value instanceof Character) {
      out.append('\'');
      escape(out, (Character) value, '\'');
      out.append('\'');
    } else if (value instanceof BigDecimal) {
      out.append(((BigDecimal) value).toPlainString());
    } else if (value instanceof Collection) {
      Collection<?> c = (Collection<?>) value;
      appendAll(out, c.iterator(), c.size(), '[', ']');
    } else if (value instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) value;
      out.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (i > 0) {
          out.append(", ");
        }
        if (i++ == MAX_ELEMENTS) {
          out.append("... (").append(m.size()).append(" entries)");
          break;
        }
        append(out, e.getKey());
        out.append('=');
        append(out, e.getValue());
      }
      out.append('}');
    } else {
      out.append(value);
    }
  }

  private static void appendAll(StringBuilder out, Iterator<?> it, int size, char open, char close) {
    out.append(open);
    int i = 0;
    while (it.hasNext()) {
      if (i > 0) {
        out.append(", ");
      }
      if (i++ == MAX_ELEMENTS) {
        out.append("... (").append(size).append(" elements)");
        break;
      }
      append(out, it.next());
    }
    out.append(close);
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        escape(out, c, '"');
      }
    }
    out.append('"');
  }

  private static void escape(StringBuilder out, char c, char quote) {
    switch (c) {
      case '\n':
        out.append("\\n");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\\':
        out.append("\\\\");
        break;
      default:
        if (c == quote) {
          out.append('\\').append(c);
        } else if (Character.isISOControl(c)
            || Character.isSurrogate(c)
            || Character.isSpaceChar(c) && c != ' ') {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
    }
  }
}
