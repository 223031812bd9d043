package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Furniture named by class, id or itemprop goes; the block that holds the story stays. */
class BoilerplateNamesTest {
  private static final String PARAGRAPHS = "<p>The district council approved a new bus route "
      + "linking the hospital with the northern suburbs, starting in the spring.</p>"
      + "<p>Buses will run every twenty minutes on weekdays and every half hour at weekends.</p>";

  private static Element cleaned(String html) {
    Element root = Jsoup.parse(html).body().child(0);
    BoilerplateNames.shared().remove(root);
    return root;
  }

  @Test
  void furnitureInsideTheStoryGoes() {
    Element root = cleaned("<article>"
        + "<div class=\"article-byline\">By Ana Example</div>"
        + "<span itemprop=\"datePublished\">12 May 2025</span>"
        + "<ul class=\"shareTools\"><li>Share</li><li>Mail</li></ul>"
        + PARAGRAPHS
        + "<div id=\"newsletter-signup\">Get our weekly bulletin in your inbox.</div>"
        + "<aside class=\"related_stories\">New cycle lanes for the old town</aside>"
        + "<div class=\"ad-slot\">Advertisement</div>"
        + "<section id=\"comments\">12 comments</section>"
        + "<div class=\"wp-caption\">The new bus at the depot.</div>"
        + "</article>");
    assertEquals("The district council approved a new bus route linking the hospital with the "
        + "northern suburbs, starting in the spring. Buses will run every twenty minutes on "
        + "weekdays and every half hour at weekends.", root.text());
  }

  @Test
  void aWrapperNamedLikeFurnitureKeepsTheStory() {
    // Blog themes put the author's name and "comments" into the classes of the story's wrapper.
    Element root = cleaned("<div><div class=\"post author-jane has-comments\">" + PARAGRAPHS
        + "</div><div class=\"comments\">Leave a reply</div></div>");
    assertTrue(root.text().startsWith("The district council approved"), root.text());
    assertFalse(root.text().contains("Leave a reply"), root.text());
  }

  @Test
  void namesMatchWholeClassesAndTheirParts() {
    BoilerplateNames names = BoilerplateNames.shared();
    assertTrue(names.marks(Jsoup.parse("<div class=\"x socialLinks\"></div>").body().child(0)));
    assertTrue(names.marks(Jsoup.parse("<div class=\"sr-only\"></div>").body().child(0)));
    assertTrue(names.marks(Jsoup.parse("<div id=\"most_popular\"></div>").body().child(0)));
    // "ad" is a part of its own, never a piece of a longer word.
    assertFalse(names.marks(Jsoup.parse("<div class=\"header-shadow\"></div>").body().child(0)));
    assertFalse(names.marks(Jsoup.parse("<div class=\"content-with-sidebar\"></div>").body()
        .child(0)));
    // An opinion piece is a story, not a comment section.
    assertFalse(names.marks(Jsoup.parse("<div class=\"commentary-body\"></div>").body()
        .child(0)));
    assertEquals(List.of("article", "body", "text"), BoilerplateNames.parts("articleBody_text"));
  }
}
