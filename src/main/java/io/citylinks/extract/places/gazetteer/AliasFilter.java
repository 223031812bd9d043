package io.citylinks.extract.places.gazetteer;

import com.ibm.icu.lang.UScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which GeoNames alternate names are worth shipping. The rules were chosen by measuring
 * the artifact (see {@code jobs/build-gazetteer --help}): names in scripts the project does not
 * read, airport and ICAO codes, GeoNames' lower-case machine romanisations ("ye ka jie lin bao"),
 * forms that are too short to match safely, and forms that normalise to a key the place already
 * has cost size and memory and only add false matches.
 */
public final class AliasFilter {
  /** Why an alias was dropped (or that it was kept), for the build report. */
  public enum Verdict {
    KEPT,
    JUNK,
    CODE,
    SCRIPT,
    MIXED_SCRIPT,
    ROMANISATION,
    SHORT,
    DUPLICATE
  }

  /** Scripts of the supported languages (Latin, Cyrillic, Arabic, Han, Japanese kana, Hangul). */
  public static final Set<Script> DEFAULT_SCRIPTS =
      EnumSet.of(Script.LATIN, Script.CYRILLIC, Script.ARABIC, Script.HAN, Script.KANA,
          Script.HANGUL);

  /** The scripts an alias can be written in, as far as this filter cares. */
  public enum Script {
    LATIN(3),
    CYRILLIC(3),
    GREEK(3),
    ARABIC(2),
    HAN(2),
    /** Japanese: kana, alone or with kanji (さいたま市, ソウル). */
    KANA(2),
    HANGUL(2),
    OTHER(2);

    /** Shortest normalised key, in code points, that is kept: قم (Qom) and 成都 are two. */
    final int minKeyLength;

    Script(int minKeyLength) {
      this.minKeyLength = minKeyLength;
    }
  }

  private final Set<Script> scripts;
  private final boolean keepRomanisations;
  private final Map<Verdict, Integer> counts = new TreeMap<>();

  public AliasFilter(Set<Script> scripts, boolean keepRomanisations) {
    this.scripts = EnumSet.copyOf(scripts);
    this.keepRomanisations = keepRomanisations;
  }

  /** Counts of verdicts so far, for the build report. */
  public Map<Verdict, Integer> counts() {
    return counts;
  }

  /**
   * The aliases of one place that pass, in input order, each with a key different from the name's,
   * the ASCII name's and each other's.
   */
  public List<String> filter(String name, String asciiName, List<String> aliases) {
    Set<String> keys = new HashSet<>();
    keys.add(SurfaceNormalizer.normalize(name));
    keys.add(SurfaceNormalizer.normalize(asciiName));
    List<String> kept = new ArrayList<>();
    for (String alias : aliases) {
      Verdict v = judge(alias, name, keys);
      counts.merge(v, 1, Integer::sum);
      if (v == Verdict.KEPT) {
        kept.add(alias.strip());
      }
    }
    return kept;
  }

  private Verdict judge(String raw, String name, Set<String> keys) {
    String alias = raw.strip();
    if (alias.isEmpty() || alias.length() > 60 || alias.contains("http") || alias.contains("(")
        || alias.contains("|") || alias.chars().anyMatch(Character::isDigit)) {
      return Verdict.JUNK;
    }
    if (alias.length() <= 4 && alias.chars().allMatch(c -> c >= 'A' && c <= 'Z')
        && !alias.equals(name)) {
      return Verdict.CODE; // IATA / ICAO / FAA codes: ANK, IST, LTAC
    }
    Script script = scriptOf(alias);
    if (script == null) {
      return Verdict.MIXED_SCRIPT;
    }
    if (!scripts.contains(script)) {
      return Verdict.SCRIPT;
    }
    // GeoNames lists machine romanisations of non-Latin names in lower case; real Latin names are
    // capitalised ("'s-Gravenhage", "den Haag" still carry a capital).
    if (!keepRomanisations && script == Script.LATIN
        && alias.codePoints().noneMatch(Character::isUpperCase)) {
      return Verdict.ROMANISATION;
    }
    String key = SurfaceNormalizer.normalize(alias);
    int letters = (int) key.codePoints().filter(Character::isLetter).count();
    if (letters < script.minKeyLength) {
      return Verdict.SHORT;
    }
    if (!keys.add(key)) {
      return Verdict.DUPLICATE;
    }
    return Verdict.KEPT;
  }

  /** The one script of the letters of {@code s}; null when they mix scripts. */
  static Script scriptOf(String s) {
    Script found = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Script sc = switch (UScript.getScript(cp)) {
        case UScript.LATIN -> Script.LATIN;
        case UScript.CYRILLIC -> Script.CYRILLIC;
        case UScript.GREEK -> Script.GREEK;
        case UScript.ARABIC -> Script.ARABIC;
        case UScript.HAN -> Script.HAN;
        case UScript.HIRAGANA, UScript.KATAKANA -> Script.KANA;
        case UScript.HANGUL -> Script.HANGUL;
        case UScript.COMMON, UScript.INHERITED -> null;
        default -> Script.OTHER;
      };
      if (sc == null) {
        continue;
      }
      if (found != null && found != sc) {
        if (found == Script.KANA && sc == Script.HAN || found == Script.HAN && sc == Script.KANA) {
          found = Script.KANA; // kanji with kana is Japanese
          continue;
        }
        return null;
      }
      found = sc;
    }
    return found == null ? Script.OTHER : found;
  }
}
