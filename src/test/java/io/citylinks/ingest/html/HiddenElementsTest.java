package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What a browser does not show is left out; a page hidden as a whole keeps its text. */
class HiddenElementsTest {
  private static final String STORY = "<p>The library on Harbour Street reopens on Monday after "
      + "a year of repairs to its roof and reading rooms, the council said.</p>";

  private static String cleaned(String bodyHtml) {
    Element body = Jsoup.parse("<html><body>" + bodyHtml + "</body></html>").body();
    HiddenElements.remove(body);
    return body.text();
  }

  @Test
  void hiddenCopiesAndMenusGo() {
    String text = cleaned(STORY
        + "<div hidden>The library on Harbour Street reopens on Monday.</div>"
        + "<div aria-hidden=\"true\">Menu Close</div>"
        + "<div style=\"color: red; DISPLAY : none\">A schema copy of the story.</div>"
        + "<span style=\"visibility:hidden\">Loading</span>"
        + "<input type=\"hidden\" value=\"token\">"
        + "<p aria-hidden=\"false\">Opening hours stay as before.</p>");
    assertEquals("The library on Harbour Street reopens on Monday after a year of repairs to its "
        + "roof and reading rooms, the council said. Opening hours stay as before.", text);
  }

  @Test
  void aPageHiddenUntilAScriptRunsKeepsItsText() {
    String text = cleaned("<div style=\"display:none\" id=\"app\">" + STORY + "</div>"
        + "<div>Cookies</div>");
    assertEquals("The library on Harbour Street reopens on Monday after a year of repairs to its "
        + "roof and reading rooms, the council said. Cookies", text);
  }
}
