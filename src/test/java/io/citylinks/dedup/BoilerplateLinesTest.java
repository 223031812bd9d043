package io.citylinks.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line normalisation, hashing and stripping without Spark. */
class BoilerplateLinesTest {
  @Test
  void normalisationFoldsCaseDigitsAndPunctuation() {
    assertEquals("0000 riverton", BoilerplateLines.normalize("© 2024 Riverton"));
    assertEquals("page 0 of 00 next", BoilerplateLines.normalize("Page 3 of 12 — Next »"));
    assertEquals("page 0 of 00 next", BoilerplateLines.normalize("page 7 of 45  next"));
    assertEquals("yorum ekle", BoilerplateLines.normalize("YORUM EKLE!"));
    assertEquals("0000 خبر", BoilerplateLines.normalize("۱۴۰۲ خبر"));
  }

  @Test
  void hashesDependOnTheSite() {
    assertEquals(BoilerplateLines.lineHash("a.example", "home"),
        BoilerplateLines.lineHash("a.example", "home"));
    assertNotEquals(BoilerplateLines.lineHash("a.example", "home"),
        BoilerplateLines.lineHash("b.example", "home"));
    assertNotEquals(BoilerplateLines.lineHash("a.exampleh", "ome"),
        BoilerplateLines.lineHash("a.example", "home"));
  }

  @Test
  void distinctLinesCountRepeatsOnceAndFlagLongOnes() {
    String longLine = "word ".repeat(50);
    List<BoilerplateLines.LineKey> lines =
        BoilerplateLines.distinctLines("s", "Home\n\nhome!\n***\n" + longLine);
    assertEquals(List.of(
        new BoilerplateLines.LineKey(BoilerplateLines.lineHash("s", "home"), false),
        new BoilerplateLines.LineKey(
            BoilerplateLines.lineHash("s", BoilerplateLines.normalize(longLine)), true)), lines);
    assertEquals(3, BoilerplateLines.minPages(false, 3));
    assertEquals(20, BoilerplateLines.minPages(true, 3));
    assertEquals(25, BoilerplateLines.minPages(true, 25));
  }

  @Test
  void stripKeepsParagraphsTidyAndNeverEmptiesAText() {
    long[] menu = sorted(BoilerplateLines.lineHash("s", "home"),
        BoilerplateLines.lineHash("s", "add comment"));
    assertEquals("Story.\n\nMore story.",
        BoilerplateLines.strip("s", "Home\n\nStory.\n\nAdd comment\n\nMore story.\n\nHome", menu));
    String onlyMenu = "Home\n***\nAdd comment";
    assertSame(onlyMenu, BoilerplateLines.strip("s", onlyMenu, menu));
    String otherSite = "Home\n\nStory.";
    assertSame(otherSite, BoilerplateLines.strip("t", otherSite, menu));
  }

  @Test
  void lineKeysComputedOnceStripAsTheTextDoes() {
    String text = "Home\n\nStory of 2024.\n***\nAdd comment\n\n" + "word ".repeat(50).strip()
        + "\n\nMore story.\nHome";
    BoilerplateLines.Keys keys = BoilerplateLines.keyLines("s", text);
    assertEquals(text.split("\n", -1).length, keys.hashes().length);
    assertEquals(0, keys.hashes()[1]); // blank
    assertEquals(0, keys.hashes()[3]); // "***" has no words
    assertEquals(BoilerplateLines.lineHash("s", "story of 0000"), keys.hashes()[2]);
    assertArrayEquals(new int[] {6}, keys.longLines());
    assertEquals(BoilerplateLines.distinctLines("s", text), keys.distinct());
    long[] menu = sorted(BoilerplateLines.lineHash("s", "home"),
        BoilerplateLines.lineHash("s", "add comment"));
    assertEquals(BoilerplateLines.strip("s", text, menu),
        BoilerplateLines.strip(text, keys.hashes(), menu));
    assertEquals("Story of 2024.\n***\n\n" + "word ".repeat(50).strip() + "\n\nMore story.",
        BoilerplateLines.strip(text, keys.hashes(), menu));
    String noMenu = "Story.\n\nMore story.";
    assertSame(noMenu, BoilerplateLines.strip(noMenu,
        BoilerplateLines.keyLines("s", noMenu).hashes(), menu));
    assertThrows(IllegalArgumentException.class,
        () -> BoilerplateLines.strip(text, new long[] {menu[0], 12345L}, menu));
  }

  private static long[] sorted(long... values) {
    java.util.Arrays.sort(values);
    return values;
  }
}
