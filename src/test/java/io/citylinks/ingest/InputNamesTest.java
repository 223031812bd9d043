package io.citylinks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The names bundle members are read under, and which names are hidden. */
class InputNamesTest {
  @Test
  void memberNamesLoseEveryWayOutOfTheBundle() {
    assertEquals("x.html", InputNames.safeMemberName("../x.html"));
    assertEquals("x.html", InputNames.safeMemberName("../../../x.html"));
    assertEquals("abs/y.txt", InputNames.safeMemberName("/abs/y.txt"));
    assertEquals("abs/y.txt", InputNames.safeMemberName("//abs//y.txt"));
    assertEquals("site/a.txt", InputNames.safeMemberName("./site/./a.txt"));
    assertEquals("b.txt", InputNames.safeMemberName("site/../b.txt"));
    assertEquals("c.txt", InputNames.safeMemberName("site/../../c.txt"));
    assertEquals("windows/x.html", InputNames.safeMemberName("C:\\windows\\x.html"));
    assertEquals("x.html", InputNames.safeMemberName("..\\..\\x.html"));
    assertEquals("", InputNames.safeMemberName(".."));
    assertEquals("", InputNames.safeMemberName("/"));
  }

  @Test
  void safeNamesAreKeptAsTheyAre() {
    for (String name : new String[] {"a.txt", "site/2024/a b.html", "..a.txt", "a..b/c.txt",
        "日本/記事.html"}) {
      assertEquals(name, InputNames.safeMemberName(name));
    }
  }

  @Test
  void hiddenNamesStartWithADotOrAnUnderscore() {
    assertTrue(InputNames.isHidden(".DS_Store"));
    assertTrue(InputNames.isHidden("_SUCCESS"));
    assertFalse(InputNames.isHidden("a_b.txt"));
    assertTrue(InputNames.hasHiddenPart("dir/_z.txt"));
    assertTrue(InputNames.hasHiddenPart("__MACOSX/site/._a.html"));
    assertFalse(InputNames.hasHiddenPart("site/a.txt"));
  }
}
