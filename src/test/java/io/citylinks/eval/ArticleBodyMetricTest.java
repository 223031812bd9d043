package io.citylinks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark metric as evaluate.py computes it, case by case. */
class ArticleBodyMetricTest {
  @Test
  void wordsAsPythonFindsThem() {
    assertEquals(List.of("The", "mayor_s", "2025", "plan", "½"),
        ArticleBodyMetric.tokenize("The mayor_s 2025-plan, ½!"));
    // Python's \w leaves combining marks out: a Devanagari word with a vowel sign splits.
    assertEquals(List.of("नगर", "न", "गम"), ArticleBodyMetric.tokenize("नगर निगम"));
    assertEquals(List.of("市政府今天开放了公园"), ArticleBodyMetric.tokenize("市政府今天开放了公园。"));
    assertEquals(List.of("𝐀𝐁"), ArticleBodyMetric.tokenize("𝐀𝐁"));
    assertEquals(List.of(), ArticleBodyMetric.tokenize(null));
  }

  @Test
  void shinglesOfShortAndEmptyTexts() {
    assertEquals(1, ArticleBodyMetric.shingles(List.of("a", "b"), 4).size());
    assertEquals(0, ArticleBodyMetric.shingles(List.of(), 4).size());
    assertEquals(3, ArticleBodyMetric.shingles(List.of("a", "b", "c", "d", "e", "f"), 4).size());
  }

  @Test
  void onePageNormalisedToOne() {
    // Truth: 5 words, 2 shingles; prediction adds a word: 3 shingles, 2 shared.
    ArticleBodyMetric.PageScore s = ArticleBodyMetric.score("one two three four five",
        "one two three four five six");
    assertEquals(2.0 / 3, s.tp(), 1e-12);
    assertEquals(1.0 / 3, s.fp(), 1e-12);
    assertEquals(0.0, s.fn(), 1e-12);
    assertFalse(s.exact());
    assertTrue(ArticleBodyMetric.score("Same words, here.", "Same\nwords here").exact());
  }

  @Test
  void averagesSkipPagesWhereAFigureIsUndefined() {
    ArticleBodyMetric.Summary sum = ArticleBodyMetric.summarize(List.of(
        ArticleBodyMetric.score("a b c d e", "a b c d e"), // P 1, R 1, exact
        ArticleBodyMetric.score("a b c d e", ""), // no prediction: recall 0, no precision
        ArticleBodyMetric.score("", ""))); // nothing: neither, but exact
    assertEquals(1.0, sum.precision(), 1e-12);
    assertEquals(0.5, sum.recall(), 1e-12);
    assertEquals(2 * 0.5 / 1.5, sum.f1(), 1e-12);
    assertEquals(2.0 / 3, sum.accuracy(), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> ArticleBodyMetric.summarize(List.of(ArticleBodyMetric.score("", ""))));
  }

  @Test
  void threeDecimalsRoundTheBinaryValue() {
    assertEquals("0.971", ArticleBodyMetric.threeDecimals(0.9705000000000001));
    // 0.0625 is exact in binary, 0.1235 is not (it is a little below): Python prints these.
    assertEquals("0.062", ArticleBodyMetric.threeDecimals(0.0625));
    assertEquals("0.123", ArticleBodyMetric.threeDecimals(0.1235));
  }
}
