package io.citylinks.extract.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Names the gazetteer has only in Latin letters or Han characters, written in the article's own
 * script: found by their romanisation or their Sino-Korean reading, among the places of the
 * countries the article is about, and only where the text says they are places. Sentences of our
 * own.
 */
class TransliteratedNamesTest {
  private static final PlaceResolver RESOLVER = PlaceResolver.shared();

  private static String places(String lang, String... sentences) {
    return RESOLVER.resolve(Arrays.asList(sentences), lang).stream()
        .map(m -> m.surface() + "=" + m.name() + "/" + m.country())
        .collect(Collectors.joining(" "));
  }

  @Test
  void aKoreanDistrictInHangulByItsRomanisation() {
    // 도봉구 is Dobong-gu, which the gazetteer knows only in Latin letters
    String found = places("ko", "도봉구는 지난주 우호 교류 협약을 맺었다.");
    assertTrue(found.contains("도봉=Dobong-gu/KR"), found);
  }

  @Test
  void aChineseCityInHangulByItsSinoKoreanReading() {
    // 大庆 read the Korean way is 대경; with China named it is Daqing, not a Korean word
    String found = places("ko", "충주시는 중국 대경시와 우호도시 협약을 체결했다.");
    assertTrue(found.contains("대경=Daqing/CN"), found);
    // China named only as the first part of a compound word still says where 대경 is
    String compound = places("ko", "중국국제교류협회 행사에서 대경시는 한국 충주시와 협약을 맺었다.");
    assertTrue(compound.contains("대경=Daqing/CN"), compound);
    // without its suffix the same two syllables are not a place
    assertFalse(places("ko", "중국 대경 관계자가 왔다.").contains("Daqing"));
    // Japanese names are not read the Sino-Korean way: 부산 is Busan, not 富山 (Toyama)
    String busan = places("ko", "부산시는 일본 도야마시와 교류 협약을 맺었다.");
    assertTrue(busan.contains("부산시=Busan/KR") && !busan.contains("부산시=Toyama"), busan);
  }

  @Test
  void japaneseAndChineseTownsInHangulByHowTheyAreSaid() {
    // Korean writes them by their Japanese or Mandarin sound: 가고시마 Kagoshima, 삿포로 Sapporo,
    // 칭다오 Qingdao, 톈진 Tianjin, 도야마 Toyama
    String found = places("ko", "춘천시는 일본 가고시마시, 삿포로시와 교류하고 중국 칭다오시, "
        + "톈진시와 우호도시 협약을 맺었다.", "부산시는 일본 도야마시와 교류 협약을 맺었다.");
    for (String place : List.of("가고시마=Kagoshima/JP", "삿포로=Sapporo/JP", "칭다오=Qingdao/CN",
        "톈진=Tianjin/CN", "도야마=Toyama/JP")) {
      assertTrue(found.contains(place), place + " in " + found);
    }
    // a word that sounds like no town of a named country stays a word
    assertFalse(places("ko", "중국 개발구 관계자가 방문했다.").contains("개발"));
  }

  @Test
  void aKoreanDistrictInHanCharactersByItsKoreanReading() {
    // 道峰 read the Korean way is 도봉: Dobong-gu of Seoul, when Korea is named
    String found = places("zh", "韩国首尔道峰区代表团访问了北京。");
    assertTrue(found.contains("道峰=Dobong-gu/KR"), found);
    // the reading names Korean places only: no Korean context, no Korean district
    assertFalse(places("zh", "道峰区代表团访问了北京。").contains("Dobong"));
    // 延寿 is a Chinese county too: after Korea and Incheon, the district of Incheon
    String yeonsu = places("zh", "基隆市与韩国仁川延寿区签署友好城市协定。");
    assertTrue(yeonsu.contains("延寿=Yeonsu-gu/KR"), yeonsu);
  }

  @Test
  void ukrainianHromadasNamedByAdjectives() {
    // "Славутська громада": the community of Slavuta, an adjective of the town's name; a small town
    // needs its country named in the article
    String found = places("uk", "Славутська громада та Арбузинська громада уклали меморандум на форумі міст України.");
    assertTrue(found.contains("Славутська=Slavuta/UA"), found);
    assertTrue(found.contains("Арбузинська=Arbuzynka/UA"), found);
  }

  @Test
  void aTransliteratedNameNeedsACueAndACountryOfTheArticle() {
    // a capitalised word without a municipal word next to it is not looked up by its spelling
    assertFalse(places("uk", "Арбузинська делегація приїхала.").contains("Arbuzynka"));
  }

  @Test
  void theWordAfterTheNameDecides() {
    // "громада Херсонської області": the oblast, although a cue stands before the name
    String found = places("uk", "Кожанська громада Херсонської області підписала угоду.");
    assertFalse(found.contains("Kherson"), found);
  }

  @Test
  void looseKeysForgiveRomanisations() {
    assertEquals(TransliteratedNames.looseKey("Zaporizhzhya"),
        TransliteratedNames.looseKey("Zaporizhzhia"));
    assertEquals(TransliteratedNames.looseKey("Kharkiv"), TransliteratedNames.looseKey("Harkiv"));
  }

  @Test
  void initialSoundRuleOfSinoKoreanReadings() {
    assertEquals('낙', TransliteratedNames.initialSound('락')); // 洛阳 → 낙양
    assertEquals('이', TransliteratedNames.initialSound('리'));
    assertEquals('여', TransliteratedNames.initialSound('녀'));
    assertEquals('대', TransliteratedNames.initialSound('대'));
  }

  @Test
  void aForeignTownWrittenByItsSoundAfterItsCountry() {
    // katakana chosen for their sound, right after the country: the town of that country whose
    // consonants they are
    String ja = places("ja", "ニュージーランドのダニーデン市と姉妹都市提携を結んだ。");
    assertTrue(ja.contains("ダニーデン=Dunedin/NZ"), ja);
    // or with its country in brackets after it
    String bracketed = places("ja", "ダニーデン市(ニュージーランド)の市長が来訪した。");
    assertTrue(bracketed.contains("ダニーデン=Dunedin/NZ"), bracketed);
    // without its country next to it the same katakana word is not looked up by its sound
    assertFalse(places("ja", "ダニーデン市と姉妹都市提携を結んだ。").contains("Dunedin"));
    assertFalse(places("ja", "ダニーデン市(北島)の市長が来訪した。").contains("Dunedin"));
  }

  @Test
  void katakanaLeavesOutTheRAfterAVowelAsChineseDoes() {
    // セントピーターズバーグ (sentopiitaazubaagu) has no r of Petersburg's
    String ja = places("ja", "米国のセントピーターズバーグ市と姉妹都市提携を結んだ。");
    assertTrue(ja.contains("セントピーターズバーグ=St. Petersburg/US"), ja);
  }

  @Test
  void consonantSkeletonsOfFourScripts() {
    // the same town written in English, and romanised from katakana, Hangul and pinyin
    assertEquals("MNTK", TransliteratedNames.skeleton("Manitowoc"));
    assertEquals("MNTK", TransliteratedNames.skeleton("manitowakku"));
    assertEquals("MNTK", TransliteratedNames.skeleton("maenitowog"));
    assertEquals("MNTK", TransliteratedNames.skeleton("mǎ ní tuō wò kè"));
  }

  @Test
  void chineseTranscriptionDropsAnRAndAGermanCh() {
    // 卡塞塔 is ka-sai-ta: Caserta without its r; 奥芬巴赫 ends in he, not in the ch of Offenbach
    String it = places("zh", "温州市与意大利卡塞塔市签署了友好城市协议。");
    assertTrue(it.contains("卡塞塔=Caserta/IT"), it);
    String de = places("zh", "扬州市与德国奥芬巴赫市缔结友好城市。");
    assertTrue(de.contains("奥芬巴赫=Offenbach/DE"), de);
    // without the country before it the name is not read by its sound
    assertFalse(places("zh", "温州市与卡塞塔市签署了友好城市协议。").contains("Caserta"));
    assertEquals("kaseta", TransliteratedNames.asChineseHearsIt("kaserta"));
    assertEquals("ofenbah", TransliteratedNames.asChineseHearsIt("ofenbach"));
    assertEquals("rimini", TransliteratedNames.asChineseHearsIt("rimini"));
  }

  @Test
  void chineseJiWritesAForeignGiAndLongNamesAreReadToo() {
    // 莫吉廖夫 is mo-ji-liao-fu: Mogilev's g, which as a j would sound like a small town's name
    String by = places("zh", "长沙市与白俄罗斯莫吉廖夫市签署了友好城市协议。");
    assertTrue(by.contains("莫吉廖夫=Mahilyow/BY"), by);
    // without the country before it the name is not read by its sound
    assertFalse(places("zh", "长沙市与莫吉廖夫市签署了友好城市协议。").contains("BY"));
    // a long name: six and seven characters (Ingolstadt, Mönchengladbach)
    String de = places("zh", "长沙市与德国因戈尔施塔特市签署了协议，德国门兴格拉德巴赫市代表团也出席。");
    assertTrue(de.contains("因戈尔施塔特=Ingolstadt/DE"), de);
    assertTrue(de.contains("门兴格拉德巴赫=Mönchengladbach/DE"), de);
  }

  @Test
  void koreanPlaceNamesReadGeumAsGim() {
    // 金 is 금 in Korean words and 김 in place names: 金海 김해 Gimhae, 金浦 김포 Gimpo
    String kr = places("zh", "长沙市与韩国金海市签署了友好城市协议，韩国金浦市代表团也出席。");
    assertTrue(kr.contains("金海=Kimhae/KR"), kr);
    assertTrue(kr.contains("金浦=Gimpo-si/KR"), kr);
    // a Chinese city of the same characters stays Chinese without Korea around it
    String cn = places("zh", "浙江省金华市代表团访问了长沙市。");
    assertTrue(cn.contains("金华=Jinhua/CN") || cn.contains("金华市=Jinhua/CN"), cn);
  }

  @Test
  void koreanDistrictNamesAsTheyAreSaid() {
    // 中浪 read the Korean way is 중랑, said and romanised Jungnang (the gazetteer's Jungnang-gu
    // of Seoul); 鍾路 is Jongno
    String found = places("zh", "韩国首尔市中浪区代表团访问了成都市武侯区。");
    assertTrue(found.contains("=Jungnang-gu/KR"), found);
    assertEquals("종노", TransliteratedNames.assimilated("종로"));
    assertEquals("실라", TransliteratedNames.assimilated("신라"));
    assertEquals("뱅마", TransliteratedNames.assimilated("백마"));
    assertEquals("심니", TransliteratedNames.assimilated("십리"));
    assertEquals("연수", TransliteratedNames.assimilated("연수"));
  }

  @Test
  void aChineseCityGeoNamesKnowsOnlyInLatinLettersByItsPinyin() {
    // GeoNames gives 淮安 only to a village of 1,350 people; Huai'an (2.5 million) has no Han
    // name there: read in pinyin, the city competes and its size wins
    String found = places("zh", "美国弗里蒙特市与淮安市结为友好城市。");
    assertTrue(found.contains("淮安=Huai'an/CN"), found);
    // "友好城市" (friendship cities) is not read by its sound
    assertFalse(places("zh", "两市是友好城市。").contains("/CN"));
  }
}
