package io.citylinks.extract.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Disambiguation rules on sentences of our own, with exact expected places. */
class PlaceResolverTest {
  private static final PlaceResolver RESOLVER = PlaceResolver.shared();

  /** "surface=id" of every accepted mention, text order. */
  private static String places(String lang, String... sentences) {
    return RESOLVER.resolve(Arrays.asList(sentences), lang).stream()
        .map(m -> m.surface() + "=" + m.placeId())
        .collect(Collectors.joining(" "));
  }

  private static List<PlaceMention> mentions(String lang, String... sentences) {
    return RESOLVER.resolve(Arrays.asList(sentences), lang);
  }

  @Test
  void aSmallTownListedWithAcceptedCitiesIsAPlace() {
    // Mauprévoir (690 inhabitants) is read on its own only with a cue; listed with Chauvigny
    // and Poitiers it is one of them. A person's name listed with a city is not.
    String listed = places("fr",
        "Les délégations de Chauvigny, Poitiers et Mauprévoir sont arrivées.");
    assertTrue(listed.contains("Mauprévoir=2995070"), listed);
    assertFalse(places("fr", "Une délégation de Mauprévoir est arrivée.").contains("Mauprévoir"));
    String person = places("fr", "Les maires, Gilbert Annette et Lian Yimin, de Saint-Denis.");
    assertFalse(person.contains("Gilbert"), person);
  }

  @Test
  void aNameGlossedInLatinIsThatPlaceWhereverTheArticleWritesIt() {
    // 马里卡 is in no gazetteer: its gloss Marica is (Maricá, BR), and 马里 (Mali) inside it
    // gives way; the sentence after writes it without the gloss
    List<PlaceMention> zh = mentions("zh", "巴西里约热内卢州马里卡市(Marica)与江门市签约。",
        "江门市与马里卡市在开年签署友城协议。");
    assertTrue(zh.stream().anyMatch(m -> m.sentenceIdx() == 1 && m.surface().equals("马里卡")
        && m.country().equals("BR")), zh.toString());
    assertTrue(zh.stream().noneMatch(m -> m.country().equals("ML")), zh.toString());
    String ar = places("ar", "وقع رئيس بلدية تيزي وزو اتفاقية مع بلدية ليماي (Limay) الفرنسية.",
        "وزار وفد ليماي المدينة.");
    assertTrue(ar.contains("ليماي="), ar);
    // a gloss the gazetteer does not know glosses nothing
    assertFalse(places("zh", "签约仪式在马里卡厅(Xqzvw Hall)举行。", "马里卡厅很大。")
        .contains("马里卡"));
  }

  @Test
  void commonWordsAndSurnamesAreNoForeignCities() {
    // Mesa (board), Kaya (a surname), Sakura (cherry blossom), Google, Совета (council)
    assertFalse(places("pt", "A presidente da Mesa da Assembleia Geral falou em Lisboa.")
        .contains("Mesa"));
    assertFalse(places("tr", "Selim KAYA/MARDİN, (DHA) Belediye Başkanı konuştu.")
        .contains("KAYA"));
    // with its country next to it, a common word is kept, but as doubtful, too weak to partner
    assertTrue(mentions("tr", "Japon Sakura Esintisi İzmir'de başladı.").stream()
        .filter(m -> m.surface().equals("Sakura"))
        .allMatch(m -> m.rule().equals("common-word+cue") && m.confidence() < 0.7));
    assertFalse(places("fr", "Les maires ont parlé de Google à Lyon.").contains("Google"));
    assertFalse(places("ru", "На заседании Совета регионов России и Узбекистана.")
        .contains("Совета"));
  }

  @Test
  void aChineseNameStartingARegionsNameIsNoCity() {
    // 达尔汗乌拉省 is Darkhan-Uul province, not Darkhan; 纽约州 the state, 纽约市 the city
    String found = places("zh", "乌海市与蒙古国达尔汗乌拉省缔结友好关系。",
        "杭州市代表团访问了纽约州和纽约市。");
    assertFalse(found.contains("达尔汗"), found);
    assertFalse(found.contains("纽约州"), found);
    assertTrue(found.contains("纽约市="), found);
    assertTrue(places("zh", "乌海市与蒙古国达尔汗市缔结友好城市关系。").contains("达尔汗="));
  }

  @Test
  void aCountryRightBeforeTheNamePicksItsReading() {
    // Tuzla is an Istanbul district and a Bosnian city; "Bosna Hersek'in Tuzla Belediyesi"
    assertTrue(places("tr", "Bosna Hersek'in Tuzla Belediyesi heyeti Keçiören'i ziyaret etti.")
        .contains("Tuzla=3188582"));
    // an adjective before its noun: "китайского города Цзинань", "der polnischen Stadt Głogów"
    String ru = places("ru", "Делегация китайского города Цзинань посетила Самару.");
    assertTrue(ru.contains("Цзинань=1805753"), ru);
    // Arabic puts the adjective after the name, and one before qualifies something else
    String ar = places("ar", "زار وفد من المملكة الأردنية الهاشمية مدينة الرباط.");
    assertFalse(ar.contains("الهاشمية"), ar);
  }

  @Test
  void namesakesInTheSameCountryOrByAnAliasOnlyLeaveALargeCitySure() {
    // Kansas City, MO and KS: the name and country are the same whichever is meant
    assertTrue(places("es", "El alcalde visitó Kansas City la semana pasada.")
        .contains("Kansas City="));
    // "Kaliningrad" is also a former name of Korolev, an alias only
    assertEquals("Kaliningrad=554234 Offenburg=2857798 Germany=country:DE",
        places("en", "The mayor of Kaliningrad visited Offenburg, Germany."));
  }

  @Test
  void aLargeCitysOwnNameOutweighsALargerPlacesAlternateName() {
    // GeoNames lists "Zaragoza" among Tijuana's names too: Tijuana is larger, but only an alias
    assertEquals("Linz=2772400 Zaragoza=3104324",
        places("en", "Linz and Zaragoza signed a twinning agreement on Monday."));
  }

  @Test
  void aNameReadWithItsCountryNextToItIsThatPlaceAllThroughTheArticle() {
    // 丽水 is Yeosu in Korea and Lishui in Zhejiang, the larger: once "韩国丽水市" has said which,
    // the bare name later in the article is Yeosu too
    assertEquals("青岛市=1797929 韩国=country:KR 丽水市=1884138 丽水市=1884138 青岛市=1797929",
        places("zh", "青岛市代表团访问了韩国丽水市。", "双方表示，丽水市与青岛市将加强合作。"));
  }

  @Test
  void aLargeHomeCityOutweighsANamesakeInANamedCountry() {
    // Kazan (1.2 million) and a Turkish town of that name, with Turkey named in the sentence
    String ru = places("ru", "Делегация Казани во главе с мэром посетила турецкий город Бурса.");
    assertTrue(ru.contains("Казани=551487"), ru);
  }

  @Test
  void anArabicCueWithItsConjunctionStillMakesTheCity() {
    // عمان is Amman and Oman; "وأمانة عمّان" (and the Amman municipality) names the city
    String found = places("ar", "وقعت جماعة الرباط وأمانة عمّان الكبرى اتفاقية توأمة.");
    assertTrue(found.contains("عمّان=250441"), found);
    assertTrue(places("ar", "زار الوفد سلطنة عمان.").contains("country:OM"));
  }

  @Test
  void aForeignTownGeoNamesHasNoArabicNameForIsFoundBySoundBeforeItsCountry() {
    // GeoNames has no Arabic name for Leuven; "لوفان" before "البلجيكية" (Belgian) is read
    // by its consonants among Belgian towns
    String found = places("ar", "وقعت بلدية نابلس ومدينة لوفان البلجيكية اتفاقية توأمة.");
    assertTrue(found.contains("لوفان=2792482"), found);
    // a word before a city that is no country is not tried: nothing is made of it
    assertEquals("نابلس=282615", places("ar", "زار وفد الحكومة نابلس."));
  }

  @Test
  void arabicCountryAdjectivesAreDerivedFromNamesTheFileGivesNoneFor() {
    // the file lists no Arabic adjective for Norway: النرويج gives نرويجي, النرويجية...
    String found = places("ar", "مذكرة تفاهم مع بلدية ترومسو النرويجية.");
    assertTrue(found.contains("النرويجية=country:NO") && found.contains("ترومسو="), found);
    // مالي (Mali) is also "financial": no adjective is made of it
    assertFalse(places("ar", "أعلنت وزارة المالية الميزانية.").contains("country:ML"));
  }

  @Test
  void aForeignTownInChineseCharactersIsFoundBySoundAfterItsCountryOrProvince() {
    // GeoNames has no Chinese name for Rimini: 里米尼 (li mi ni) after 意大利 (Italy), before 市
    String found = places("zh", "扬州市与意大利里米尼市缔结友好城市关系。");
    assertTrue(found.contains("里米尼=3169361"), found);
    // words after a country's name without 市 are not read so (日本共缔结10对友城)
    assertEquals("日本=country:JP", places("zh", "日本共缔结10对友城。"));
    // nor after its province: 沙威尼根 (sha wei ni gen) after 加拿大 (Canada) and 魁北克省
    String province = places("zh", "庆阳市与加拿大魁北克省沙威尼根市签署协议。");
    assertTrue(province.contains("沙威尼根="), province);
    // a province with no country named before it is not enough
    assertFalse(places("zh", "庆阳市与魁北克省沙威尼根市签署协议。").contains("沙威尼根"));
  }

  @Test
  void aNameReadBySoundSwallowsAShorterTownInsideItButNotACountry() {
    // 波尔图 (bo er tu, Porto): the matcher finds a town 波尔 inside it; the whole name is read
    String porto = places("zh", "宁波市与葡萄牙波尔图市签署友好交流协议。");
    assertTrue(porto.contains("波尔图=2735943"), porto);
    // 梅尔辛 (mei er xin): Mersin by its own name, not a larger town by an old alias of it
    String mersin = places("zh", "代表团访问了土耳其梅尔辛市。");
    assertTrue(mersin.contains("梅尔辛=304531"), mersin);
    // a country's name inside the run is a word of the name (Canada Bay), not its sound
    assertFalse(places("zh", "澳大利亚加拿大湾市代表团来访。").contains("加拿大湾="));
  }

  @Test
  void namesGeoNamesLacksInKoreanJapaneseAndArabicComeFromTheOverrides() {
    // Korean writes Chinese and Japanese cities without 시, particles attached
    String ko = places("ko", "구청장은 중국 칭다오와 일본 오사카에서 열린 회의에 참석했다.");
    assertTrue(ko.contains("칭다오=1797929") && ko.contains("오사카=1853909"), ko);
    // but 지난 ("last", Jinan's name too) stays a word
    assertFalse(places("ko", "지난 13일 중국 대표단이 방문했다.").contains("지난="));
    String ja = places("ja", "市長はウィーンとジュネーブを訪れ、韓国の仁川も訪問した。");
    assertTrue(ja.contains("ウィーン=2761369") && ja.contains("仁川=1843564"), ja);
    String ar = places("ar", "وقعت مدينة شنتشن الصينية اتفاقية مع الخرطوم.");
    assertTrue(ar.contains("شنتشن=1795565") && ar.contains("الخرطوم=379252"), ar);
  }

  @Test
  void chineseNamesGeoNamesLacksComeFromTheOverrides() {
    String found = places("zh", "哈尔滨市与俄罗斯符拉迪沃斯托克市、哈巴罗夫斯克市签署合作备忘录。");
    assertTrue(found.contains("符拉迪沃斯托克=2013348"), found);
    assertTrue(found.contains("哈巴罗夫斯克=2022890"), found);
    // 奥克兰 names Auckland and Oakland: the country named before it decides
    assertTrue(places("zh", "宁波市代表团访问新西兰奥克兰市。").contains("奥克兰=2193733"));
    assertTrue(places("zh", "宁波市代表团访问美国奥克兰市。").contains("奥克兰=5378538"));
  }

  @Test
  void guangzhouInPersianIsNeverGwangjuWhenChinaIsNamed() {
    String found = places("fa", "هیئتی از گوانگجو و گوانگژو به گرگان آمد.",
        "این شهر چینی با ایران همکاری می‌کند.");
    assertEquals("گوانگجو=1809858 گوانگژو=1809858 گرگان=132892 چینی=country:CN ایران=country:IR",
        found);
  }

  @Test
  void koreanContextTurnsTheSameSpellingIntoGwangju() {
    String found = places("fa", "شهردار گوانگجو از کره جنوبی به تهران آمد.");
    assertTrue(found.contains("گوانگجو=1841811"), found);
  }

  @Test
  void regionsAreNoCities() {
    // "Shandong province" and 静岡県 (the prefecture) are regions; Shizuoka city is a city
    String en = places("en", "A delegation of Shandong province visited the city of Izmir.");
    assertTrue(en.contains("Izmir=311046") && !en.contains("Shandong"), en);
    String ja = places("ja", "静岡県の知事と静岡市の市長が会談した。");
    assertEquals(1, ja.split(" ").length, ja); // 静岡市 only
    assertTrue(ja.startsWith("静岡市="), ja);
  }

  @Test
  void japaneseCountryBeforeTheCityWithNo() {
    String ja = places("ja", "日本の明石市と中国・無錫市が交流した。");
    assertTrue(ja.contains("明石市=1847966") && ja.contains("無錫市=1790923"), ja);
  }

  @Test
  void aCommonWordWrittenAsANameIsALargeHomeCity() {
    // "porto" is also the Portuguese word for port: capitalised inside a sentence it is the city
    assertTrue(places("pt", "A delegação de Milão visitou Porto esta semana.")
        .contains("Porto=2735943"), places("pt", "A delegação de Milão visitou Porto."));
    assertEquals("", places("pt", "O navio chegou ao porto de manhã."));
  }

  @Test
  void aSurnameAfterATitleIsAPersonInEverySentence() {
    // Kaya is a town of Burkina Faso and a Turkish surname
    String person = places("tr", "Belediye Başkanı Ahmet Kaya dün Bursa'da konuştu.",
        "Törende Kaya ve heyeti Gemlik'i de ziyaret etti.");
    assertFalse(person.contains("Kaya="), person);
    assertTrue(person.contains("Bursa=") && person.contains("Gemlik="), person);
    String town = places("tr", "Burkina Faso'nun Kaya kenti ile Gemlik kardeş şehir oldu.");
    assertTrue(town.contains("Kaya="), town);
    String capital = places("tr", "Cumhurbaşkanı Erdoğan Ankara'da belediye başkanlarıyla görüştü.");
    assertTrue(capital.contains("Ankara="), capital);
    // Aydın is a large Turkish city and a surname: without a case suffix, the person
    String mayor = places("tr", "Osmangazi Belediye Başkanı Erkan Aydın heyeti ağırladı.");
    assertFalse(mayor.contains("Aydın="), mayor);
    // a given name's second part is no large city either when it is only an alias of one
    // (GeoNames lists "Feng" for Fengcheng)
    String german = places("de", "In China begrüßte Bürgermeister Li Feng Ming die Gäste aus Ulm.");
    assertFalse(german.contains("Feng="), german);
    assertTrue(german.contains("Ulm="), german);
  }

  @Test
  void threeTownsInARowAreTownsWithNoSureOneAmongThem() {
    // mid-sized towns, no country named: alone each needs a cue, three in a list need none
    String found =
        places("pl", "Partnerskie miasta Gniezna to Falkensee, Speyer, Saint-Malo i Kowel.");
    for (String town : List.of("Falkensee=", "Speyer=", "Saint-Malo=", "Kowel=")) {
      assertTrue(found.contains(town), town + " in " + found);
    }
    assertFalse(places("pl", "Delegacja przyjechała z Falkensee.").contains("Falkensee="));
    assertFalse(places("pl", "Goście z Falkensee i Speyer.").contains("Speyer="));
  }

  @Test
  void aMayorsCueReachesAcrossTheMayorsName() {
    // "burgemeester van" before a small town is a cue, with the mayor's name in between too
    assertTrue(places("nl", "Burgemeester Anna Jansen van Tholen ontving een delegatie.")
        .startsWith("Tholen="));
    assertEquals("", places("nl", "Anna Jansen van Tholen ontving een delegatie."));
    assertEquals("", places("nl", "Burgemeester Anna Jansen en haar gasten uit Tholen."));
  }

  @Test
  void aStateAfterTheCityPicksItsReading() {
    // Springfield is in twenty US states, Kent and Portland in several; Colorado is no city here
    String us = places("en", "Officials of Kent, Ohio and Springfield, Ill. visited Portland, ME.");
    assertEquals("Kent=5159537 Springfield=4250542 Portland=4975802", us);
    assertEquals("Brandon=5907896 Broken Hill=2173911",
        places("en", "Brandon, Manitoba and Broken Hill, NSW renewed their friendship."));
    // GeoNames names one Springfield "City of Springfield": before a state, the name is read alone
    assertEquals("Springfield=4250542",
        places("en", "The City of Springfield, Illinois, signed the agreement."));
    // a country after the comma still works when the name has no place in the state
    assertTrue(places("en", "The mayor visited Tbilisi, Georgia.").startsWith("Tbilisi=611717"));
  }

  @Test
  void aForeignTownSpeltWithOtherLongVowelsInArabic() {
    // GeoNames writes Brisbane بريزبن; the news often بريزبان, with an alef
    String found = places("ar", "زار وفد من مدينة بريزبان الأسترالية دبي وبريزبان شريكة لها.");
    assertTrue(found.startsWith("بريزبان=2174003"), found);
    assertTrue(found.contains("وبريزبان=2174003"), found);
    // the language's own towns are not looked for so: بلدية (municipality) is no Blida
    String word = places("ar", "أعلنت بلدية الحي عن مشروع جديد لبلدية أخرى.");
    assertFalse(word.contains("بلدية"), word);
  }

  @Test
  void mashhadIsIranian() {
    assertEquals("مشهد=124665 شیراز=115019", places("fa", "مشهد و شیراز خواهرخوانده شدند."));
  }

  @Test
  void commonWordsNeedACue() {
    assertEquals("", places("en", "Nice to meet you; reading the report on mobile phones."));
    assertEquals("Nice=2990440 France=country:FR",
        places("en", "The delegation visited the city of Nice in France."));
    assertEquals("Türk=country:TR", places("tr", "Türk ordusu van ile geldi."));
    assertEquals("Van=298117", places("tr", "Van Büyükşehir Belediyesi bir anlaşma imzaladı."));
    assertEquals("Van=298117", places("tr", "Heyet Van'da iki gün kaldı."));
  }

  @Test
  void peopleAreNotPlaces() {
    // a title before the name, and a name next to another capitalised word
    assertEquals("Shanghai=1796236",
        places("en", "Mayor Chen met Mary Kang of the trade office in Shanghai."));
  }

  @Test
  void lowerCaseAdjectivesAreCountries() {
    assertEquals("chinoise=country:CN Lyon=2996944",
        places("fr", "La délégation chinoise est arrivée à Lyon."));
    assertEquals("китайская=country:CN Казани=551487",
        places("ru", "Вчера китайская делегация прибыла в Казани."));
  }

  @Test
  void everyMentionCarriesRuleConfidenceAndExactSurface() {
    String s = "Chengdu and İzmir signed a goodwill agreement.";
    for (PlaceMention m : mentions("en", s)) {
      assertEquals(m.surface(), s.substring(m.start(), m.end()));
      assertTrue(m.confidence() >= 0.5 && m.confidence() <= 1, m.toString());
      assertTrue(m.rule() != null && !m.rule().isEmpty(), m.toString());
      assertEquals("city", m.kind());
    }
    assertEquals(2, mentions("en", s).size());
  }

  @Test
  void cityStatesAreCities() {
    assertEquals("Macau=1821274 Brasília=3469058",
        places("pt", "A cidade de Macau e Brasília são cidades-irmãs."));
  }

  @Test
  void seedCountriesByNameAndAdjective() {
    assertEquals("Türkiye=country:TR Hollanda=country:NL Romanya=country:RO",
        places("tr", "Türkiye, Hollanda ve Romanya belediyeleri toplandı."));
    assertEquals("Türk=country:TR Hollandalı=country:NL Çinli=country:CN",
        places("tr", "Türk ve Hollandalı yetkililer Çinli heyetle görüştü."));
    assertEquals("ترکیه=country:TR هلند=country:NL چین=country:CN ایران=country:IR",
        places("fa", "ترکیه، هلند، چین و ایران در این نشست بودند."));
    assertEquals("هلندی=country:NL رومانیایی=country:RO",
        places("fa", "هیئت هلندی و رومانیایی آمدند."));
  }
  @Test
  void aStateAbbreviationKeepsItsMeaningAtASentenceEnd() {
    // the sentence split takes the dot of "Man." (Manitoba): still Brandon in Canada, and no
    // town of Man (Côte d'Ivoire)
    List<PlaceMention> found = mentions("en", "The mayor of Lutsk signed an agreement with "
        + "Brandon, Man", "The Brandon council approved it.");
    assertTrue(found.stream().anyMatch(m -> m.placeId().equals("5907896")), found.toString());
    assertTrue(found.stream().noneMatch(m -> m.country().equals("CI")), found.toString());
  }

  @Test
  void aNameSpeltInTheArticlesLanguageIsFoundByItsSoundBeforeItsCountry() {
    // Polish "Aleksandria" is Alexandria in Egypt to the gazetteer; "na Ukrainie" after it says
    // it is Oleksandriya, whose consonants it has, in any case form
    assertTrue(places("pl", "Delegacja z Aleksandrii na Ukrainie odwiedziła Biskupiec.")
        .contains("Aleksandrii=698625"));
    assertTrue(places("en", "The mayor of Aleksandria, Ukraine visited the town.")
        .contains("Aleksandria=698625"));
    // without its country it stays what the gazetteer says
    assertFalse(places("pl", "Delegacja z Aleksandrii odwiedziła Kair.").contains("698625"));
  }

  @Test
  void aGivenNameAfterAChineseSurnameIsNoPlace() {
    String person = places("de", "Gu Jinshan, Leiter der Delegation, besuchte Ludwigshafen.");
    assertFalse(person.contains("Jinshan"), person);
    // with its country next to it the name is the place
    assertTrue(places("de", "Die Delegation aus Jinshan (China) besuchte Ludwigshafen.")
        .contains("Jinshan=1907975"));
  }

  @Test
  void aTownsGermanOrDutchAdjectiveNamesTheTown() {
    String de = places("de", "Die Dresdner Oberbürgermeisterin empfing im Münchner Rathaus "
        + "den Kölner Oberbürgermeister.");
    assertTrue(de.contains("Dresdner=2935022") && de.contains("Münchner=2867714")
        && de.contains("Kölner=2886242"), de);
    String dropped = places("de", "Die Zürcher Stadtpräsidentin traf die Basler Delegation.");
    assertTrue(dropped.contains("Zürcher=2657896") && dropped.contains("Basler=2661604"),
        dropped);
    String nl = places("nl", "De Tilburgse burgemeester sprak met het Groningse college.");
    assertTrue(nl.contains("Tilburgse=2746301") && nl.contains("Groningse=2755251"), nl);
    // no noun after it, or not the language's ending: no town
    String food = places("de", "Der Bürgermeister isst einen Hamburger und trinkt Kaffee.");
    assertFalse(food.contains("Hamburger"), food);
    assertFalse(places("en", "The Dresdner Bank opened.").contains("Dresdner"));
  }

  @Test
  void anotherCitysCountryDecidesOnlyBetweenPlacesOfAboutOneSize() {
    // Minneapolis puts the United States in context, not enough to make Бирмингем Alabama's
    // (212,000) rather than England's (1.1 million)
    String list = places("ru", "Городами-побратимами являются Франкфурт, Миннеаполис и Бирмингем.");
    assertFalse(list.contains("Бирмингем=4049979"), list);
    // the country named in words does
    String named = places("ru", "Делегация из Бирмингема (США) посетила Казань.");
    assertTrue(named.contains("Бирмингема=4049979"), named);
  }

  @Test
  void aKatakanaNameRightAfterItsCountryIsSureEnoughToPartner() {
    // ナント is also inside テナント (tenant); after フランス・ (the ・ a space once normalised)
    // with 市 it is Nantes, as sure as a partner needs (0.7)
    PlaceMention nantes = mentions("ja", "松山市はフランス・ナント市と姉妹都市提携を結んだ。").stream()
        .filter(m -> m.surface().equals("ナント")).findFirst().orElseThrow();
    assertEquals("2990969", nantes.placeId());
    assertTrue(nantes.confidence() >= 0.7, nantes.toString());
  }

  @Test
  void aCountryBeforeAConjunctionIsNotTheNextNamesCountry() {
    // "in Germany and Châteaubriant": Germany is Radevormwald's, Châteaubriant stays French
    String list = places("en", "The mayor of Châteaubriant in France opened the festival.",
        "It marked 40 years of twinning between Radevormwald in Germany and Châteaubriant.");
    assertEquals(2, list.split("Châteaubriant=3026303", -1).length - 1, list);
  }

  @Test
  void aNamedCountryDoesNotOutweighAnotherCitysCountryForItsCapital() {
    // Australia is named and New Zealand is only Auckland's country: Wellington is still New
    // Zealand's capital (381,900), not the town of 4,075 in New South Wales
    String list = places("en", "Mayors from Australia met the mayor of Auckland on Monday.",
        "A delegation from Wellington joined them on the second day.");
    assertTrue(list.contains("Wellington=2179537"), list);
  }

  @Test
  void aPolishWordThatIsAVillageAndATownsCaseFormIsTheTown() {
    // Wieliczki (a village of 730) or the genitive of Wieliczka (a county seat of 18,677)
    String town = places("pl", "Burmistrz Wieliczki podpisał umowę o współpracy z gminą "
        + "Zwiahel na Ukrainie.");
    assertTrue(town.contains("Wieliczki=755889"), town);
    // after its municipal word it is no declined "Gmina Wieliczki" (the village's gmina)
    String gmina = places("pl", "Gmina Wieliczka podpisała umowę o współpracy z gminą "
        + "Zwiahel na Ukrainie.");
    assertTrue(gmina.contains("Wieliczka=755889"), gmina);
    // a plural reading does not carry a Polish town's name off abroad (Kani, Japan)
    String kaniow = places("pl", "Umowę z miastem Kaniów na Ukrainie podpisano.");
    assertTrue(kaniow.contains("Kaniów=706900"), kaniow);
  }

  @Test
  void aSmallHomeTownNamedTwiceInsideSentencesIsThatTown() {
    // Commercy (7,000 inhabitants) without a cue: once proves nothing, twice it is the town
    assertTrue(places("fr", "Les deux maires se retrouvent demain à Commercy pour la fête.",
        "La charte sera signée à Commercy.").contains("Commercy=3024086"));
    assertFalse(places("fr", "Les deux maires se retrouvent demain à Commercy pour la fête.")
        .contains("Commercy"));
  }

  @Test
  void aWorldCityIsNotAVillageOfTheCountryInContext() {
    // Colombia in context has a village Buenos Aires (2,144); Argentina's capital is meant
    String es = places("es", "Los alcaldes de Bogotá, Colombia, y de Buenos Aires firmaron.");
    assertTrue(es.contains("Buenos Aires=3435910"), es);
    // German "Stadt Peking" is Beijing (an alternate name), not the Bavarian village Pöcking
    String de = places("de", "Die Stadt Peking empfing die Delegation aus Deutschland.");
    assertTrue(de.contains("Peking=1816670"), de);
  }

  @Test
  void aJapanesePrefectureInChineseIsNoCity() {
    // 和歌山县, 大阪府: Japanese prefectures (県, 府) written the Chinese way, not their cities
    String prefectures = places("zh", "日本和歌山县和大阪府泉佐野市的客人参加了交流会。");
    assertTrue(!prefectures.contains("1926004") && !prefectures.contains("1853909"), prefectures);
    assertTrue(prefectures.contains("泉佐野=11612567"), prefectures);
    // the city with 市, and a Chinese county with 县, stay cities
    String cities = places("zh", "江苏省如东县与日本和歌山市签署了友好交流协议。");
    assertTrue(cities.contains("和歌山市=1926004") && cities.contains("如东县=unlisted:CN:rudong"),
        cities);
  }

  @Test
  void aCountryBeforeItsStateIsStillTheCountry() {
    // 美国加州: the United States, then California; the small city after both is in the US
    String zh = places("zh", "美国加州库比蒂诺市与成都市签署了友好城市协议。");
    assertTrue(zh.contains("美国=country:US") && zh.contains("库比蒂诺=5341145"), zh);
  }

  @Test
  void aChineseCountyIsNamedAsTheCountyNotItsSeat() {
    // GeoNames lists 如东县 and 顺德区 under their seats (Juegang, Daliang): the county is meant
    String zh = places("zh", "江苏省如东县代表团访问了日本。", "广东省佛山市顺德区代表团访问了日本。");
    assertTrue(zh.contains("如东县=unlisted:CN:rudong") && zh.contains("顺德区=unlisted:CN:shunde"),
        zh);
    // a district GeoNames names as it is keeps its id
    assertTrue(places("zh", "北京市海淀区代表团访问了日本。").contains("海淀区=1809104"));
  }

  @Test
  void arabicCommonNounsAreNoPlaces() {
    // الجزيرة (the island) and القصر (the palace) are words here, not Algiers and El Kseur
    String ar = places("ar", "استقبل رئيس بلدية بغداد ضيوفا من الجزيرة الكبرى وزاروا معا القصر القديم.");
    assertEquals("بغداد=98182", ar);
  }

  @Test
  void onePlaceNamedTwiceKeepsOneId() {
    // 延寿 after Incheon is the district the gazetteer knows as 延寿区 (Yeonsu-gu), not a second
    // place of the same name
    List<PlaceMention> found = mentions("zh", "基隆市代表团访问了韩国仁川广域市延寿区。",
        "延寿区区长在签约仪式上致辞。");
    List<String> ids = found.stream().filter(m -> m.surface().startsWith("延寿"))
        .map(PlaceMention::placeId).distinct().toList();
    assertEquals(1, ids.size(), found.toString());
    assertEquals("KR", found.stream().filter(m -> m.surface().startsWith("延寿")).findFirst()
        .orElseThrow().country());
  }

  @Test
  void anAlternateNameDoesNotOutweighAPlacesOwnName() {
    // "Broken Hill" is Kabwe's old name (Zambia, 189,000) and the Australian town's own name:
    // without a country in the article neither is read by size
    assertTrue(mentions("en", "Councillors of Broken Hill met the visitors today.").stream()
        .noneMatch(m -> m.country().equals("ZM")));
  }
}
