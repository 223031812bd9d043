package io.citylinks.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The article-extraction benchmark's metric ({@code evaluate.py} of scrapinghub's
 * article-extraction-benchmark), ported to give the same numbers: per page, true and false
 * positives and false negatives over 4-word shingles, normalised to sum to 1; precision and
 * recall averaged over the pages where they are defined, F1 from the two averages; accuracy is
 * the share of pages whose word sequence equals the truth's exactly.
 */
public final class ArticleBodyMetric {
  /** Shingle size of evaluate.py's {@code string_shingle_matching}. */
  public static final int SHINGLE_WORDS = 4;

  private ArticleBodyMetric() {}

  /** One page's normalised shingle counts and whether its words equal the truth's. */
  public record PageScore(double tp, double fp, double fn, boolean exact) {}

  /** F1, precision, recall and accuracy over pages, as evaluate.py prints them (no bootstrap). */
  public record Summary(double f1, double precision, double recall, double accuracy, int pages) {
    /** The four figures to evaluate.py's three decimals (Python rounds the binary value). */
    public String format() {
      return String.format("F1 %s  precision %s  recall %s  accuracy %s  (%d pages)",
          threeDecimals(f1), threeDecimals(precision), threeDecimals(recall),
          threeDecimals(accuracy), pages);
    }
  }

  /**
   * The words of {@code text} as Python's {@code re.findall(r'\w+', text)} finds them on a str:
   * runs of code points that are letters (Lu, Ll, Lt, Lm, Lo), numeric (Nd, Nl, No) or the
   * underscore. Unlike Java's Unicode {@code \w}, Python's leaves combining marks (Mn, Mc) and
   * other connector punctuation out, which splits words of Devanagari or Thai the same way.
   */
  public static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isPythonWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        tokens.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(text.substring(start));
    }
    return tokens;
  }

  static boolean isPythonWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Shingles of {@code n} consecutive words with their counts; a text of fewer than {@code n}
   * words (but at least one) is one shorter shingle, an empty one has none — as evaluate.py's
   * {@code _ngrams}.
   */
  static Map<List<String>, Integer> shingles(List<String> tokens, int n) {
    Map<List<String>, Integer> counts = new HashMap<>();
    int last = Math.max(1, tokens.size() - n + 1);
    for (int i = 0; i < last; i++) {
      List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + n));
      if (!shingle.isEmpty()) {
        counts.merge(shingle, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** One page: the prediction {@code pred} against the true article body {@code truth}. */
  public static PageScore score(String truth, String pred) {
    List<String> trueTokens = tokenize(truth);
    List<String> predTokens = tokenize(pred);
    Map<List<String>, Integer> t = shingles(trueTokens, SHINGLE_WORDS);
    Map<List<String>, Integer> p = shingles(predTokens, SHINGLE_WORDS);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    Set<List<String>> keys = new HashSet<>(t.keySet());
    keys.addAll(p.keySet());
    for (List<String> key : keys) {
      int tc = t.getOrDefault(key, 0);
      int pc = p.getOrDefault(key, 0);
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
      fn += Math.max(0, tc - pc);
    }
    double s = tp + fp + fn;
    if (s > 0) {
      // Normalised so that long pages weigh no more than short ones.
      tp /= s;
      fp /= s;
      fn /= s;
    }
    return new PageScore(tp, fp, fn, trueTokens.equals(predTokens));
  }

  /** The figures over pages, averaged as evaluate.py's {@code metrics_from_tp_fp_fns}. */
  public static Summary summarize(List<PageScore> pages) {
    List<Double> precisions = new ArrayList<>();
    List<Double> recalls = new ArrayList<>();
    List<Double> accuracies = new ArrayList<>();
    for (PageScore p : pages) {
      if (p.tp() + p.fp() > 0) {
        precisions.add(precision(p.tp(), p.fp(), p.fn()));
      }
      if (p.tp() + p.fn() > 0) {
        recalls.add(recall(p.tp(), p.fp(), p.fn()));
      }
      accuracies.add(p.exact() ? 1.0 : 0.0);
    }
    double precision = mean(precisions);
    double recall = mean(recalls);
    double f1 = 2 * precision * recall / (precision + recall);
    return new Summary(f1, precision, recall, mean(accuracies), pages.size());
  }

  private static double precision(double tp, double fp, double fn) {
    if (fp == 0 && fn == 0) {
      return 1.0;
    }
    if (tp == 0 && fp == 0) {
      return 0.0;
    }
    return tp / (tp + fp);
  }

  private static double recall(double tp, double fp, double fn) {
    if (fp == 0 && fn == 0) {
      return 1.0;
    }
    if (tp == 0 && fn == 0) {
      return 0.0;
    }
    return tp / (tp + fn);
  }

  /**
   * Python's {@code statistics.mean} of floats: the exact sum of the binary values divided by
   * the count, rounded once (a plain double sum can differ in the last bits).
   */
  static double mean(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("mean of no values (no page had a defined score)");
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128).doubleValue();
  }

  /** {@code v} to three decimals as Python's {@code format(v, '.3f')}: the binary value, half-even. */
  public static String threeDecimals(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    return new BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
