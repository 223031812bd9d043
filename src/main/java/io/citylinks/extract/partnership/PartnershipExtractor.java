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
    List<PlaceMention> places = PlaceResolver.shared().resolve(sentences, lang);
    List<CueMention> cues = CueMention.find(RelationCue.lexicon(), sentences, lang);
    return extract(sentences, places, cues, lang, articleYear);
  }

  /** As above, from the place and cue mentions already found. */
  public static List<Candidate> extract(List<String> sentences, List<PlaceMention> places,
      List<CueMention> cues, String lang, Integer articleYear) {
    List<Candidate> pairs = Pairing.pair(sentences, places, cues, lang);
    List<Candidate> done = new ArrayList<>(pairs.size());
    for (Candidate c : pairs) {
      done.add(c.withTopics(Topics.of(Topics.lexicon(), sentences, places, cues, c, pairs, lang))
          .withYear(EventYears.year(articleYear, sentences, c.support(), lang)));
    }
    return done;
  }
}
