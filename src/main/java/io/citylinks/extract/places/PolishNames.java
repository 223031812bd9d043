package io.citylinks.extract.places;

import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Place names of several words declined the Polish way, which the automaton's forms do not
 * cover: every word takes its case ending ("Gorzowa Wielkopolskiego", "Białej Podlaskiej",
 * "Kudowy-Zdroju", "Rawy Ruskiej"), or the first word does and the rest is fixed ("Hradca
 * Králové", "Frankfurtu nad Odrą"); and plural names in -ce in their genitive with the mobile e
 * ("Czerniowiec" for Czerniowce). Each capitalised word is read back to the forms its ending may
 * come from, and a combination the gazetteer knows is a match. Polish articles only.
 */
final class PolishNames {
  /** Words that join the parts of a name ("Frankfurt nad Odrą", "Rostów nad Donem"). */
  private static final Set<String> JOINERS = Set.of("nad", "pod", "na", "w");
  /** Case endings of nouns (diacritics folded), longest first. */
  private static final String[] NOUN_ENDINGS = {"owi", "iem", "ach", "ami", "em", "ie", "iu", "ia",
      "om", "ow", "a", "u", "y", "i", "e"};
  /** Case endings of adjectives, longest first ("-iego" after k and g, "-ej" feminine). */
  private static final String[] ADJECTIVE_ENDINGS = {"iego", "iemu", "iej", "ego", "emu", "ich",
      "ych", "im", "ym", "ej", "a", "e"};
  /** Nominative endings a stem may take back. */
  private static final String[] NOMINATIVE = {"", "a", "o", "e", "y", "i"};
  private static final int MIN_STEM = 3;
  private static final int MAX_WORDS = 3;
  /**
   * The stem of "gmina" (municipality) in all its cases: no name read back starts with it. The
   * gazetteer lists gminas by it ("Gmina Wieliczki", a village's), so "Gmina Wieliczka" would
   * be read as that, not as the town after its municipal word.
   */
  private static final String MUNICIPALITY = "gmin";

  private PolishNames() {}

  /**
   * Matches of declined names of several words (or a plural name's genitive) in a normalised
   * Polish sentence whose words are capitalised in the source.
   */
  static List<PlaceMatcher.Match> find(SurfaceNormalizer.Normalized n, Gazetteer gazetteer) {
    List<int[]> words = words(n.text());
    List<PlaceMatcher.Match> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!capitalised(n, words.get(i)[0])
          || n.text().startsWith(MUNICIPALITY, words.get(i)[0])) {
        continue;
      }
      // longest first: "Frankfurtu nad Odrą" before a two-word reading
      for (int last = Math.min(words.size() - 1, i + MAX_WORDS - 1); last >= i; last--) {
        PlaceMatcher.Match m = match(n, gazetteer, words, i, last);
        if (m != null) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  private static PlaceMatcher.Match match(SurfaceNormalizer.Normalized n, Gazetteer gazetteer,
      List<int[]> words, int first, int last) {
    String text = n.text();
    List<Set<String>> forms = new ArrayList<>();
    List<String> separators = new ArrayList<>();
    for (int w = first; w <= last; w++) {
      int[] word = words.get(w);
      String s = text.substring(word[0], word[1]);
      if (w > first) {
        String gap = text.substring(words.get(w - 1)[1], word[0]);
        if (!gap.equals(" ") && !gap.equals("-")) {
          return null;
        }
        separators.add(gap);
      }
      boolean joiner = w > first && w < last && JOINERS.contains(s);
      if (!joiner && !capitalised(n, word[0])) {
        return null;
      }
      forms.add(joiner ? Set.of(s) : baseForms(s, last > first));
    }
    if (last == first && !pluralGenitive(text.substring(words.get(first)[0],
        words.get(first)[1]))) {
      return null;
    }
    String key = find(gazetteer, forms, separators, 0, "");
    if (key == null) {
      return null;
    }
    int begin = words.get(first)[0];
    int end = words.get(last)[1];
    String surfaceKey = text.substring(begin, end);
    if (key.equals(surfaceKey)) {
      return null; // the automaton finds it as it is
    }
    int[] range = n.sourceRange(begin, end);
    return new PlaceMatcher.Match(range[0], range[1], begin, end, key, List.of(key));
  }

  /** The first combination of the words' forms that is a gazetteer key, or null. */
  private static String find(Gazetteer gazetteer, List<Set<String>> forms,
      List<String> separators, int at, String prefix) {
    if (at == forms.size()) {
      return gazetteer.lookupEntries(prefix).isEmpty() ? null : prefix;
    }
    for (String form : forms.get(at)) {
      String joined = at == 0 ? form : prefix + separators.get(at - 1) + form;
      String key = find(gazetteer, forms, separators, at + 1, joined);
      if (key != null) {
        return key;
      }
      if (at > 0 && separators.get(at - 1).equals("-")) {
        // "Kudowy-Zdroju" may be listed as "kudowa zdroj"
        key = find(gazetteer, forms, separators, at + 1, prefix + " " + form);
        if (key != null) {
          return key;
        }
      }
    }
    return null;
  }

  /**
   * The forms a declined word may come from: itself, its stem with a nominative ending, the stem
   * with its mobile e back ("Hradca" → hradec, "Kamieńca" → kamieniec), an adjective's
   * nominatives ("Wielkopolskiego" → wielkopolski, "Ruskiej" → ruska).
   */
  static Set<String> baseForms(String word, boolean inPhrase) {
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    if (pluralGenitive(word)) {
      // "czerniowiec" → czerniowce, "siedlec" → siedlce
      int e = word.endsWith("iec") ? word.length() - 3 : word.length() - 2;
      out.add(word.substring(0, e) + "ce");
    }
    if (!inPhrase) {
      return out;
    }
    for (String ending : NOUN_ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
        String stem = word.substring(0, word.length() - ending.length());
        for (String nominative : NOMINATIVE) {
          out.add(stem + nominative);
        }
        char c = stem.charAt(stem.length() - 1);
        char before = stem.charAt(stem.length() - 2);
        if (!PlaceMatcher.isLatinVowel(c) && !PlaceMatcher.isLatinVowel(before)) {
          // the mobile e: "hradc" → hradec, "kamienc" → kamieniec
          String head = stem.substring(0, stem.length() - 1);
          out.add(head + "e" + c);
          if (head.endsWith("n") || head.endsWith("ni")) {
            out.add((head.endsWith("i") ? head : head + "i") + "e" + c);
          }
        }
        if (stem.endsWith("rz")) {
          out.add(stem.substring(0, stem.length() - 2) + "ra"); // "Górze" → góra
        }
      }
    }
    for (String ending : ADJECTIVE_ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
        String stem = word.substring(0, word.length() - ending.length());
        out.add(stem + "i");
        out.add(stem + "y");
        out.add(stem + "a");
        out.add(stem + "e");
      }
    }
    return out;
  }

  /** A genitive plural of a name in -ce with its mobile e ("Czerniowiec", "Siedlec"). */
  private static boolean pluralGenitive(String word) {
    int e = word.endsWith("iec") ? word.length() - 3 : word.length() - 2;
    return word.length() >= 6 && word.endsWith("ec")
        && !PlaceMatcher.isLatinVowel(word.charAt(e - 1));
  }

  /** Word spans (letters only) of a normalised sentence. */
  static List<int[]> words(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      out.add(new int[] {start, i});
    }
    return out;
  }

  /** Whether the word at {@code normStart} is capitalised in the source text. */
  static boolean capitalised(SurfaceNormalizer.Normalized n, int normStart) {
    return Character.isUpperCase(n.source().charAt(n.sourceIndex(normStart)));
  }
}
