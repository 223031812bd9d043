package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Kicker, headline, byline and dateline before the story and tags after it are left out. */
class ArticleEdgesTest {
  private static String trimmed(String html) {
    List<TextBlocks.Block> blocks = TextBlocks.of(Jsoup.parse(html).body(), Set.of());
    return TextBlocks.join(ArticleEdges.trim(blocks));
  }

  @Test
  void headerLinesAndTrailingLinesGo() {
    String text = trimmed("<div>Local news</div><h1>New playground opens in Elm Park</h1>"
        + "<div>By Sam Example</div><div>Updated 9:40, 4 June 2025</div>"
        + "<p>Children tried out the new slides on Saturday.</p>"
        + "<p>The playground cost less than planned, and the savings will pay for benches along "
        + "the pond.</p>"
        + "<h2>What comes next</h2><p>A second playground is planned for the west side.</p>"
        + "<div>Parks</div><div>sam@news.example</div>");
    assertEquals("Children tried out the new slides on Saturday.\nThe playground cost less than "
        + "planned, and the savings will pay for benches along the pond.\nWhat comes next\n"
        + "A second playground is planned for the west side.", text);
  }

  @Test
  void aListStoryKeepsItsItems() {
    String text = trimmed("<h2>Waste collection dates</h2><ul><li>Round 1: 3 March</li>"
        + "<li>Round 2: 7 April</li></ul><p>Bins must be out by seven in the morning.</p>");
    assertEquals("Round 1: 3 March\nRound 2: 7 April\nBins must be out by seven in the morning.",
        text);
  }

  @Test
  void linesBrokenInsideOneParagraphStayTogether() {
    String text = trimmed("<h1>Opening hours</h1><p>Monday: 9 to 17<br>Tuesday: 9 to 17<br>"
        + "Wednesday: closed<br>Thursday: 9 to 19<br>Friday: 9 to 15</p>");
    assertEquals("Monday: 9 to 17\nTuesday: 9 to 17\nWednesday: closed\nThursday: 9 to 19\n"
        + "Friday: 9 to 15", text);
  }

  @Test
  void sentencesInEveryScript() {
    assertTrue(ArticleEdges.endsSentence("Le conseil a voté le budget."));
    assertTrue(ArticleEdges.endsSentence("市议会通过了新的公交线路。"));
    assertTrue(ArticleEdges.endsSentence("هل ستفتح المكتبة غداً؟"));
    assertTrue(ArticleEdges.endsSentence("यह नया पुस्तकालय है।"));
    assertFalse(ArticleEdges.endsSentence("12 May 2025"));
    // A Chinese or Korean character weighs three: a 40-character sentence is a paragraph.
    assertEquals(9, ArticleEdges.weight("시의회"));
    assertTrue(ArticleEdges.isParagraph(new TextBlocks.Block(
        "市议会周二通过了新的公交线路计划，这条线路将连接医院和北部郊区，明年春天开始运营", 40, 0, false,
        "p")));
  }
}
