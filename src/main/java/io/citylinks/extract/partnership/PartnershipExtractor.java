package io.citylinks.extract.partnership;

import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * The partnership stages on one article, in the order the Spark pipeline runs them: relation
 * cues, pairing, topics, year. The Spark stages call the same methods row by row; this class
 * serves tests and developer tools that work on plain text.
 */
public final class PartnershipExtractor {
  private PartnershipExtractor() {}

  /** The partnerships of an article given as sentences, with its language and year (or null). */
  public static List<Candidate> extract(List<String> sentences, String lang, Integer articleYear) {
    return extract(sentences, lang, articleYear, null);
  }

  /**
   * As above; when {@code features} is not null, the confidence model's feature vector of each
   * returned partnership is added to it, in the same order (for fitting the model).
   */
  public static List<Candidate> extract(List<String> sentences, String lang, Integer articleYear,
      List<double[]> features) {
    List<PlaceMention> places = PlaceResolver.shared().resolve(sentences, lang);
    List<CueMention> cues = CueMention.find(RelationCue.lexicon(), sentences, lang);
    List<Candidate> pairs = Pairing.pair(sentences, places, cues, lang, features);
    return withTopicsAndYears(sentences, places, cues, pairs, lang, articleYear);
  }

  /** As above, from the place and cue mentions already found. */
  public static List<Candidate> extract(List<String> sentences, List<PlaceMention> places,
      List<CueMention> cues, String lang, Integer articleYear) {
    return withTopicsAndYears(sentences, places, cues, Pairing.pair(sentences, places, cues, lang),
        lang, articleYear);
  }

  private static List<Candidate> withTopicsAndYears(List<String> sentences,
      List<PlaceMention> places, List<CueMention> cues, List<Candidate> pairs, String lang,
      Integer articleYear) {
    List<Candidate> done = new ArrayList<>(pairs.size());
    for (Candidate c : pairs) {
      done.add(c.withTopics(Topics.of(Topics.lexicon(), sentences, places, cues, c, pairs, lang))
          .withYear(EventYears.year(articleYear, sentences, c.support(), lang)));
    }
    return done;
  }
}
