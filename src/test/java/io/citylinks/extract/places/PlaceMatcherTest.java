package io.citylinks.extract.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Word boundaries per script, on the shipped gazetteer. */
class PlaceMatcherTest {
  private static final PlaceMatcher MATCHER = PlaceResolver.shared().matcher();

  /** "surface→key[,key]" of every match, in order. */
  private static String found(String sentence, String lang) {
    return MATCHER.find(sentence, lang).stream()
        .map(m -> sentence.substring(m.start(), m.end()) + "→" + String.join(",", m.keys()))
        .collect(Collectors.joining(" "));
  }

  private static List<String> surfaces(String sentence, String lang) {
    return MATCHER.find(sentence, lang).stream()
        .map(m -> sentence.substring(m.start(), m.end())).toList();
  }

  @Test
  void turkishApostropheSuffixesEndTheName() {
    String s = "Heyet İzmir'e geldi, Çin’den dönen Harbin'de kaldı.";
    assertEquals(List.of("İzmir", "Çin", "Harbin"), surfaces(s, "tr"));
    assertTrue(found(s, "tr").contains("İzmir→izmir"), found(s, "tr"));
  }

  @Test
  void russianCaseEndingsAndStems() {
    String s = "Делегация из Казани прибыла в Москве, потом в Лондоне.";
    String f = found(s, "ru");
    assertTrue(f.matches(".*Казани→[^ ]*казань.*"), f);
    assertTrue(f.contains("Москве→москва"), f);
    assertTrue(f.contains("Лондоне→лондон"), f);
    // names of two words inflect in both
    String two = "Мэр Нижнего Новгорода посетил Сергиев Посад, потом был в Ростове-на-Дону "
        + "и под Сергиевым Посадом.";
    String f2 = found(two, "ru");
    assertTrue(f2.contains("Нижнего Новгорода→нижний новгород"), f2);
    assertTrue(f2.contains("Ростове-на-Дону→ростов-на-дону"), f2);
    assertTrue(f2.contains("Сергиевым Посадом→сергиев посад"), f2);
    // an ending outside the list is not a case form: "Москвичи" (Muscovites) is no match
    assertTrue(surfaces("Москвичи рады.", "ru").isEmpty(), found("Москвичи рады.", "ru"));
    // short names of large cities decline too: Уфа, Тула
    String shortNames = found("Гости из Уфы побывали в Туле.", "ru");
    assertTrue(shortNames.matches(".*Уфы→[^ ]*уфа\\b.*"), shortNames);
    assertTrue(shortNames.matches(".*Туле→[^ ]*тула\\b.*"), shortNames);
  }

  @Test
  void polishCaseEndingsOnlyInPolish() {
    // diacritics are folded first: Krakowie is krakow + ie, Gdańsku gdansk + u, Warszawy the stem
    // of warszawa + y
    String s = "Delegacja z Krakowa była w Gdańsku i w Warszawie, nie w Warszawy.";
    String f = found(s, "pl");
    assertTrue(f.matches(".*Krakowa→[^ ]*krakow\\b.*"), f);
    assertTrue(f.matches(".*Gdańsku→[^ ]*gdansk\\b.*"), f);
    assertTrue(f.matches(".*Warszawie→[^ ]*warszawa\\b.*"), f);
    // the same words in another Latin-script language are no names
    assertTrue(!found(s, "en").contains("Gdańsku"), found(s, "en"));
  }

  @Test
  void germanGenitiveSOnlyInGerman() {
    String s = "Wittenbergs Bürgermeister traf die Partnerstadt Brandenburgs in Gelsenkirchens "
        + "Rathaus.";
    String f = found(s, "de");
    for (String form : List.of("Wittenbergs→wittenberg", "Brandenburgs→brandenburg",
        "Gelsenkirchens→gelsenkirchen")) {
      assertTrue(f.contains(form), form + " in " + f);
    }
    // a name ending in a hissing sound takes no s, and other languages have no such genitive
    assertTrue(!found("Die Gäste aus Grazs Umland.", "de").contains("Grazs"),
        found("Die Gäste aus Grazs Umland.", "de"));
    assertTrue(!found(s, "en").contains("Wittenbergs"), found(s, "en"));
  }

  @Test
  void ukrainianCaseEndings() {
    String f = found("Делегація зі Львова була в Одесі.", "uk");
    assertTrue(f.contains("Львова→львов"), f);
    assertTrue(f.contains("Одесі→одеса"), f); // the stem of одеса and the Ukrainian ending і
  }

  @Test
  void polishMobileEAndPluralNames() {
    String s = "Burmistrz Mielca spotkał się w Wiedniu z gośćmi z Biskupca, a umowę z Żółkwią "
        + "podpisano w Tychach, potem w Suwałkach, z udziałem Katowic i Kielc.";
    String f = found(s, "pl");
    assertTrue(f.matches(".*Mielca→[^ ]*mielec\\b.*"), f);
    assertTrue(f.matches(".*Wiedniu→[^ ]*wieden\\b.*"), f);
    assertTrue(f.matches(".*Biskupca→[^ ]*biskupiec\\b.*"), f);
    assertTrue(f.matches(".*Żółkwią→[^ ]*zo[lł]kiew\\b.*"), f);
    assertTrue(f.matches(".*Tychach→[^ ]*tychy\\b.*"), f);
    assertTrue(f.matches(".*Suwałkach→[^ ]*suwałki\\b.*"), f);
    assertTrue(f.matches(".*Katowic→[^ ]*katowice\\b.*"), f);
    assertTrue(f.matches(".*Kielc→[^ ]*kielce\\b.*"), f);
    // the same words in English are no names; a bare plural stem is no word ("tych" = "those")
    List<String> en = surfaces("Visitors from Mielca, Wiedniu, Tychach and Kielc.", "en");
    assertTrue(List.of("Mielca", "Wiedniu", "Tychach", "Kielc").stream().noneMatch(en::contains),
        en.toString());
    List<String> common = surfaces("Z tych prac wybrano dwie, bo było ich mało.", "pl");
    assertTrue(!common.contains("tych") && !common.contains("prac"), common.toString());
    // a whole word that is a name keeps a stem with an ending of the same span as a further
    // reading: "Wieliczki" is a village and the town Wieliczka's genitive (the resolver decides)
    assertEquals("Wieliczki→wieliczki,wieliczka",
        found("Burmistrz Wieliczki podpisał umowę.", "pl"));
    assertTrue(found("Umowę z miastem Kaniów podpisano.", "pl").startsWith("Kaniów→kaniow"));
  }

  @Test
  void polishAdjectiveNounNames() {
    String s = "Prezydent Zielonej Góry i burmistrz Dobrego Miasta byli w Nowym Sączu, "
        + "a potem przed Dobrym Miastem i pod Tarnowskimi Górami.";
    String f = found(s, "pl");
    assertTrue(f.contains("Zielonej Góry→zielona gora"), f);
    assertTrue(f.contains("Dobrego Miasta→dobre miasto"), f);
    assertTrue(f.contains("Nowym Sączu→nowy sacz"), f);
    assertTrue(f.contains("Dobrym Miastem→dobre miasto"), f);
    assertTrue(f.contains("Tarnowskimi Górami→tarnowskie gory"), f);
    // only in Polish articles
    String en = found("The words Nowym Sączu and Dobrego Miasta.", "en");
    assertTrue(!en.contains("Sączu") && !en.contains("Dobrego"), en);
  }

  @Test
  void polishOneWordNamesDeclinedLikeAdjectives() {
    String f = found("Goście z Chmielnickiego i Równego byli w Zakopanem, "
        + "a umowę z Chmielnickim podpisano.", "pl");
    assertTrue(f.matches(".*Chmielnickiego→[^ ]*chmielnicki\\b.*"), f);
    assertTrue(f.matches(".*Równego→[^ ]*rowne\\b.*"), f);
    assertTrue(f.matches(".*Zakopanem→[^ ]*zakopane\\b.*"), f);
    assertTrue(f.matches(".*Chmielnickim→[^ ]*chmielnicki\\b.*"), f);
    // a name in -ja drops its j before the i of the oblique cases: Kołomyja, w Kołomyi
    String ja = found("Delegacja gościła w Kołomyi.", "pl");
    assertTrue(ja.matches(".*Kołomyi→[^ ]*ko[lł]omyja\\b.*"), ja);
    // only in Polish articles
    String en = found("The words Chmielnickiego and Zakopanego.", "en");
    assertTrue(!en.contains("Chmielnickiego") && !en.contains("Zakopanego"), en);
  }

  @Test
  void polishNamesOfSeveralWordsDeclinedWordByWord() {
    String s = "Goście z Gorzowa Wielkopolskiego, Białej Podlaskiej i Rawy Ruskiej pojechali do "
        + "Hradca Králové, potem do Kudowy-Zdroju, Frankfurtu nad Odrą i Czerniowiec.";
    String f = found(s, "pl");
    assertTrue(f.contains("Gorzowa Wielkopolskiego→gorzow wielkopolski"), f);
    assertTrue(f.contains("Białej Podlaskiej→biała podlaska"), f);
    assertTrue(f.contains("Rawy Ruskiej→rawa ruska"), f);
    assertTrue(f.contains("Hradca Králové→hradec kralove"), f);
    assertTrue(f.matches("(?s).*Kudowy-Zdroju→kudowa.zdroj\\b.*"), f);
    assertTrue(f.contains("Frankfurtu nad Odrą→frankfurt nad odra"), f);
    assertTrue(f.contains("Czerniowiec→czerniowce"), f);
    // lower-case words are no name, and only Polish articles decline this way
    String lower = found("Goście z gorzowa wielkopolskiego.", "pl");
    assertTrue(!lower.contains("gorzow wielkopolski"), lower);
    String en = found("Guests from Gorzowa Wielkopolskiego and Hradca Králové.", "en");
    assertTrue(!en.contains("wielkopolski") && !en.contains("hradec kralove"), en);
  }

  @Test
  void ukrainianVowelAlternationAndAdjectiveNames() {
    String s = "Делегація Києва і Харкова прибула до Чернігова, потім була в Києві з мером "
        + "Кам’янського та зустрілася з Кам'янським районом.";
    String f = found(s, "uk");
    assertTrue(f.matches(".*Києва→[^ ]*киів\\b.*"), f);
    assertTrue(f.matches(".*Києві→[^ ]*киів\\b.*"), f);
    assertTrue(f.matches(".*Харкова→[^ ]*харків\\b.*"), f);
    assertTrue(f.matches(".*Чернігова→[^ ]*чернігів\\b.*"), f);
    assertTrue(f.matches(".*Кам’янського→[^ ]*кам'янське\\b.*"), f);
    // an ending that is neither a noun's nor an adjective's is no case form
    assertTrue(surfaces("Харківщина і кам'янськість.", "uk").isEmpty(),
        found("Харківщина і кам'янськість.", "uk"));
  }

  @Test
  void koreanSuffixesAndParticlesFollowTheName() {
    // 서울시 is a name of Seoul itself, 와 a particle; 서울대학교 (the university) is no match
    String s = "서울시와 부산에서 대표단이 서울대학교를 방문했다.";
    assertEquals(List.of("서울시", "부산"), surfaces(s, "ko"));
    assertEquals(List.of("서울"), surfaces("서울시장은 방문했다.", "ko"));
  }

  @Test
  void arabicCliticsAttachOnlyInArabic() {
    String ar = "وفد من بكين وبكين";
    assertEquals(List.of("بكين", "بكين"), surfaces(ar, "ar"));
    assertEquals(List.of("بكين"), surfaces(ar, "fa"));
  }

  @Test
  void hanNeedsNoSpacesAndTakesTheLongestName() {
    String s = "广州市与成都签署协议";
    assertEquals(List.of("广州市", "成都"), surfaces(s, "zh"));
  }

  @Test
  void latinNamesEndAtWordBoundaries() {
    assertTrue(surfaces("Parisians like Tehranis and Berliners", "en").isEmpty(),
        found("Parisians like Tehranis and Berliners", "en"));
    // "York" inside "New York" gives way to the longer name
    List<String> ny = surfaces("They flew to New York.", "en");
    assertTrue(ny.contains("New York") && !ny.contains("York"), ny.toString());
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    // combining marks and ZWNJ disappear in the normalised text; offsets must still fit
    String s = "Izmir\u0307 and I\u0307zmir near Tehran\u200c";
    for (PlaceMatcher.Match m : MATCHER.find(s, "en")) {
      assertTrue(m.start() >= 0 && m.end() <= s.length() && m.start() < m.end(), m.toString());
    }
    assertTrue(surfaces(s, "en").contains("Tehran"), found(s, "en"));
  }
}
