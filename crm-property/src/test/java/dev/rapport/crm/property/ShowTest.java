package dev.rapport.crm.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counterexamples print so that invisible differences become visible. */
class ShowTest {

  @Test
  void stringsAreQuotedWithInvisibleCharactersEscaped() {
    assertThat(Show.show("a\"b\\c\n\t\r")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\"");
    assertThat(Show.show("\u0000\u00a0\u2028")).isEqualTo("\"\\u0000\\u00a0\\u2028\"");
    assertThat(Show.show("x\uD83D\uDE00")).isEqualTo("\"x\uD83D\uDE00\"");
    assertThat(Show.show("\uD83D")).isEqualTo("\"\\ud83d\"");
    assertThat(Show.show('\'')).isEqualTo("'\\''");
  }

  @Test
  void collectionsMapsAndDecimals() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", List.of(1, "two"));
    map.put("n", null);
    assertThat(Show.show(map)).isEqualTo("{\"k\"=[1, \"two\"], \"n\"=null}");
    assertThat(Show.show(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void longListsAreCut() {
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(i);
    }
    assertThat(Show.show(many)).startsWith("[0, 1, 2").endsWith("99, ... (1000 elements)]");
  }
}
