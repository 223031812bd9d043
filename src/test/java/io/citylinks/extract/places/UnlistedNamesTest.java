package io.citylinks.extract.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Municipalities no gazetteer has, read from their cues by {@link PlaceResolver} through {@link
 * UnlistedNames}, on sentences of our own (Kuzukent, Vlinderwijk and Quelmacura del Viento are
 * invented; the test checks first that the gazetteer lacks them).
 */
class UnlistedNamesTest {
  private static final PlaceResolver RESOLVER = PlaceResolver.shared();

  /** "surface=id/rule" of every accepted mention, text order. */
  private static String places(String lang, String... sentences) {
    return RESOLVER.resolve(Arrays.asList(sentences), lang).stream()
        .map(m -> m.surface() + "=" + m.placeId() + "/" + m.rule())
        .collect(Collectors.joining(" "));
  }

  private static void unknownToTheGazetteer(String... names) {
    for (String name : names) {
      List<?> found = RESOLVER.matcher().gazetteer().lookupEntries(
          io.citylinks.extract.places.gazetteer.SurfaceNormalizer.normalize(name));
      assertTrue(found.isEmpty(), name + " is in the gazetteer: " + found);
    }
  }

  @Test
  void aNameNextToAMunicipalCueIsAMunicipalityOfTheCountryAroundIt() {
    unknownToTheGazetteer("Kuzukent", "Vlinderwijk", "Quelmacura del Viento");
    // after its cue, in the one home country of the places of its sentence
    String tr = places("tr", "Kuzukent ve Yenişehir Kardeş Oldu",
        "Kuzukent Belediye Başkanı Ali Veli, Mersin Yenişehir Belediyesi ile protokol imzaladı.");
    assertTrue(tr.contains("Kuzukent=unlisted:TR:kuzukent/unlisted"), tr);
    // the headline's occurrence, with no cue, is the same place
    assertEquals(2, tr.split("Kuzukent=unlisted:TR:kuzukent").length - 1, tr);
    // listed after a plural cue, between known towns of two countries: the language's one
    String nl = places("nl",
        "De burgemeesters van de gemeenten Groesbeek, Vlinderwijk en Kranenburg tekenden.");
    assertTrue(nl.contains("Vlinderwijk=unlisted:NL:vlinderwijk/unlisted"), nl);
    assertTrue(nl.contains("Groesbeek=2755272"), nl);
    // particles inside the name; the country from the sentence
    String es = places("es", "El alcalde de Quelmacura del Viento visitó Temuco, en Chile.");
    assertTrue(es.contains("Quelmacura del Viento=unlisted:CL:quelmacura del viento/unlisted"), es);
  }

  @Test
  void aLowerCaseCueIsEnoughAfterACountryNamedRightBefore() {
    unknownToTheGazetteer("Kuzukent");
    // "Kırgızistan'ın Kuzukent ilçesi": the country in the genitive, then the name and its cue
    String tr = places("tr",
        "Nazilli Belediyesi, Kırgızistan'ın Kuzukent ilçesi ile dostluk protokolü yaptı.");
    assertTrue(tr.contains("Kuzukent=unlisted:KG:kuzukent/unlisted"), tr);
    // without the country a lower-case cue after a capitalised word proves nothing
    String alone = places("tr", "Nazilli Belediyesi, Kuzukent ilçesi ile protokol yaptı.");
    assertTrue(!alone.contains("Kuzukent"), alone);
  }

  @Test
  void aListOfTownsWithTheirCountriesInBrackets() {
    unknownToTheGazetteer("Kuzukent", "Vlinderwijk", "Quelmacura");
    String pl = places("pl",
        "Partnerami gminy Ełk są: Kuzukent (Niemcy), Vlinderwijk (Litwa) i Quelmacura (Ukraina).");
    assertTrue(pl.contains("Kuzukent=unlisted:DE:kuzukent/unlisted"), pl);
    assertTrue(pl.contains("Vlinderwijk=unlisted:LT:vlinderwijk/unlisted"), pl);
    assertTrue(pl.contains("Quelmacura=unlisted:UA:quelmacura/unlisted"), pl);
    // a Ukrainian hromada and a territorial community, in Polish
    String hromada = places("pl", "Delegacja z ukraińskiej hromady Vlinderwijk odwiedziła Kętrzyn.");
    assertTrue(hromada.contains("Vlinderwijk=unlisted:UA:vlinderwijk/unlisted"), hromada);
  }

  @Test
  void aNameAfterACommaIsAListItemOnlyInAList() {
    unknownToTheGazetteer("Kuzukent", "Vlinderwijk", "Aurelien Vasquier");
    // after "commune de Banfora," a person's name, no other item after it: an apposition
    String fr = places("fr",
        "Le maire de la commune de Banfora, Aurelien Vasquier, est arrivé en France.");
    assertTrue(fr.contains("Banfora="), fr);
    assertTrue(!fr.contains("Aurelien Vasquier"), fr);
    // in a list that goes on, or closed by a conjunction, a name after a comma is an item
    String nl = places("nl",
        "De burgemeesters van de gemeenten Groesbeek, Vlinderwijk, Kuzukent en Kranenburg tekenden.");
    assertTrue(nl.contains("Vlinderwijk=unlisted:NL:vlinderwijk/unlisted"), nl);
    assertTrue(nl.contains("Kuzukent=unlisted:NL:kuzukent/unlisted"), nl);
  }

  @Test
  void aCountryNamedBeforeItDecidesAndGazetteerPartsOfTheNameGiveWay() {
    // "Almanya'nın": the suffix "nın" (also a town, Nin) does not hide the country before it;
    // "Köpenick" alone is a gazetteer name, the borough Treptow-Köpenick is not
    List<PlaceMention> tr = RESOLVER.resolve(List.of(
        "Tepebaşı Belediyesi, Almanya’nın Treptow-Köpenick Belediyesi ile kardeş şehir oldu."),
        "tr");
    String found = tr.stream().map(m -> m.surface() + "=" + m.placeId() + "/" + m.country())
        .collect(Collectors.joining(" "));
    assertTrue(found.contains("Treptow-Köpenick=unlisted:DE:treptow-kopenick/DE"), found);
    assertTrue(tr.stream().noneMatch(m -> m.surface().equals("Köpenick")
        || m.surface().equals("nın")), found);
    // a capitalised cue is not part of the name (German capitalises Bezirk and Stadt)
    String de = places("de",
        "Der Bezirk Charlottenburg-Wilmersdorf der Stadt Berlin unterzeichnete den Vertrag.");
    assertTrue(de.contains("Charlottenburg-Wilmersdorf=unlisted:DE:charlottenburg-wilmersdorf"),
        de);
    assertTrue(de.contains("Berlin=2950159"), de);
  }

  @Test
  void whatTheGazetteerKnowsOrNoCueNamesStaysAsItWas() {
    // the gazetteer's name first, a person's name after it; a name it has before a cue after
    String tr = places("tr", "Cumhurbaşkanı Erdoğan Ankara'da belediye başkanlarıyla görüştü.");
    assertEquals("Ankara=323786/unique-name", tr);
    String en = places("en", "The mayor of Auckland Phil Goff visited Seoul.");
    assertTrue(en.contains("Auckland=2193733"), en);
    assertTrue(!en.contains("unlisted"), en);
    // no cue, no place; a cue but no country to put it in, no place
    assertEquals("", places("nl", "Vlinderwijk is een mooie naam."));
    assertTrue(!places("en", "The municipality of Vlinderwijk signed.").contains("unlisted"));
  }

  @Test
  void aHanDistrictAfterItsCityIsReadAsItsCountryReadsIt() {
    // 桂阳 is also Guiyang in China; after Incheon it is Incheon's district Gyeyang-gu, read the
    // Sino-Korean way; 南 (one character) after Ulsan is Nam-gu
    List<PlaceMention> zh = RESOLVER.resolve(
        List.of("韩国蔚山广域市南区、仁川广域市桂阳区代表团访问了盐城市。"), "zh");
    String found = zh.stream().map(m -> m.name() + "=" + m.placeId())
        .collect(Collectors.joining(" "));
    assertTrue(found.contains("Gyeyang=unlisted:KR:gyeyang"), found);
    assertTrue(found.contains("Nam=unlisted:KR:nam"), found);
    assertTrue(zh.stream().noneMatch(m -> m.country().equals("CN") && m.surface().equals("桂阳")),
        found);
    // in China by pinyin (鹤鸣县 is invented), the gazetteer's own place where it has the name
    // in that country (桂阳 after Chenzhou is Guiyang county)
    String cn = RESOLVER.resolve(List.of("江苏省南通市鹤鸣县与湖南省郴州市桂阳县签订协议。"), "zh")
        .stream().map(m -> m.name() + "=" + m.placeId() + "/" + m.rule())
        .collect(Collectors.joining(" "));
    assertTrue(cn.contains("Heming=unlisted:CN:heming/unlisted"), cn);
    assertTrue(cn.contains("Guiyang=1921001/after-parent"), cn);
    // after a parent read as no place, with no country in the article: nothing, and no error
    assertEquals("", places("zh", "他们在中山鹤鸣区见面。"));
    // a one-character Chinese "district" is a word: 城区, the city proper
    String word = RESOLVER.resolve(List.of("北京市城区的人口增加了。"), "zh").stream()
        .map(PlaceMention::name).collect(Collectors.joining(" "));
    assertEquals("Beijing", word);
  }
}
