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
  void trapsGiveNoYear() {
    assertNull(year(null, "en", "The Spotlight 2030 conference was first held in 2013."));
    assertNull(year(null, "tr", "Moskova ile 2026-2029 yıllarını kapsayan bir plan imzalandı."));
    assertNull(year(null, "en", "The two cities signed a memorandum."));
  }
}
