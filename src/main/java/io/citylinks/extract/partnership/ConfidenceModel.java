package io.citylinks.extract.partnership;

import io.citylinks.config.DataFiles;
import java.util.List;
import java.util.Locale;

/**
 * The confidence of a partnership mention: a logistic model over what the pairing stage knows of
 * the pair (cue strength, place certainty, whether one sentence names both, how many sentences
 * and how many other pairs the article has...), so that {@code confidence} estimates the chance
 * that the pair is right and an analyst can filter on it. The weights are read from {@link #FILE}
 * ({@code conf/extract/confidence-model.tsv}), fitted on labelled pages by the test-scope tool
 * {@code io.citylinks.eval.ConfidenceModelFitter} with Spark MLlib's logistic regression.
 * The file's row {@code min_confidence} is the floor below which a pair is not reported at all
 * (0.40, set by hand: on the 208 real dev pages, jobs/run then jobs/score, with the weights
 * before the last refit, the 33 pairs between 0.25 and 0.40 held 11 right ones and 4 of the 16
 * negative pages' false partnerships; city-pair F1 stayed 0.69).
 * Immutable and thread-safe.
 */
public final class ConfidenceModel {
  public static final String FILE = "extract/confidence-model.tsv";

  /** The features, in the order of {@link #features} and of the file's rows. */
  public static final List<String> FEATURES = List.of("intercept", "strong_cue",
      "min_place_confidence", "one_sentence_names_both", "log_supporting_sentences",
      "log_pairs_in_article", "with_home_city", "officials_near", "diplomats_unjoined",
      "share_of_top_pair", "type_twinning", "type_agreement", "type_visit", "same_country",
      "background_only", "joined_by_conjunction");

  private static volatile ConfidenceModel shared;

  /** The file's row that is not a weight: the lowest confidence a reported pair has. */
  public static final String MIN_CONFIDENCE = "min_confidence";

  private final double[] weights;
  private final double minConfidence;

  ConfidenceModel(double[] weights) {
    this(weights, 0);
  }

  ConfidenceModel(double[] weights, double minConfidence) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException(FILE + ": expected " + FEATURES.size() + " weights");
    }
    this.weights = weights.clone();
    this.minConfidence = minConfidence;
  }

  /** Pairs with a lower confidence are not reported. */
  public double minConfidence() {
    return minConfidence;
  }

  /** The model of {@link #FILE}, read once per JVM. */
  public static ConfidenceModel shared() {
    ConfidenceModel m = shared;
    if (m == null) {
      synchronized (ConfidenceModel.class) {
        if (shared == null) {
          shared = load();
        }
        m = shared;
      }
    }
    return m;
  }

  static ConfidenceModel load() {
    double[] w = new double[FEATURES.size()];
    boolean[] seen = new boolean[w.length];
    double min = 0;
    for (String[] row : DataFiles.readTable(FILE, 2)) {
      if (row[0].strip().equals(MIN_CONFIDENCE)) {
        min = Double.parseDouble(row[1].strip());
        continue;
      }
      int i = FEATURES.indexOf(row[0].strip());
      if (i < 0) {
        throw new IllegalArgumentException(FILE + ": unknown feature '" + row[0] + "', expected "
            + "one of " + FEATURES);
      }
      w[i] = Double.parseDouble(row[1].strip());
      seen[i] = true;
    }
    for (int i = 0; i < w.length; i++) {
      if (!seen[i]) {
        throw new IllegalArgumentException(FILE + ": no weight for " + FEATURES.get(i));
      }
    }
    return new ConfidenceModel(w, min);
  }

  /**
   * The feature vector of a pair ({@link #FEATURES} order; the intercept's entry is 1).
   *
   * @param type the pair's relation type
   * @param pairsInArticle acceptable pairs the article has, this one included
   * @param share this pair's cue weight over the article's best-supported pair's
   * @param backgroundOnly the pair's only support is a relation said to exist already ("sister
   *     cities since 1989", "its existing sister cities")
   * @param joined a sentence names the two joined by a conjunction ("Bursa ile Kazan", 武汉市与
   *     泰国曼谷市), countries between them aside
   * @param diplomats the article speaks of ambassadors or consuls; the feature counts it only for
   *     a pair no sentence joins (an embassy's call on a city is no partnership, but the
   *     ambassador at the signing of "Antalya ile Soçi" does not make that one doubtful: on the
   *     208 real dev pages and the own set, 12 of 13 pairs with a diplomat about, a strong cue
   *     and the two joined were right, 11 of 33 without the join)
   */
  public static double[] features(boolean strong, double placeA, double placeB,
      boolean oneSentence, int sentences, int pairsInArticle, boolean withHome,
      boolean officials, boolean diplomats, double share, String type, boolean sameCountry,
      boolean backgroundOnly, boolean joined) {
    return new double[] {1, b(strong), Math.min(placeA, placeB), b(oneSentence),
        Math.log1p(sentences), Math.log1p(pairsInArticle), b(withHome), b(officials),
        b(diplomats && !joined), share, b(type.equals(RelationCue.TWINNING)),
        b(type.equals(RelationCue.AGREEMENT)), b(type.equals(RelationCue.VISIT)),
        b(sameCountry), b(backgroundOnly), b(joined)};
  }

  private static double b(boolean v) {
    return v ? 1 : 0;
  }

  /** The estimated probability that the pair is right, rounded to two decimals. */
  public double confidence(double[] features) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    double p = 1 / (1 + Math.exp(-z));
    return Math.round(Math.max(0.01, Math.min(0.99, p)) * 100) / 100.0;
  }

  /** The file's text for these weights and floor (what the fitter writes). */
  public static String format(double[] weights, double minConfidence, String header) {
    StringBuilder sb = new StringBuilder(header);
    sb.append(MIN_CONFIDENCE).append('\t')
        .append(String.format(Locale.ROOT, "%.2f", minConfidence)).append('\n');
    for (int i = 0; i < weights.length; i++) {
      sb.append(FEATURES.get(i)).append('\t')
          .append(String.format(Locale.ROOT, "%.6f", weights[i])).append('\n');
    }
    return sb.toString();
  }
}
