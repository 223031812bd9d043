package io.citylinks.extract.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who partners with whom, and how: the pairing rules on short articles of our own. */
class PairingTest {
  /** "CityA/CC-CityB/CC type" per partnership, in table order. */
  private static String pairs(String lang, String... sentences) {
    return PartnershipExtractor.extract(Arrays.asList(sentences), lang, 2024).stream()
        .map(c -> c.a().name() + "/" + c.a().country() + "-" + c.b().name() + "/"
            + c.b().country() + " " + c.type())
        .sorted().collect(Collectors.joining("; "));
  }

  /**
   * As {@link #pairs}, with the pairs under the confidence model's floor too: what the rules
   * pair, before the model weighs it (domestic pairs are thin evidence and often fall under it).
   */
  private static String allPairs(String lang, String... sentences) {
    return PartnershipExtractor.extract(Arrays.asList(sentences), lang, 2024,
            new ArrayList<>()).stream()
        .map(c -> c.a().name() + "/" + c.a().country() + "-" + c.b().name() + "/"
            + c.b().country() + " " + c.type())
        .sorted().collect(Collectors.joining("; "));
  }

  @Test
  void aForeignDelegationPairsWithTheHomeMunicipality() {
    assertEquals("Harbin/CN-Bursa/TR visit", pairs("tr",
        "Bursa Büyükşehir Belediye Başkanı, Çin'in Harbin kentinden gelen heyeti ağırladı.",
        "Görüşmede iki kent arasında ticaret ve turizm alanında işbirliği ele alındı."));
  }

  @Test
  void aSisterCityAgreementIsTwinningEvenWhenSigned() {
    assertEquals("Kazan/RU-Bursa/TR twinning", pairs("tr",
        "Bursa ile Kazan arasında kardeş şehir protokolü imzalandı."));
  }

  @Test
  void bothCitiesAreTheTwoNamedJustBefore() {
    assertEquals("Ravenna/IT-Maastricht/NL twinning", pairs("nl",
        "De burgemeester van Maastricht ontving zaterdag zijn collega uit het Italiaanse Ravenna.",
        "Beide steden bekrachtigden daarna een stedenband."));
    assertEquals("Harbin/CN-Bursa/TR twinning", pairs("en",
        "The mayors of Bursa and Harbin met at the city hall on Monday.",
        "The two cities signed a sister city agreement."));
    // "both cities" with no other relation word names no partnership
    assertEquals("", pairs("en",
        "The mayors of Bursa and Harbin spoke about their ports on Monday.",
        "Both cities have large harbours."));
  }

  @Test
  void partnersJoinedByAConjunctionAreSurer() {
    // the same two cities and cue; joined by "and" (与, countries aside) or named apart
    assertTrue(confidence("en", "The mayors of Leeds and Dortmund signed a twinning agreement.")
        > confidence("en", "The mayor of Leeds signed a twinning agreement on Monday, and so did "
            + "the mayor of Dortmund.") + 0.05);
    assertTrue(confidence("zh", "湖北省武汉市与泰国曼谷市缔结友好城市关系。")
        > confidence("zh", "湖北省武汉市代表团访问时，泰国曼谷市缔结友好城市关系。") + 0.05);
    // a province of the second partner between them too
    assertTrue(confidence("zh", "甘肃省庆阳市与加拿大魁北克省沙威尼根市缔结友好城市关系。") >= 0.6);
    // a city word in the nominative after the country's adjective: "и китайский город"
    double joined = confidence("ru",
        "Договор о сотрудничестве подписали Коломна и китайский город Лоян.");
    double apart = confidence("ru",
        "Договор о сотрудничестве подписала Коломна, а позже его обсуждал китайский город Лоян.");
    assertTrue(joined > apart + 0.05, joined + " vs " + apart);
    // the country's genitive after the conjunction: 大津市とドイツのヴュルツブルク市
    double ja = confidence("ja", "大津市とドイツのヴュルツブルク市は姉妹都市提携を結んだ。");
    double jaApart = confidence("ja", "大津市の代表団は、ドイツのヴュルツブルク市と姉妹都市提携を結んだ。");
    assertTrue(ja > jaApart + 0.05, ja + " vs " + jaApart);
    double tr = confidence("tr", "Nilüfer Belediyesi ile Almanya'nın Darmstadt şehri arasında "
        + "kardeş şehir protokolü imzalandı.");
    double trApart = confidence("tr", "Nilüfer Belediyesi, Almanya'nın Darmstadt şehrinden "
        + "gelen heyetle kardeş şehir protokolü imzaladı.");
    assertTrue(tr > trApart + 0.05, tr + " vs " + trApart);
  }

  @Test
  void aVisitWithinTheCountryIsNoPartnership() {
    assertEquals("", allPairs("tr", "Başkan Aktaş, İstanbul'da düzenlenen Turizm Fuarı'nda "
        + "Antalya ve İzmir stantlarını ziyaret etti."));
    // with a twinning word it may be one
    assertEquals("Gaziantep/TR-Trabzon/TR twinning", pairs("tr", "Gaziantep Büyükşehir "
        + "Belediyesi ile Trabzon Büyükşehir Belediyesi arasında kardeş şehir protokolü "
        + "imzalandı."));
  }

  @Test
  void theSisterCitiesAssociationNamesNoTwinning() {
    assertEquals("", allPairs("en", "Sister Cities International held its annual conference in "
        + "Houston, where the mayor of Aurora spoke."));
    assertEquals("Dortmund/DE-Leeds/GB twinning", pairs("en",
        "The mayor of Leeds welcomed a delegation from its sister city Dortmund, Germany."));
  }

  @Test
  void aGatheringOfSisterCitiesIsAConference() {
    assertEquals("Minsk/BY-Novosibirsk/RU conference", pairs("ru",
        "Делегация Новосибирска приняла участие в форуме городов-побратимов в Минске."));
    assertEquals("Dortmund/DE-Leeds/GB conference",
        pairs("en", "The mayor of Leeds attended the sister cities summit in Dortmund."));
    // a twinning signed at a forum is still a twinning
    assertEquals("Dortmund/DE-Leeds/GB twinning", pairs("de", "Der Bürgermeister von Leeds "
        + "unterzeichnete auf dem Forum in Dortmund den Partnerschaftsvertrag."));
  }

  @Test
  void anAmbassadorAtTheSigningLeavesAJoinedPairSure() {
    // an embassy's courtesy call is no partnership; an ambassador among the guests of a signing
    // between two cities the sentence joins does not make it doubtful
    String signing = "Antalya ile Rusya'nın Soçi kenti arasında turizm alanında iş birliği "
        + "anlaşması imzalandı.";
    double withAmbassador = confidence("tr", signing + " Törene büyükelçi de katıldı.");
    assertTrue(withAmbassador >= 0.8, "" + withAmbassador);
    assertTrue(Math.abs(withAmbassador - confidence("tr", signing)) < 0.1);
    // not joined, the ambassador still counts against the pair
    String apart = "Antalya Belediye Başkanı, Rusya'nın Soçi kentinden gelen heyetle iş birliği "
        + "anlaşması imzaladı.";
    assertTrue(confidence("tr", apart + " Törene büyükelçi de katıldı.")
        < confidence("tr", apart) - 0.2);
  }

  @Test
  void aSmallForeignTownWhoseCountryIsNamedIsAPartner() {
    // a kana name of eight characters is no word, as two Han characters may be
    assertEquals("Grindelwald/CH-Matsumoto/JP twinning",
        pairs("ja", "松本市長は、姉妹都市のスイス・グリンデルワルト村を訪問しました。"));
    // Mamers (FR, 6,575 inhabitants) has a namesake in the United States; with France named
    // and the United States not, it is the French town
    assertEquals("Mamers/FR-Kutno/PL twinning",
        pairs("pl", "Burmistrz Kutna przyjął delegację z miasta partnerskiego Mamers we Francji."));
    assertEquals("", pairs("pl",
        "Burmistrz Kutna przyjął delegację z miasta partnerskiego Mamers."));
  }

  /** The confidence of the one pair of a one-sentence article, floor or not. */
  private static double confidence(String lang, String sentence) {
    List<Candidate> found = PartnershipExtractor.extract(List.of(sentence), lang, 2024,
        new ArrayList<>());
    assertEquals(1, found.size(), found.toString());
    return found.get(0).confidence();
  }

  @Test
  void aPairNoSentenceNamesIsNeverSure() {
    // Tver is paired with Leeds, the article's city, though no sentence names both: an inference
    // (the model alone gives it 0.81)
    List<Candidate> inferred = PartnershipExtractor.extract(List.of(
        "Leeds signs a sister city agreement",
        "The mayor of Leeds welcomed the guests on Monday.",
        "A delegation of Tver, Russia, signed the sister city agreement with the council.",
        "The Tver delegation also visited schools under the sister city agreement.",
        "Tver officials invited the council to a return visit as sister cities."), "en", 2024);
    assertEquals(1, inferred.size(), inferred.toString());
    assertEquals(Pairing.INFERRED_PAIR_CONFIDENCE, inferred.get(0).confidence(), 1e-9);
    // a headline naming both makes the same tie sure
    List<Candidate> named = PartnershipExtractor.extract(List.of(
        "Leeds welcomes sister city delegation from Tver",
        "The mayor of Leeds welcomed the guests on Monday.",
        "A delegation of Tver, Russia, signed the sister city agreement with the council.",
        "The Tver delegation also visited schools under the sister city agreement."), "en", 2024);
    assertEquals(1, named.size(), named.toString());
    assertTrue(named.get(0).confidence() > 0.8, named.toString());
  }

  @Test
  void aCountryWithoutACityIsNoPartner() {
    assertEquals("", pairs("en",
        "The mayor of Leeds received a Chinese delegation at the town hall.",
        "The visitors discussed trade with council officials."));
  }

  @Test
  void tourismWithoutOfficialsIsNoPartnership() {
    assertEquals("", pairs("en",
        "Thousands of visitors from Lyon and Milan came to the Leeds light festival.",
        "Hotels were full all weekend."));
  }

  @Test
  void aListOfPartnersPairsEachWithTheHomeCity() {
    // one of the listed partners is of the home city's own country: it is a partner all the same
    assertEquals("Smarhoń/BY-Vitebsk/BY twinning; Vitebsk/BY-Jelgava/LV twinning", allPairs("ru",
        "В Витебске подписаны соглашения о побратимстве с городами Сморгонь и Елгава."));
  }

  @Test
  void aTieEndedIsNoPartnership() {
    assertEquals("", pairs("nl", "Gemeente Weert beëindigt de stedenband met het Chinese Yuhang.",
        "Weert en Yuhang zijn sinds 2010 zustersteden."));
    assertEquals("", pairs("en",
        "The council voted to terminate its sister city agreement with Tver, Russia."));
    // the same tie signed is one
    assertEquals("Leeds/GB-Tver/RU twinning", allPairs("en",
        "The council of Leeds signed a sister city agreement with Tver, Russia."));
  }

  @Test
  void citiesListedAsOneSideEachPairWithTheOther() {
    // two Turkish towns sign together with one Kyrgyz district: each is its partner, not the
    // other's
    String found = allPairs("tr", "Nazilli ve Söke belediyeleri, Kırgızistan'ın Kuzukent "
        + "ilçesi ile kardeş şehir protokolü yaptı.");
    assertEquals("Kuzukent/KG-Nazilli/TR twinning; Kuzukent/KG-Söke/TR twinning", found);
  }

  @Test
  void aVisitCalledOffIsNoPartnership() {
    assertEquals("", pairs("en",
        "The mayor of Leeds called off his official visit to Tver, Russia, on Monday."));
    assertEquals("Leeds/GB-Tver/RU visit", allPairs("en",
        "The mayor of Leeds paid an official visit to Tver, Russia, on Monday."));
  }

  @Test
  void aTieOnlyRecalledIsNoPartnership() {
    // the article reminds its readers of older ties: not news, not a partnership
    assertEquals("", pairs("es", "El alcalde de Valdivia inauguró la feria del libro.",
        "Cabe recordar que Valdivia firmó convenios de hermanamiento con Bariloche, Argentina."));
    assertEquals("", pairs("tr", "Belediye Başkanı, Konya'nın Kazan ile kardeş şehir olduğunu "
        + "hatırlatarak teşekkür etti."));
    // the same tie told as the news is one
    assertEquals("San Carlos de Bariloche/AR-Valdivia/CL twinning", allPairs("es",
        "El alcalde de Valdivia inauguró la feria del libro.",
        "Valdivia firmó convenios de hermanamiento con Bariloche, Argentina."));
  }

  @Test
  void severalTwinningsInOneSentencePairNearestPartners() {
    assertEquals("Qingdao/CN-Tver/RU agreement; Weihai/CN-Kaluga/RU agreement", pairs("ru",
        "Мэры подписали соглашения о сотрудничестве: Тверь и Циндао, Калуга и Вэйхай."));
  }

  @Test
  void theHomeCityNamedWithAnotherOfItsCountryPartnersTheForeignOne() {
    // Hamm and Lublin end a list of Bielefeld's partners (an unknown town between them): both
    // are Bielefeld's, not each other's
    String found = allPairs("de",
        "Bielefeld unterzeichnet eine Städtepartnerschaft mit einer Region in China.",
        "Damit ist die Region die vierte Partnerstadt Bielefelds nach Hamm (Westfalen), "
            + "Zorgeville in Frankreich und Lublin in Polen.");
    assertTrue(found.contains("Bielefeld/DE-Lublin/PL twinning"), found);
    assertTrue(!found.contains("Hamm"), found);
    // but a conjunction joins the other city to the foreign one: they are the pair
    String joined = allPairs("tr",
        "Bursa Büyükşehir Belediyesi toplantısında Trabzon'un Yomra Belediyesi ile Gürcistan'ın "
            + "Batum Belediyesi arasında kardeş şehir protokolü imzalandı.",
        "Bursa heyeti törene katıldı.");
    assertTrue(joined.contains("Batumi/GE-Yomra/TR twinning"), joined);
  }

  @Test
  void theHomeCityNotTheOneWhereItHappenedPartnersTheForeignOne() {
    // the guests came from Gradačac to Bağcılar's mayor; Istanbul, nearer in the sentence, is
    // only where they were received
    String found = allPairs("tr",
        "Bağcılar Belediye Başkanı, kardeş şehir Gradaçaç'tan gelen heyeti İstanbul'da ağırladı.");
    assertTrue(found.contains("Gradačac/BA-Bağcılar/TR twinning"), found);
    assertTrue(!found.contains("Istanbul"), found);
  }

  @Test
  void itemsOfAListOfThreeAreNotOneWithinTheOther() {
    // "Saraybosna, Mostar" alone reads as a town and its city; with a third item it is a list
    assertEquals("Mostar/BA-Bursa/TR visit; Sarajevo/BA-Bursa/TR visit; Zenica/BA-Bursa/TR visit",
        allPairs("tr", "Bursa Belediyesi heyeti Bosna Hersek'in Saraybosna, Mostar ve Zenica "
            + "şehirlerini ziyaret etti."));
    assertEquals("Mostar/BA-Bursa/TR visit",
        allPairs("tr", "Bursa Belediyesi heyeti Saraybosna, Mostar ziyaret etti."));
  }

  @Test
  void pairsListedAtAForumOfAnotherCityPairWithEachOther() {
    // the forum's city is named too, but the list goes in twos joined by "и"
    assertEquals("Brest/BY-Terespol/PL agreement; Hrodna/BY-Białystok/PL agreement; "
        + "Vitebsk/BY-Smolensk/RU agreement", pairs("ru",
        "На форуме в Минске соглашения подписали Брест и Тересполь, Гродно и Белосток, Витебск "
            + "и Смоленск."));
  }

  @Test
  void aTownOfTheArticlesCountryNamedFirstInTheSentenceIsAPartner() {
    // a name of two capitalised words is a name at a sentence start too, and a town of the
    // language's country named without a cue is sure enough to partner
    assertEquals("Ostrów Wielkopolski/PL-Brody/UA agreement", pairs("pl",
        "Ostrów Wielkopolski podpisał umowę o współpracy z ukraińskim miastem Brody."));
  }

  @Test
  void participantsOfAHostedForumPairWithTheHost() {
    assertEquals("Dubai/AE-Xi’an/CN conference; Xi’an/CN-Ankara/TR conference", pairs("en",
        "The mayors of Ankara and Dubai spoke at the urban forum hosted by Xi'an."));
  }

  @Test
  void homeCitiesAtAForeignConferenceEachAttend() {
    assertEquals("Mashhad/IR-Bucharest/RO conference; Shiraz/IR-Bucharest/RO conference",
        pairs("fa", "شهرداری شیراز و مشهد در کنفرانس شهرهای هوشمند بخارست شرکت کردند."));
  }

  @Test
  void aTwinningNamedAsBackgroundLeavesTheVisit() {
    assertEquals("Dortmund/DE-Leeds/GB visit", pairs("en",
        "A delegation from Dortmund was received by the Lord Mayor of Leeds.",
        "The two cities have been sister cities since 1969 and met to plan a youth exchange."));
  }

  @Test
  void aCityNamedOnceIsLessSureThanThePartnerNamedThroughout() {
    // Izmir-Chengdu is supported by three cue sentences; Shenzhen is named once. Articles often
    // name further partners once, so Shenzhen is not dropped: the model weighs its thin support.
    Map<String, Double> confidence = new HashMap<>();
    PartnershipExtractor.extract(List.of(
        "Izmir hosts Chengdu delegation.",
        "The mayor of Izmir welcomed the Chengdu delegation on Monday.",
        "The delegation from Chengdu also met Izmir's council, with a firm from Shenzhen.",
        "Both cities agreed to deepen cooperation."), "en", 2024)
        .forEach(c -> confidence.put(c.a().name() + "-" + c.b().name(), c.confidence()));
    assertTrue(confidence.get("Chengdu-İzmir") >= 0.8, confidence.toString());
    assertTrue(confidence.getOrDefault("Shenzhen-İzmir", 0.0)
        < confidence.get("Chengdu-İzmir") - 0.2, confidence.toString());
  }

  @Test
  void aDistrictNamedWithItsProvinceIsTheMunicipality() {
    assertEquals("Beylikdüzü/TR-Yomra/TR twinning", allPairs("tr",
        "Beylikdüzü Belediyesi ile Trabzon'un Yomra Belediyesi arasında kardeş belediye "
            + "protokolü imzalandı."));
  }

  @Test
  void noCueNoPartnership() {
    assertEquals("", pairs("de",
        "Die Straßenbahn aus Wien fährt seit Montag auch in Graz.",
        "Der Bürgermeister von Graz lobte die neuen Fahrzeuge."));
  }

  @Test
  void itemsOfAListCarryTheCuesOfItsHeading() {
    // the heading names the relation, each item names its two partners and nothing else
    assertEquals("Dresden/DE-Leipzig/DE agreement; Mainz/DE-Trier/DE agreement", allPairs("de",
        "Die Städte trafen sich in Berlin zum Städtetag.",
        "Kooperationsvereinbarungen unterzeichneten:",
        "• die Stadt Leipzig und die Stadt Dresden;",
        "• die Stadt Mainz und die Stadt Trier.",
        "Weitere Gespräche sollen folgen."));
  }

  @Test
  void aListEndsWhereItsItemsStopNamingCities() {
    // the last line names a city but comes after an item without one: not part of the list
    assertEquals("Dresden/DE-Leipzig/DE agreement", pairs("de",
        "Kooperationsvereinbarungen unterzeichneten:",
        "• die Stadt Leipzig und die Stadt Dresden;",
        "• weitere Gemeinden folgen.",
        "Mainz und Trier waren ebenfalls vertreten."));
  }

  @Test
  void aDistrictIsThePartnerNotTheCityAroundIt() {
    // "Beijing's Yanqing district" names the partner; Beijing alone later is its address
    assertEquals("Yanqing/CN-Dongdaemun-gu/KR twinning", pairs("ko",
        "동대문구는 중국 북경시 연경구와 우호도시 협약을 체결했다.",
        "동대문구 대표단은 북경 방문에서 교류 확대를 약속했다."));
  }

  @Test
  void aCityNeverPartnersItsOwnDistrict() {
    // Muratpaşa is a district of Antalya: both sign, with a third city, and never with each other
    String found = allPairs("tr",
        "Antalya Büyükşehir Belediye Başkanı ile Muratpaşa Belediye Başkanı, Gürcistan'ın Batum "
            + "kentiyle kardeş şehir protokolü imzaladı.",
        "Antalya ile Muratpaşa arasında da kardeş şehir protokolü imzalandı.");
    assertTrue(found.contains("Batumi/GE-Muratpaşa/TR twinning"), found);
    assertTrue(!found.contains("Antalya/TR-Muratpaşa") && !found.contains("Muratpaşa/TR-Antalya"),
        found);
    // two cities of one country far apart still may
    String far = allPairs("tr", "Antalya ile Kars arasında kardeş şehir protokolü imzalandı.");
    assertTrue(far.matches("(Antalya/TR-Kars/TR|Kars/TR-Antalya/TR) twinning"), far);
  }

  @Test
  void theGuestsOfAForumTheHomeCityHostsAttendAConference() {
    // a forum of sister cities hosted by Leeds: its guests attend a conference, whatever ties the
    // article names
    assertEquals("Dortmund/DE-Leeds/GB conference; Lille/FR-Leeds/GB conference; "
        + "Sevilla/ES-Leeds/GB conference", pairs("en",
        "Leeds hosts the international forum of its sister cities this week.",
        "Delegations of the twin towns Lille, Dortmund and Seville were welcomed by the mayor of "
            + "Leeds at the forum."));
  }
  @Test
  void citiesListedTogetherAreAsSureAsTheBestOfThem() {
    // the home city's news names it again in the title; the two listed beside it at the
    // conference are partners of the host city as much as it is
    List<Candidate> found = PartnershipExtractor.extract(List.of(
        "حضور شهرداری اصفهان در کنفرانس شهرهای هوشمند بخارست",
        "این کنفرانس با حضور شهرداری اصفهان، تبریز و یزد در بخارست برگزار شد."), "fa", 2024);
    assertThreePartnersOfOneCityAsSure(found, "Bucharest");
  }

  /** Three pairs, each of {@code city}, each within 0.02 of the surest one's confidence. */
  private static void assertThreePartnersOfOneCityAsSure(List<Candidate> found, String city) {
    assertEquals(3, found.size(), found.toString());
    double best = found.stream().mapToDouble(Candidate::confidence).max().orElseThrow();
    for (Candidate c : found) {
      assertTrue(c.a().name().equals(city) || c.b().name().equals(city), found.toString());
      assertTrue(c.confidence() >= best - 0.02, found.toString());
    }
  }

  @Test
  void aListWithEachCountryInBracketsIsStillOneList() {
    // "A (Niemcy), B (Białoruś) i C (Francja)": the bracketed countries do not break the list,
    // so the partners named once share the support of the one named again
    List<Candidate> found = PartnershipExtractor.extract(List.of(
        "Miasta partnerskie gminy Biskupiec",
        "Gmina Biskupiec współpracuje z miastami partnerskimi: Rendsburg (Niemcy), Wołkowysk "
            + "(Białoruś) i Saint-Amand-les-Eaux (Francja).",
        "Współpraca z Rendsburgiem trwa od 1995 roku."), "pl", 2024);
    assertThreePartnersOfOneCityAsSure(found, "Biskupiec");
  }
}
