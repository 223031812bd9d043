package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
