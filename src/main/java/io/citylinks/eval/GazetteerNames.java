package io.citylinks.eval;

import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.regex.Pattern;

/**
 * Labelled city names matched through the gazetteer: a label names an extracted place when the
 * names agree or the label is one of the place's names ("Ghent" for GeoNames' "Gent", "Macao" for
 * "Macau"), also in its official German form where GeoNames has the short one ("Hattersheim am
 * Main" for Hattersheim, "Neumarkt in der Oberpfalz" for Neumarkt).
 */
public final class GazetteerNames implements GoldScorer.NameMatcher {
  /** The river or region German official names add: "am Main", "an der Donau", "in der Pfalz". */
  private static final Pattern GERMAN_QUALIFIER = Pattern.compile(
      "\\s+(am|an der|im|in der|ob der|bei|vor der)\\s+\\p{Lu}.*$");

  private final Gazetteer gazetteer;

  public GazetteerNames(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public static GazetteerNames shared() {
    return new GazetteerNames(Gazetteer.shared());
  }

  @Override
  public boolean sameCity(String labelled, String extractedName, String extractedId) {
    if (GoldScorer.NameMatcher.BY_NAME.sameCity(labelled, extractedName, extractedId)) {
      return true;
    }
    if (extractedId == null) {
      return false;
    }
    String head = GERMAN_QUALIFIER.matcher(labelled).replaceFirst("");
    if (!head.equals(labelled) && sameCity(head, extractedName, extractedId)) {
      return true;
    }
    return gazetteer.lookupEntries(SurfaceNormalizer.normalize(labelled)).stream()
        .anyMatch(e -> e.place().id().equals(extractedId));
  }
}
