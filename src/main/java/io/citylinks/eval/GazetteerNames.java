package io.citylinks.eval;

import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;

/**
 * Labelled city names matched through the gazetteer: a label names an extracted place when the
 * names agree or the label is one of the place's names ("Ghent" for GeoNames' "Gent", "Macao" for
 * "Macau").
 */
public final class GazetteerNames implements GoldScorer.NameMatcher {
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
    return gazetteer.lookupEntries(SurfaceNormalizer.normalize(labelled)).stream()
        .anyMatch(e -> e.place().id().equals(extractedId));
  }
}
