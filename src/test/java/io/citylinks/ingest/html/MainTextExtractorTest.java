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
