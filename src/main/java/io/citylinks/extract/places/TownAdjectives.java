package io.citylinks.extract.places;

import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.Place;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The adjectives German and Dutch make of a town's name, which the automaton's keys do not
 * cover: "das Münchner Rathaus" (München), "der Kölner Oberbürgermeister" (Köln), "Erlanger"
 * (Erlangen), "die Zürcher Stadtpräsidentin" (Zürich), "de Tilburgse burgemeester" (Tilburg),
 * "het Groningse college" (Groningen). A capitalised word with the language's ending and a
 * word after it (a capitalised noun in German) is read back to the names it may come from (the
 * stem, the stem with -en, a "-ner" from "-en", the vowel a "Zürcher" or "Basler" drops) and is
 * a match when one of them is a town of the language's home countries of
 * {@link PlaceResolver#MID_POPULATION} people or more. German and Dutch articles only.
 */
final class TownAdjectives {
  private static final int MIN_STEM = 3;

  private TownAdjectives() {}

  /** Matches of town adjectives in a normalised sentence of a German or Dutch article. */
  static List<PlaceMatcher.Match> find(SurfaceNormalizer.Normalized n, Gazetteer gazetteer,
      String lang) {
    String ending = ending(lang);
    List<PlaceMatcher.Match> out = new ArrayList<>();
    if (ending == null) {
      return out;
    }
    Set<String> home = PlaceResolver.homeCountries(lang);
    for (int[] w : PolishNames.words(n.text())) {
      String word = n.text().substring(w[0], w[1]);
      if (word.length() - ending.length() < MIN_STEM || !word.endsWith(ending)
          || !PolishNames.capitalised(n, w[0]) || !wordFollows(n, w[1], lang.equals("de"))) {
        continue;
      }
      for (String key : baseForms(word, ending)) {
        if (isHomeTown(gazetteer, key, home)) {
          int[] range = n.sourceRange(w[0], w[1]);
          out.add(new PlaceMatcher.Match(range[0], range[1], w[0], w[1], key, List.of(key)));
          break;
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code m}, in the normalised sentence {@code text}, is a town adjective this class
   * found: such a word names its town as surely as a municipal cue ("die Dresdner
   * Oberbürgermeisterin" has an article before it, not before a name).
   */
  static boolean isAdjective(PlaceMatcher.Match m, String text, String lang) {
    String ending = ending(lang);
    if (ending == null || m.normEnd() - m.normStart() <= ending.length()) {
      return false;
    }
    String word = text.substring(m.normStart(), m.normEnd());
    return word.endsWith(ending) && !word.equals(m.key())
        && baseForms(word, ending).contains(m.key());
  }

  /**
   * "münchner" → münchn, münchnen, münchen; "kölner" → köln, kölnen; "tilburgse" → tilburg...;
   * the vowel an adjective drops before its last consonant comes back: "zürcher" → zürich,
   * "basler" → basel.
   */
  static Set<String> baseForms(String word, String ending) {
    String stem = word.substring(0, word.length() - ending.length());
    Set<String> out = new LinkedHashSet<>();
    out.add(stem);
    out.add(stem + "en");
    if (stem.endsWith("n") && stem.length() > MIN_STEM) {
      out.add(stem.substring(0, stem.length() - 1) + "en"); // Dresdner: dresdn → dresden
    }
    if (stem.length() > MIN_STEM + 1 && stem.endsWith("ch")
        && isConsonant(stem.charAt(stem.length() - 3))) {
      out.add(stem.substring(0, stem.length() - 2) + "ich"); // Zürcher: zürch → zürich
    }
    if (stem.length() > MIN_STEM && stem.endsWith("l")
        && isConsonant(stem.charAt(stem.length() - 2))) {
      out.add(stem.substring(0, stem.length() - 1) + "el"); // Basler: basl → basel
    }
    return out;
  }

  private static boolean isConsonant(char c) {
    return Character.isLetter(c) && "aeiouyäöüàáâèéêìíîòóôùúû".indexOf(c) < 0;
  }

  /** The ending of a town's adjective in the language; null when none is read. */
  private static String ending(String lang) {
    return switch (lang) {
      case "de" -> "er";
      case "nl" -> "se";
      default -> null;
    };
  }

  /**
   * Whether another word follows after one space: an adjective stands before its noun, which
   * German capitalises ("einen Hamburger und" is no town's).
   */
  private static boolean wordFollows(SurfaceNormalizer.Normalized n, int end, boolean noun) {
    String text = n.text();
    return end + 1 < text.length() && text.charAt(end) == ' '
        && Character.isLetter(text.charAt(end + 1))
        && (!noun || Character.isUpperCase(n.source().charAt(n.sourceIndex(end + 1))));
  }

  private static boolean isHomeTown(Gazetteer gazetteer, String key, Set<String> home) {
    for (Gazetteer.Entry e : gazetteer.lookupEntries(key)) {
      Place p = e.place();
      if (p.kind() == Place.Kind.CITY && home.contains(p.countryCode())
          && p.population() >= PlaceResolver.MID_POPULATION) {
        return true;
      }
    }
    return false;
  }
}
