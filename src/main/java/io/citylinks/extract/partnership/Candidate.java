package io.citylinks.extract.partnership;

import io.citylinks.extract.places.PlaceMention;
import java.util.List;

/**
 * A partnership found in one article: the two partner cities in table order (country_a ≤
 * country_b; same country: city_a ≤ city_b), the relation type, topics and year, the sentence
 * that supports it best and a confidence.
 *
 * @param a first partner (a city or district mention)
 * @param b second partner
 * @param support the sentences (0-based) that pair the two, in order; the topic and year stages
 *     read them
 * @param evidenceIdx the sentence that supports the pair best
 * @param topics topics of SPEC section 5, sorted; empty until the topic stage
 * @param year the event year, or null
 */
public record Candidate(PlaceMention a, PlaceMention b, String type, List<Integer> support,
    int evidenceIdx, double confidence, List<String> topics, Integer year) {

  /** The pair in table order. */
  public static Candidate ordered(PlaceMention x, PlaceMention y, String type,
      List<Integer> support, int evidenceIdx, double confidence) {
    boolean swap = x.country().compareTo(y.country()) > 0
        || (x.country().equals(y.country()) && x.name().compareTo(y.name()) > 0);
    return new Candidate(swap ? y : x, swap ? x : y, type, List.copyOf(support), evidenceIdx,
        confidence, List.of(), null);
  }

  public Candidate withTopics(List<String> newTopics) {
    return new Candidate(a, b, type, support, evidenceIdx, confidence, List.copyOf(newTopics),
        year);
  }

  public Candidate withYear(Integer newYear) {
    return new Candidate(a, b, type, support, evidenceIdx, confidence, topics, newYear);
  }
}
