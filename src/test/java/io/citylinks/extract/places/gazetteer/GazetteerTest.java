package io.citylinks.extract.places.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.extract.places.gazetteer.Gazetteer.Entry;
import io.citylinks.extract.places.gazetteer.Gazetteer.Form;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped gazetteer: the seed articles' cities, countries and districts by their forms. */
class GazetteerTest {
  private static Gazetteer gazetteer;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.shared();
  }

  private static List<String> ids(String surface) {
    return gazetteer.lookup(SurfaceNormalizer.normalize(surface)).stream().map(Place::id)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      İzmir|311046
      Izmir|311046
      IZMIR|311046
      Измир|311046
      伊兹密尔|311046
      إزمير|311046
      ازمیر|311046
      Chengdu|1815286
      成都|1815286
      成都市|1815286
      Чэнду|1815286
      چنگدو|1815286
      Harbin|2037013
      哈尔滨|2037013
      Харбин|2037013
      هاربین|2037013
      Gorgan|132892
      گرگان|132892
      Guangzhou|1809858
      广州|1809858
      廣州市|1809858
      Гуанчжоу|1809858
      گوانگژو|1809858
      گوانگ‌ژو|1809858
      گوانگجو|1809858
      Shiraz|115019
      شیراز|115019
      شيراز|115019
      Şiraz|115019
      Mashhad|124665
      مشهد|124665
      Meşhed|124665
      Qom|119208
      قم|119208
      Bucharest|683506
      București|683506
      Bükreş|683506
      بخارست|683506
      布加勒斯特|683506
      Бухарест|683506
      Tehran|112931
      تهران|112931
      طهران|112931
      Tahran|112931
      德黑兰|112931
      Тегеран|112931
      Xi'an|1790630
      Xi’an|1790630
      Xian|1790630
      西安|1790630
      شیآن|1790630
      شی‌آن|1790630
      Сиань|1790630
      The Hague|2747373
      Den Haag|2747373
      Lahey|2747373
      لاهه|2747373
      海牙|2747373
      Гаага|2747373
      叶卡捷琳堡|1486209
      """)
  void seedCitiesResolveToTheirGeoNamesId(String surface, String geonameId) {
    assertTrue(ids(surface).contains(geonameId), surface + " → " + ids(surface));
  }

  @Test
  void guangzhouPersianSpellingIsAmbiguousWithGwangjuAndGuangzhouRanksFirst() {
    List<String> ids = ids("گوانگجو");
    assertEquals("1809858", ids.get(0));
    assertTrue(ids.contains("1841811"), "Gwangju stays a reading: " + ids);
    Entry override = gazetteer.lookupEntries(SurfaceNormalizer.normalize("گوانگجو")).get(0);
    assertEquals(Form.OVERRIDE, override.form());
    assertEquals("fa", override.lang());
  }

  @Test
  void mashhadCandidatesRankTheIranianCityFirst() {
    Place first = gazetteer.lookup(SurfaceNormalizer.normalize("مشهد")).get(0);
    assertEquals("124665", first.id());
    assertEquals("IR", first.countryCode());
  }

  @Test
  void wrongGeoNamesAliasIsRemovedByTheOverrides() {
    assertFalse(ids("شینیانگ").contains("1809858"));
    assertTrue(ids("شینیانگ").contains("2034937"));
    assertEquals(List.of("732770"), ids("Бургас"), "Burgas, no more Burgos");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      China|CN
      Çin|CN
      چین|CN
      الصين|CN
      中国|CN
      Китай|CN
      Chine|CN
      Cina|CN
      Chinese|CN
      Çinli|CN
      چینی|CN
      صيني|CN
      الصينية|CN
      китайский|CN
      китайской|CN
      chinois|CN
      chinoise|CN
      chinesische|CN
      chino|CN
      chinês|CN
      chinesa|CN
      cinese|CN
      中方|CN
      Iran|IR
      İran|IR
      ایران|IR
      إيران|IR
      伊朗|IR
      Иран|IR
      Iranian|IR
      ایرانی|IR
      İranlı|IR
      إيراني|IR
      иранской|IR
      iranien|IR
      Turkey|TR
      Türkiye|TR
      ترکیه|TR
      تركيا|TR
      土耳其|TR
      Турция|TR
      Turkish|TR
      Türk|TR
      турецкий|TR
      turco|TR
      Romania|RO
      Romanya|RO
      رومانی|RO
      رومانيا|RO
      罗马尼亚|RO
      Румыния|RO
      Romanian|RO
      Rumen|RO
      румынский|RO
      roumaine|RO
      Netherlands|NL
      Holland|NL
      Hollanda|NL
      هلند|NL
      هولندا|NL
      荷兰|NL
      Нидерланды|NL
      Dutch|NL
      هلندی|NL
      голландский|NL
      néerlandais|NL
      """)
  void countriesAreFoundByNameAndAdjective(String surface, String iso2) {
    List<Place> places = gazetteer.lookup(SurfaceNormalizer.normalize(surface));
    assertTrue(places.stream().anyMatch(p -> p.kind() == Place.Kind.COUNTRY
        && p.countryCode().equals(iso2)), surface + " → " + places);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Beyoğlu|tr-district:34-beyoglu|TR
      Keçiören|tr-district:06-kecioren|TR
      Kahramankazan|tr-district:06-kahramankazan|TR
      Beykoz|tr-district:34-beykoz|TR
      Seocho-gu|csc:65488|KR
      Seocho|csc:65488|KR
      Dobong-gu|csc:65306|KR
      Shibuya|csc:64316|JP
      """)
  void districtsResolveToThemselvesWithTheirCountry(String surface, String id, String country) {
    Place p = gazetteer.lookup(SurfaceNormalizer.normalize(surface)).stream()
        .filter(x -> x.id().equals(id)).findFirst().orElseThrow(() ->
            new AssertionError(surface + " → " + ids(surface)));
    assertEquals(Place.Kind.DISTRICT, p.kind());
    assertEquals(country, p.countryCode());
  }

  @Test
  void cyrillicNamesOfTwoWordsAreFoundHyphenatedToo() {
    assertTrue(ids("Сергиев Посад").contains("496638"));
    assertTrue(ids("Сергиев-Посад").contains("496638"), "the hyphenated spelling of Russian text");
    assertTrue(ids("Sergiyev Posad").contains("496638"));
    assertFalse(ids("Sergiyev-Posad").contains("496638"), "Latin names keep GeoNames' spelling");
  }

  @Test
  void placesCarryTheirGeoNamesName() {
    assertEquals("İzmir", gazetteer.byId("311046").orElseThrow().name());
    assertEquals("Xi’an", gazetteer.byId("1790630").orElseThrow().name());
    assertEquals("The Hague", gazetteer.byId("2747373").orElseThrow().name());
    Place tehran = gazetteer.byId("112931").orElseThrow();
    assertEquals("IR", tehran.countryCode());
    assertEquals(Place.Kind.CITY, tehran.kind());
    assertEquals("China", gazetteer.country("CN").orElseThrow().name());
    assertTrue(gazetteer.byId("no-such-id").isEmpty());
  }

  @Test
  void airportCodesAndMachineRomanisationsAreNotKeys() {
    assertFalse(ids("ANK").contains("323786"), "IATA code of Ankara");
    assertFalse(ids("ye ka jie lin bao").contains("1486209"), "pinyin romanisation");
  }

  @Test
  void sharedInstanceIsLoadedOncePerSource() {
    assertTrue(gazetteer == Gazetteer.shared(GazetteerSource.classpath()));
    assertTrue(gazetteer.header().stream().anyMatch(h -> h.contains("CC BY 4.0")));
  }
}
