package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Main text keeps paragraphs on their own lines and leaves navigation, scripts and menus out. */
class MainTextExtractorTest {
  @Test
  void articleTextWithoutChrome() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      body.append("<p>Paragraph ").append(i).append(" of the council's announcement about the "
          + "new tram line, with enough words to look like an article to Readability.</p>");
    }
    String html = "<html lang=\"en\"><head><title>Tram line approved</title>"
        + "<meta property=\"article:published_time\" content=\"2024-03-05T09:00:00Z\">"
        + "<script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a> <a>News</a></nav>"
        + "<article><h1>Tram line approved</h1>" + body + "</article>"
        + "<footer>All rights reserved.</footer></body></html>";
    ExtractedPage page = MainTextExtractor.extract(html, "https://city.example/news/1");
    assertEquals("Tram line approved", page.title());
    assertEquals("2024-03-05T09:00:00Z", page.metaPublished());
    assertEquals("en", page.metaLang());
    assertTrue(page.text().contains("Paragraph 0 of the council's announcement"), page.text());
    assertTrue(page.text().contains("Readability.\nParagraph 1"), page.text());
    assertFalse(page.text().contains("var x"), page.text());
    assertFalse(page.text().contains("Home"), page.text());
  }

  @Test
  void aNewsPageKeepsTheStoryAndLeavesItsFurnitureOut() {
    String html = "<html lang=\"en\"><head><title>Night buses return</title></head><body>"
        + "<header><a href=\"/\">Riverside Council</a></header>"
        + "<div style=\"display:none\"><p>Night buses return to the city centre from Friday, "
        + "after two years without them.</p></div>"
        + "<article><div class=\"kicker\">Transport</div><h1>Night buses return</h1>"
        + "<p class=\"byline\">By Robin Example</p><time>3 March 2025</time>"
        + "<ul class=\"share-tools\"><li><a href=\"#\">Share</a></li><li><a href=\"#\">Post"
        + "</a></li></ul>"
        + "<p>Night buses return to the city centre from Friday, after two years without them.</p>"
        + "<figure><img src=\"bus.jpg\"><figcaption>A night bus at the depot.</figcaption>"
        + "</figure>"
        + "<p>Three routes will run every half hour between midnight and five in the morning, "
        + "linking the station with the university and the hospital.</p>"
        + "<h2>Fares</h2><p>Day tickets are valid on night buses until the following morning.</p>"
        + "<div class=\"newsletter\">Sign up for the council's weekly news.</div>"
        + "<div class=\"most-read\"><h3>Most read</h3><ol><li><a href=\"/1\">Bridge closed for "
        + "repairs</a></li><li><a href=\"/2\">New school year dates</a></li></ol></div>"
        + "</article><footer>Contact us</footer></body></html>";
    ExtractedPage page = MainTextExtractor.extract(html, "https://riverside.example/news/7");
    assertEquals("Night buses return to the city centre from Friday, after two years without "
        + "them.\nThree routes will run every half hour between midnight and five in the "
        + "morning, linking the station with the university and the hospital.\nFares\n"
        + "Day tickets are valid on night buses until the following morning.", page.text());
    // The headline left out of the main text is kept apart: the stored text opens with it.
    assertEquals("Night buses return", page.headline());
  }

  @Test
  void rightToLeftAndCjkPagesComeOutWhole() {
    String arabic = "<html lang=\"ar\" dir=\"rtl\"><body><article><h1>افتتاح حديقة جديدة</h1>"
        + "<p>افتتحت البلدية صباح اليوم حديقة عامة جديدة في الحي الشمالي، تضم ملاعب للأطفال "
        + "ومسارات للمشي.</p><p>وقال رئيس البلدية إن الحديقة ستفتح أبوابها يومياً من الساعة "
        + "السادسة صباحاً حتى العاشرة مساءً.</p></article></body></html>";
    assertEquals("افتتحت البلدية صباح اليوم حديقة عامة جديدة في الحي الشمالي، تضم ملاعب للأطفال "
        + "ومسارات للمشي.\nوقال رئيس البلدية إن الحديقة ستفتح أبوابها يومياً من الساعة السادسة "
        + "صباحاً حتى العاشرة مساءً.", MainTextExtractor.extract(arabic, null).text());
    String chinese = "<html lang=\"zh\"><body><article><h1>新公园开放</h1>"
        + "<p>市政府今天在城北新区开放了一座公园。</p>"
        + "<p>公园内设有儿童游乐场和步行道，每天早上六点至晚上十点开放。</p>"
        + "<p>市长表示，明年还将在城南建设两座类似的公园。</p></article></body></html>";
    assertEquals("市政府今天在城北新区开放了一座公园。\n公园内设有儿童游乐场和步行道，每天早上六点至晚上十点开放。\n"
        + "市长表示，明年还将在城南建设两座类似的公园。", MainTextExtractor.extract(chinese, null).text());
  }

  @Test
  void aDatelineLeftOutStaysAvailableForTheDateFinder() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      body.append("<p>Paragraph ").append(i).append(" about the renovated swimming pool, which "
          + "opens to the public again next month.</p>");
    }
    ExtractedPage page = MainTextExtractor.extract("<html><body><article><h1>Pool reopens</h1>"
        + "<p>Published: 2025-02-14</p>" + body + "</article></body></html>", null);
    assertFalse(page.text().contains("2025-02-14"), page.text());
    assertTrue(page.framedText().contains("Published: 2025-02-14"), page.framedText());
    // With a date tag the date finder needs no dateline.
    assertNull(MainTextExtractor.extract("<html><head><meta name=\"date\" content=\"2025-02-14\">"
        + "</head><body><article><h1>Pool reopens</h1><p>Published: 2025-02-14</p>" + body
        + "</article></body></html>", null).framedText());
  }

  @Test
  void shortPagesFallBackToTheBody() {
    ExtractedPage page = MainTextExtractor.extract(
        "<html><body><div>Kısa bir duyuru.</div><div>İkinci satır.</div></body></html>", null);
    assertEquals("Kısa bir duyuru.\nİkinci satır.", page.text());
  }

  @Test
  void malformedHtmlNeverThrows() {
    ExtractedPage page = MainTextExtractor.extract("<p>unclosed <b>bold <div></span>text", null);
    assertTrue(page.text().contains("unclosed"));
  }

  @Test
  void canonicalUrlFromLinkElseOpenGraph() {
    String body = "<body><p>Short notice.</p></body></html>";
    assertEquals("https://city.example/news/tram",
        MainTextExtractor.extract("<html><head><link rel=\"Canonical\" href=\"/news/tram\">"
            + "<meta property=\"og:url\" content=\"https://city.example/og\"></head>" + body,
            "https://city.example/news/tram?page=2").canonicalUrl());
    assertEquals("https://city.example/og",
        MainTextExtractor.extract("<html><head><link rel=\"canonical\" href=\"\">"
            + "<meta property=\"og:url\" content=\"https://city.example/og\"></head>" + body,
            "https://city.example/news/tram").canonicalUrl());
    // Resolved against the page's own <base href> when it has one.
    assertEquals("https://cdn.city.example/base/tram",
        MainTextExtractor.extract("<html><head><base href=\"https://cdn.city.example/base/\">"
            + "<link rel=\"canonical\" href=\"tram\"></head>" + body,
            "https://city.example/news/1").canonicalUrl());
    // A relative URL without a page URL, or another scheme, is no canonical URL.
    assertNull(MainTextExtractor.extract("<html><head><link rel=\"canonical\" href=\"/a\">"
        + "</head>" + body, null).canonicalUrl());
    assertNull(MainTextExtractor.extract("<html><head><meta property=\"og:url\" "
        + "content=\"javascript:void(0)\"></head>" + body, "https://city.example/").canonicalUrl());
    assertNull(MainTextExtractor.extract("<html>" + body, "https://city.example/").canonicalUrl());
  }

  @Test
  void absoluteHttpUrlResolvesRelativeOnes() {
    assertEquals("https://a.example/x/y",
        MainTextExtractor.absoluteHttpUrl("y", "https://a.example/x/z"));
    assertEquals("http://b.example/p",
        MainTextExtractor.absoluteHttpUrl(" http://b.example/p ", null));
    assertNull(MainTextExtractor.absoluteHttpUrl("/p", null));
    assertNull(MainTextExtractor.absoluteHttpUrl("mailto:x@a.example", "https://a.example/"));
    assertNull(MainTextExtractor.absoluteHttpUrl("", "https://a.example/"));
  }
}
