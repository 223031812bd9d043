package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The story's marked block: articleBody markup, the article that dominates, a named body. */
class MainBlockTest {
  private static String story(String topic) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      sb.append("<p>Paragraph ").append(i).append(" on ").append(topic)
          .append(": the council met residents in the town hall to hear their views, and the "
              + "mayor promised an answer before the summer recess.</p>");
    }
    return sb.toString();
  }

  private static Element body(String html) {
    return Jsoup.parse("<html><body>" + html + "</body></html>").body();
  }

  @Test
  void articleBodyMarkupComesFirst() {
    Element found = MainBlock.find(body("<article><h1>Parking</h1><div id=\"b\" "
        + "itemprop=\"articleBody\">" + story("parking") + "</div></article>"));
    assertEquals("b", found.id());
  }

  @Test
  void theOnlyArticle() {
    Element found = MainBlock.find(body("<nav>Home</nav><article id=\"a\">" + story("parks")
        + "</article>"));
    assertEquals("a", found.id());
  }

  @Test
  void onAListingTheArticleWithTheStoryNotTheOneWithNestedTeasers() {
    // The first article is the story; the second wraps teasers of other posts.
    String teasers = "<article><p>" + story("a market").substring(3) + "</article>"
        + "<article><p>" + story("a bridge").substring(3) + "</article>";
    Element found = MainBlock.find(body("<article id=\"story\">" + story("the harbour")
        + "</article><article id=\"more\"><h2>More posts</h2>" + teasers + "</article>"));
    assertEquals("story", found.id());
  }

  @Test
  void aListOfEqualTeasersHasNoMainArticle() {
    assertNull(MainBlock.find(body("<article>" + story("roads") + "</article><article>"
        + story("schools") + "</article>")));
  }

  @Test
  void aClassNamingTheStoryBody() {
    Element found = MainBlock.find(body("<div class=\"layout\"><div class=\"entry-content\" "
        + "id=\"e\">" + story("water") + "</div><div class=\"widget\">Links</div></div>"));
    assertEquals("e", found.id());
    assertNull(MainBlock.find(body("<div class=\"post-body\">" + story("water") + "</div>"
        + "<div class=\"post-body\">" + story("light") + "</div>")));
  }
}
