package io.citylinks.extract.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The topics of a partnership come from the sentences about it, not from another pair's. */
class TopicsTest {
  private static Map<String, List<String>> topics(String lang, String... sentences) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Candidate c : PartnershipExtractor.extract(List.of(sentences), lang, 2024, null)) {
      String a = c.a().name();
      String b = c.b().name();
      out.put(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a, c.topics());
    }
    return out;
  }

  @Test
  void aCooperationSentenceBelongsToThePairBeforeIt() {
    assertEquals(Map.of("Linz|Zaragoza", List.of("tourism", "trade"),
            "Graz|Montpellier", List.of()),
        topics("en",
            "Linz and Zaragoza signed a twinning agreement on Monday.",
            "The two cities will cooperate in trade and tourism under the agreement.",
            "Graz and Montpellier signed a similar twinning agreement a week later."));
  }

  @Test
  void aForumsGuestsShareWhatTheForumIsAboutSaidBeforeTheyAreNamed() {
    assertEquals(Map.of("Linz|Zaragoza", List.of("energy", "transport"),
            "Linz|Montpellier", List.of("energy", "transport")),
        topics("en",
            "The Danube Cities Forum opened in Linz on Tuesday.",
            "Its sessions deal with public transport and clean energy for river towns.",
            "Delegations from Zaragoza and Montpellier took part in the forum hosted by Linz."));
  }

  @Test
  void aPlacesNameNamesNoTopic() {
    // Commerce City starts like "commerce", a word for trade
    assertEquals(Map.of("Commerce City|Linz", List.of("education")),
        topics("en",
            "The mayors of Commerce City and Linz signed a twinning agreement.",
            "The two cities plan school exchanges."));
  }

  @Test
  void onePairTakesTheCooperationSentencesOfTheWholeArticle() {
    assertEquals(Map.of("Linz|Zaragoza", List.of("education", "sports")),
        topics("en",
            "Linz and Zaragoza signed a twinning agreement on Monday.",
            "The mayors then walked through the old town with their delegations.",
            "In the afternoon the guests met the members of the city council.",
            "The cooperation agreement also covers school exchanges and youth sports."));
  }
}
