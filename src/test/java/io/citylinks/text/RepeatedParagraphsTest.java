package io.citylinks.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Repeated titles and leads collapse to one; everything else stays as it was. */
class RepeatedParagraphsTest {
  private static final String LEAD =
      "The mayor of Riverton met the delegation from Lakeside on Monday to sign a protocol.";
  private static final String STORY = LEAD
      + " Both cities will exchange students and share experience in waste management.";

  @Test
  void repeatedTitleAndLeadAppearOnce() {
    String text = String.join("\n",
        "City Hall News",
        "",
        "Riverton signs a cooperation protocol with Lakeside",
        "",
        LEAD,
        "",
        "RIVERTON SIGNS A COOPERATION PROTOCOL   WITH LAKESIDE!",
        "",
        LEAD,
        "",
        STORY,
        "",
        "The protocol runs for five years.");
    assertEquals(String.join("\n",
        "City Hall News",
        "",
        "Riverton signs a cooperation protocol with Lakeside",
        "",
        STORY,
        "",
        "The protocol runs for five years."), RepeatedParagraphs.collapse(text));
  }

  @Test
  void theLongerParagraphKeepsItsOwnPlace() {
    String text = String.join("\n", LEAD, "Read more below.", STORY, "Contact: city hall");
    assertEquals(String.join("\n", "Read more below.", STORY, "Contact: city hall"),
        RepeatedParagraphs.collapse(text));
  }

  @Test
  void shortLinesInsideLongerOnesStay() {
    // "Riverton" and "The protocol" are inside longer lines by coincidence, not by copying.
    String text = String.join("\n", "Riverton", "The protocol", "", STORY);
    assertSame(text, RepeatedParagraphs.collapse(text));
  }

  @Test
  void exactRepeatsOfShortLinesGoButPunctuationLinesStay() {
    String text = String.join("\n", "Photo: city hall", "", "***", "", "Intro text.", "",
        "photo — City Hall", "", "***", "", "Closing text.");
    assertEquals(String.join("\n", "Photo: city hall", "", "***", "", "Intro text.", "", "***",
        "", "Closing text."), RepeatedParagraphs.collapse(text));
  }

  @Test
  void containmentIgnoresCaseAndPunctuation() {
    String teaser = "the mayor of riverton met the delegation, from Lakeside on monday";
    String text = String.join("\n", teaser, "", STORY);
    assertEquals(STORY, RepeatedParagraphs.collapse(text));
  }

  @Test
  void textWithoutRepeatsIsReturnedAsIs() {
    String text = "First paragraph.\n\n\n\nSecond paragraph.";
    assertSame(text, RepeatedParagraphs.collapse(text));
    assertEquals("", RepeatedParagraphs.collapse(""));
  }

  @Test
  void collapsingTwiceChangesNothingMore() {
    String text = String.join("\n", LEAD, "", LEAD, "", STORY, "", "Other.");
    String once = RepeatedParagraphs.collapse(text);
    assertEquals(once, RepeatedParagraphs.collapse(once));
  }

  @Test
  void aLineWithAWordOfItsOwnIsNoCopy() {
    // The story spells the partner city differently: dropping the lead would lose that spelling.
    String text = String.join("\n", LEAD, STORY.replace("Lakeside", "Lakesyde"));
    assertSame(text, RepeatedParagraphs.collapse(text));
  }

  /**
   * Seed 002 (Persian) repeats its title and gives its lead twice, then once more at the start of a
   * longer paragraph, there with Guangzhou spelled the other way. Read in place: its text is not
   * copied into the repository.
   */
  @Test
  void seedWithRepeatedLeadKeepsItOnce() throws Exception {
    Path seed = Path.of("../shared/dev/seeds/002_ffe83dbda3b558e3.txt");
    Assumptions.assumeTrue(Files.exists(seed), "seed 002 not present");
    String raw = TextNormalizer.cleanText(Files.readString(seed, StandardCharsets.UTF_8));
    List<String> rawLines = Arrays.asList(raw.split("\n"));
    String lead = rawLines.stream().filter(l -> l.codePointCount(0, l.length()) >= 150)
        .findFirst().orElseThrow();
    String title = rawLines.stream().filter(l -> !l.isBlank()).skip(1).findFirst().orElseThrow();
    assertEquals(2, occurrences(raw, lead), "the seed repeats its lead");
    assertEquals(2, lineCount(raw, title), "the seed repeats its title");

    String collapsed = RepeatedParagraphs.collapse(raw);
    assertEquals(1, occurrences(collapsed, lead));
    assertEquals(1, lineCount(collapsed, title));
    assertEquals(rawLines.stream().filter(l -> !l.isBlank()).distinct().toList(),
        Arrays.stream(collapsed.split("\n")).filter(l -> !l.isBlank()).toList(),
        "exact repeats are all that goes from this seed");
    assertTrue(!collapsed.contains("\n\n\n") && !collapsed.startsWith("\n")
        && !collapsed.endsWith("\n"));
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static long lineCount(String text, String line) {
    return Arrays.stream(text.split("\n")).filter(line::equals).count();
  }
}
