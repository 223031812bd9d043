package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Blocks that are mostly links go; links inside running prose stay. */
class LinkDenseBlocksTest {
  @Test
  void relatedListsGoProseWithLinksStays() {
    String html = "<p>The <a href=\"/plan\">transport plan</a> adds two ferry stops on the river "
        + "and a night bus to the airport.</p>"
        + "<ul><li><a href=\"/1\">Ferry timetable changes</a></li>"
        + "<li><a href=\"/2\">Night bus consultation opens</a></li></ul>"
        + "<p>Read more: <a href=\"/3\">How the ferry stops were chosen by the committee</a></p>";
    String text = TextBlocks.join(LinkDenseBlocks.drop(
        TextBlocks.of(Jsoup.parse(html).body(), Set.of())));
    assertEquals("The transport plan adds two ferry stops on the river and a night bus to the "
        + "airport.", text);
  }
}
