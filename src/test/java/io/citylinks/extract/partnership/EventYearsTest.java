package io.citylinks.extract.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The event year: the article's date first, dates in the text next, traps never. */
class EventYearsTest {
  private static Integer year(Integer articleYear, String lang, String... sentences) {
    return EventYears.year(articleYear, List.of(sentences), List.of(0), lang);
  }

  @Test
  void theArticleDateWins() {
    assertEquals(2024, year(2024, "en", "Sister cities since 12 March 1998."));
  }

  @Test
  void aDateInTheSentencesAboutThePair() {
    assertEquals(2021, year(null, "tr", "Heyet 11 Ekim 2021 tarihinde belediyeyi ziyaret etti."));
    assertEquals(2016, year(null, "de", "Der Gemeinderat stimmte im Juli 2016 zu."));
    assertEquals(2024, year(null, "zh", "2024年9月25日，两市签署友好城市协议。"));
    assertEquals(2024, year(null, "fa", "تفاهم‌نامه در ۱۵ مهر ۱۴۰۳ امضا شد."));
  }

  @Test
  void aYearTheTextMarksAsAYear() {
    assertEquals(2023, year(null, "ru", "Соглашение подписали на форуме городов-побратимов 2023 года."));
  }

  @Test
  void anAnniversaryCountsFromTheYearItsTieBegan() {
    assertEquals(2023, EventYears.year(null, List.of("两市于2013年签署友好交流协议。",
        "今年迎来协议签署10周年，双方更新了协议。"), List.of(0, 1), "zh"));
    // a year of a sentence not about the pair is no year to count from
    assertNull(EventYears.year(null, List.of("两市自2004年起互派公务员。",
        "两市协议签署10周年。"), List.of(1), "zh"));
    // an anniversary next year is not this year's event
    assertNull(year(null, "ko", "2004년 결연한 두 구는 내년 자매결연 30주년을 맞는다."));
    assertNull(EventYears.year(null, List.of("두 구는 2004년 자매결연을 맺었다.",
        "두 구청장이 30주년 기념사업 협약을 체결했다.", "내년 30주년 기념식을 연다."),
        List.of(0, 1), "ko"));
    assertEquals(2019, year(null, "en",
        "The towns, twinned in 1994, celebrated the 25th anniversary of their partnership."));
    assertEquals(2024, year(null, "ru",
        "В 2014 году города подписали договор, сейчас отмечают его 10-летие."));
    // a year the anniversary falls in is no year to count from
    assertEquals(2023, year(null, "zh", "2023年是两市缔结友好城市关系30周年。"));
    assertEquals(2023, year(null, "en", "2023 marks the 30th anniversary of the twinning."));
    // no year to count from: no year
    assertNull(year(null, "ja", "姉妹都市提携30周年を記念して代表団が訪れた。"));
  }

  @Test
  void trapsGiveNoYear() {
    assertNull(year(null, "en", "The Spotlight 2030 conference was first held in 2013."));
    assertNull(year(null, "tr", "Moskova ile 2026-2029 yıllarını kapsayan bir plan imzalandı."));
    assertNull(year(null, "en", "The two cities signed a memorandum."));
  }
}
