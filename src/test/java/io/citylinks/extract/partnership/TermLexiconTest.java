package io.citylinks.extract.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.config.DataFiles;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching of the cue and topic word lists: word starts, clitics, Han, compounds. */
class TermLexiconTest {
  @TempDir Path conf;

  private TermLexicon<String> lexicon(String rows, Set<String> inWord) throws Exception {
    Files.createDirectories(conf.resolve("extract"));
    Files.writeString(conf.resolve("extract/test.tsv"), "# test\n" + rows);
    String before = System.getProperty(DataFiles.CONF_DIR_PROPERTY);
    System.setProperty(DataFiles.CONF_DIR_PROPERTY, conf.toString());
    try {
      return TermLexicon.load("extract/test.tsv", 3, r -> r[2], inWord);
    } finally {
      if (before == null) {
        System.clearProperty(DataFiles.CONF_DIR_PROPERTY);
      } else {
        System.setProperty(DataFiles.CONF_DIR_PROPERTY, before);
      }
    }
  }

  private static String found(TermLexicon<String> l, String text, String lang) {
    return l.find(SurfaceNormalizer.normalizeText(text).text(), lang).stream()
        .map(TermLexicon.Hit::value).collect(Collectors.joining(","));
  }

  @Test
  void termsMatchWhereWordsStart() throws Exception {
    TermLexicon<String> l = lexicon("en\tsport\tsports\nen\ttrade\ttrade\n", Set.of());
    assertEquals("sports,trade", found(l, "Sporting ties and TRADE fairs", "en"));
    assertEquals("", found(l, "public transport", "en"));
    assertEquals("", found(l, "Sporting ties", "fr"));
  }

  @Test
  void arabicCliticsChineseAnywhereGermanCompounds() throws Exception {
    TermLexicon<String> l = lexicon("ar\tتعاون\tcoop\nzh\t贸易\ttrade\nde\tkonferenz\tconf\n"
        + "*\tfintech\ttech\n", Set.of("de"));
    assertEquals("coop", found(l, "وللتعاون بين المدينتين", "ar"));
    assertEquals("trade", found(l, "加强经贸易合作", "zh"));
    assertEquals("conf", found(l, "die Städtekonferenz", "de"));
    assertEquals("tech", found(l, "a fintech hub", "it"));
  }

  @Test
  void spacesAndHyphensSpellOneTerm() throws Exception {
    TermLexicon<String> l = lexicon("en\tsister city\ttwinning\nru\tгород-побратим\ttwinning\n",
        Set.of());
    assertEquals("twinning", found(l, "a sister-city agreement", "en"));
    assertEquals("twinning", found(l, "a sister city agreement", "en"));
    assertEquals("twinning", found(l, "город побратим", "ru"));
    assertEquals("", found(l, "sisters city", "en"));
  }

  @Test
  void aTermWithTwoMeaningsIsRefused() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lexicon("en\tfair\tconference\nen\tFair\ttrade\n", Set.of()));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
  }

  @Test
  void theShippedListsLoad() {
    assertTrue(RelationCue.lexicon().size() > 300);
    assertTrue(Topics.lexicon().size() > 500);
    for (String type : RelationCue.TYPES) { // the pairing stage knows every type it is given
      if (type.equals(RelationCue.IGNORE)) {
        continue; // dropped when cues are found
      }
      assertEquals(type, Pairing.Type.valueOf(type.toUpperCase(java.util.Locale.ROOT)).name()
          .toLowerCase(java.util.Locale.ROOT));
    }
  }
}
