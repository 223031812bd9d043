package io.citylinks.ingest.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.citylinks.ingest.dates.FoundDate.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dates in metadata, date lines, text and URLs; calendars and digit systems; traps. */
class PublishedDatesTest {
  private static String text(String s) {
    return PublishedDates.fromText(s).map(d -> d.date() + " " + d.precision()).orElse(null);
  }

  @Test
  void keywordLinesInEachLanguage() {
    assertEquals("2024-09-25 DAY", text("Başlık\n\nHaber Giriş Tarihi: 25.09.2024 09:57\n"
        + "Haber Güncellenme Tarihi: 26.09.2024 10:10\nMetin."));
    assertEquals("2024-09-25 DAY", text("عنوان\nتاریخ انتشار: ۱۴۰۳/۰۷/۰۴\nمتن خبر"));
    assertEquals("2024-12-03 DAY", text("خبر\nنشر في: ٢٠٢٤/١٢/٠٣\nنص"));
    assertEquals("2024-09-25 DAY", text("新闻\n发布时间：2024-09-25 10:30\n正文"));
    assertEquals("2024-09-25 DAY", text("Новость\nДата публикации: 25 сентября 2024\nТекст"));
    assertEquals("2024-12-03 DAY", text("Haber\nYayın tarihi: 3 Aralık 2024 Salı\nMetin"));
    assertEquals("2024-03-05 DAY", text("News\nPublished: March 5, 2024\nBody"));
    assertEquals("2024-09-25 DAY", text("新闻\n2024年9月25日 来源：本网\n正文"));
  }

  @Test
  void koreanJapaneseEraAndRocDates() {
    assertEquals("2024-09-25", DateParser.parseAtStart("2024년 9월 25일 서울시는").date().toString());
    assertEquals("2024-09-25", DateParser.parseAtStart("令和6年9月25日に").date().toString());
    assertEquals("2019-05-01", DateParser.parseAtStart("令和元年5月1日").date().toString());
    assertEquals("2024-03-01", DateParser.parseAtStart("民國113年3月1日").date().toString());
    assertEquals("2024-09-25",
        DateParser.parseAtStart(DateParser.asciiDigits("２０２４年９月２５日")).date().toString());
    // no spaces in Han, kana or Hangul text: a date may follow a letter of theirs
    var spans = DateParser.datesIn("市長は令和6年9月25日に訪問し、于2023年5月签署", false);
    assertEquals(2, spans.size(), spans.toString());
    assertEquals("2023-05-01", spans.get(1).date().date().toString());
    // a stamp with its weekday bracketed before the clock, among the lines of a page
    assertEquals("2022-10-12", PublishedDates.fromText(
        "수원시 소식\n2022년 10월 12일 (수) 10:20\n본문", "ko").get().date().toString());
    assertEquals("2022-10-12", PublishedDates.fromText(
        "市のお知らせ\n2022年10月12日(水) 10:20\n本文", "ja").get().date().toString());
    assertEquals("2018-04-03", PublishedDates.fromText(
        "수원시 소식\n2018. 4. 3. 15:20\n본문", "ko").get().date().toString());
  }

  @Test
  void slashedDatesAreMonthFirstOnlyOnEnglishPages() {
    String page = "Press Release 7/2/2015 The city signed a letter of intent " + "x ".repeat(200);
    assertEquals("2015-07-02", PublishedDates.fromText(page, "en").get().date().toString());
    assertEquals("2015-02-07", PublishedDates.fromText("Tarih: 7/2/2015\nMetin", "tr").get()
        .date().toString());
  }

  @Test
  void aDateStampWithASlashBetweenDayAndMonth() {
    assertEquals("2025-12-30", DateParser.parseAtStart("30 / Грудень, 2025").date().toString());
    assertEquals("2024-03-07", DateParser.parseAtStart("7 | March 2024").date().toString());
  }

  @Test
  void publishedBeatsUpdated() {
    assertEquals("2024-09-25 DAY", text("Haber Güncellenme Tarihi: 30.09.2024\n"
        + "Haber Giriş Tarihi: 25.09.2024"));
  }

  @Test
  void stampsAloneOnTheirLine() {
    assertEquals("2024-09-25 DAY", text("Başlık\n25.09.2024 09:57\nMetin burada."));
    assertEquals("2016-04-29 DAY", text("标题\n来源:本地新闻 2016-04-29 18:16 http://x\n正文"));
    // a byline with the time after the word for "at"
    assertEquals("2021-03-14 DAY",
        text("Titre\nLe Journal du Val - 14 mars 2021 à 08:15 - Lecture : 2 min\nTexte."));
    assertEquals("2022-11-03 DAY", text("Titel\nStadtanzeiger, 3. November 2022 um 10:30 Uhr\nText."));
    // a news code before the date, a dash before the time
    assertEquals("2025-06-17 DAY", text("عنوان\nکد خبر: 48213 ۲۷ خرداد ۱۴۰۴ - ۱۵:۲۱\nمتن."));
    // a Japanese era date alone on its line; not inside Chinese prose
    assertEquals("2025-06-17 DAY", text("見出し\n令和7年6月17日\n本文です。"));
    assertNull(text("市长于令和7年6月17日访问了友好城市并出席了交流活动。"));
  }

  @Test
  void aStampGluedToItsHeadingWhenTheScrapeLostTheLineBreak() {
    assertEquals("2024-05-17 DAY",
        text("Міста-партнери домовилися про обмін17.05.2024 Делегація міста прибула у вівторок."));
    // glued to a letter of a cased script only: Chinese prose writes its dates against words
    assertNull(text("两市代表于2024年5月17日在会上讨论了合作项目的进展情况和下一步的工作安排。"));
    // and only a date that gives the day
    assertNull(text("Kentin nüfusu2024 yılında arttı ve yeni parklar açıldı, belediye duyurdu."));
  }

  @Test
  void yearsInProseAreNotDates() {
    assertNull(text("The forum was first held in 2013 and returns in 2025.\nMore text."));
    assertNull(text("Smart City Expo spotlight 2030 brings mayors together."));
    assertNull(text("Belediye 2024 yılında 12 park açtı ve 2025 bütçesini onayladı."));
  }

  @Test
  void hijriCalendars() {
    // 1 Mehr 1403 (Solar Hijri) = 22 September 2024; 1 Ramadan 1446 (Umm al-Qura) = 1 March 2025.
    assertEquals(Optional.of("2024-09-22"),
        PublishedDates.fromMetadata("1403/07/01").map(d -> d.date().toString()));
    assertEquals("2024-09-22 DAY", text("خبر\nتاریخ: ۱ مهر ۱۴۰۳\nمتن"));
    assertEquals("2025-03-01 DAY", text("خبر\nالتاريخ: 1 رمضان 1446 هـ\nنص"));
  }

  @Test
  void metadataForms() {
    assertEquals("2024-09-25", PublishedDates.fromMetadata("2024-09-25T09:57:00+03:00").get()
        .date().toString());
    assertEquals(Precision.MONTH, PublishedDates.fromMetadata("2024-11").get().precision());
    assertEquals(Precision.YEAR, PublishedDates.fromMetadata("2019").get().precision());
    assertEquals("2024-03-05", PublishedDates.fromMetadata("Tue, 05 Mar 2024 10:00:00 GMT").get()
        .date().toString());
    assertTrue(PublishedDates.fromMetadata("not a date").isEmpty());
    assertEquals("metadata", PublishedDates.fromMetadata("25.09.2024").get().source());
  }

  @Test
  void seedDateLines() {
    var split = PublishedDates.splitDateLine(" date 2025-10-16 پخش زنده\nمتن");
    assertEquals("2025-10-16", split.date().date().toString());
    assertEquals("date_line", split.date().source());
    assertEquals("پخش زنده\nمتن", split.rest());
    var month = PublishedDates.splitDateLine(" date 2024-11 Metin devam ediyor");
    assertEquals(Precision.MONTH, month.date().precision());
    assertEquals("Metin devam ediyor", month.rest());
    assertNull(PublishedDates.splitDateLine("No date line here").date());
  }

  @Test
  void urls() {
    assertEquals("2024-09-25", PublishedDates.fromUrl("https://x.example/2024/09/25/news").get()
        .date().toString());
    assertEquals("2024-09-25", PublishedDates.fromUrl("https://x.example/haber-20240925.html")
        .get().date().toString());
    assertEquals(Precision.MONTH, PublishedDates.fromUrl("https://x.example/2024/09/story")
        .get().precision());
    assertTrue(PublishedDates.fromUrl("https://x.example/news/20241399").isEmpty());
  }

  @Test
  void seedsGiveOnlyTheDatesTheyState() throws Exception {
    Path seeds = Paths.get(System.getProperty("citylinks.shared", "../shared"), "dev", "seeds");
    assumeTrue(Files.isDirectory(seeds), "../shared/dev/seeds is absent");
    try (var files = Files.list(seeds)) {
      for (Path f : files.sorted().toList()) {
        var split = PublishedDates.splitDateLine(Files.readString(f));
        String name = f.getFileName().toString();
        Optional<FoundDate> inText = PublishedDates.fromText(split.rest());
        if (name.startsWith("000")) {
          assertEquals("2024-09-25", inText.get().date().toString());
        } else if (name.startsWith("004")) {
          assertEquals("2025-10-16", split.date().date().toString());
        } else {
          assertNull(split.date(), name);
          assertTrue(inText.isEmpty(), name + ": " + inText);
        }
      }
    }
  }
}
