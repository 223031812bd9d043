package io.citylinks.extract.places.gazetteer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every partner city and country of the labelled seeds ({@code ../shared/dev/seeds-expected.jsonl})
 * is in the shipped gazetteer under its English name; skipped when the shared data is absent.
 */
class SeedCitiesTest {
  @Test
  void seedPartnersAreInTheGazetteer() throws IOException {
    Path seeds = Path.of(System.getProperty("citylinks.shared", "../shared"), "dev",
        "seeds-expected.jsonl");
    assumeTrue(Files.isRegularFile(seeds), "no shared dev data at " + seeds);
    Gazetteer g = Gazetteer.shared();
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String line : Files.readAllLines(seeds)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode p : json.readTree(line).path("partnerships")) {
        // countries are sorted as a pair key, not aligned with the cities
        java.util.Set<String> countries = new java.util.HashSet<>();
        p.path("countries").forEach(c -> countries.add(c.asText()));
        for (JsonNode cityNode : p.path("cities")) {
          String city = cityNode.asText();
          boolean found = g.lookup(SurfaceNormalizer.normalize(city)).stream()
              .anyMatch(pl -> countries.contains(pl.countryCode()) && pl.kind() != Place.Kind.COUNTRY);
          assertTrue(found, city + " " + countries + " not in the gazetteer");
          checked++;
        }
        countries.forEach(cc -> assertTrue(g.country(cc).isPresent(), cc));
      }
    }
    assertTrue(checked >= 10, "checked " + checked);
  }
}
