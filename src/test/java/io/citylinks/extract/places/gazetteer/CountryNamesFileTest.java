package io.citylinks.extract.places.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.config.DataFiles;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** conf/places/countries.tsv stays what CountryNamesGenerator writes, plus the manual rows. */
class CountryNamesFileTest {
  @Test
  void cldrRowsAreUpToDate() {
    List<String> inFile = DataFiles.readTable(Gazetteer.COUNTRIES_FILE, 5).stream()
        .filter(r -> r[4].equals("cldr")).map(r -> String.join("\t", r)).toList();
    assertEquals(CountryNamesGenerator.cldrRows(), inFile,
        "rerun CountryNamesGenerator conf/places/countries.tsv");
  }

  @Test
  void everySupportedLanguageHasAdjectivesForTheMainPartnerCountries() {
    List<String[]> rows = DataFiles.readTable(Gazetteer.COUNTRIES_FILE, 5);
    for (String cc : List.of("CN", "TR", "IR", "RU", "RO", "NL", "DE", "FR", "US", "JP", "KR")) {
      Set<String> langs = rows.stream()
          .filter(r -> r[0].equals(cc) && r[2].equals("adjective")).map(r -> r[1])
          .collect(Collectors.toSet());
      assertTrue(langs.containsAll(CountryNamesGenerator.LANGUAGES.stream()
          .filter(l -> !l.equals("zh") || !cc.equals("UA")).toList()), cc + ": " + langs);
    }
  }
}
