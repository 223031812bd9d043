package io.citylinks.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.citylinks.config.DataFiles;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Identifies an article's language cheaply, script first (SPEC section 7): Arabic letters split
 * into Persian and Arabic by the letters only one of them uses, Han into Chinese and Japanese by
 * kana, Cyrillic into Russian and Ukrainian by Ukrainian letters. Only Latin text needs a vote:
 * first over frequent function words ({@code conf/text/stopwords.tsv}), and where that vote is
 * close, lingua restricted to the configured Latin languages. Thread-safe; build once per JVM.
 */
public final class LanguageIdentifier implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A function-word vote is trusted with this many hits and this lead over the runner-up. */
  private static final int MIN_HITS = 3;
  private static final double MIN_LEAD = 1.5;

  private final List<String> languages;
  private final Map<String, Set<String>> stopwords = new HashMap<>();
  private transient volatile LanguageDetector lingua;

  public LanguageIdentifier(List<String> languages) {
    this.languages = List.copyOf(languages);
    Set<String> wanted = new HashSet<>(languages);
    for (String[] row : DataFiles.readTable("text/stopwords.tsv", 2)) {
      if (wanted.contains(row[0])) {
        stopwords.put(row[0], Set.of(row[1].trim().split(" +")));
      }
    }
  }

  /** ISO 639-1 code of the text's language, or "und". */
  public String identify(String text) {
    if (text == null || text.isBlank()) {
      return "und";
    }
    Map<Script, Integer> counts = scriptCounts(text, 1000);
    Script script = dominant(counts);
    switch (script) {
      case ARABIC:
        return arabicScriptLanguage(text);
      case HAN:
      case KANA:
        return counts.getOrDefault(Script.KANA, 0) > 0 ? "ja" : "zh";
      case HANGUL:
        return "ko";
      case CYRILLIC:
        return hasAny(text, "іїєґІЇЄҐ") ? "uk" : "ru";
      case GREEK:
        return "el";
      case HEBREW:
        return "he";
      case LATIN:
        return latinLanguage(text);
      default:
        return "und";
    }
  }

  /** The script most letters of the text's first {@code 1000} characters are written in. */
  public static Script dominantScript(String text) {
    return dominant(scriptCounts(text, 1000));
  }

  private static Map<Script, Integer> scriptCounts(String text, int limit) {
    Map<Script, Integer> counts = new EnumMap<>(Script.class);
    int n = Math.min(text.length(), limit);
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Script s = switch (Character.UnicodeScript.of(cp)) {
        case LATIN -> Script.LATIN;
        case ARABIC -> Script.ARABIC;
        case HAN -> Script.HAN;
        case HIRAGANA, KATAKANA -> Script.KANA;
        case HANGUL -> Script.HANGUL;
        case CYRILLIC -> Script.CYRILLIC;
        case GREEK -> Script.GREEK;
        case HEBREW -> Script.HEBREW;
        default -> Script.OTHER;
      };
      counts.merge(s, 1, Integer::sum);
    }
    return counts;
  }

  private static Script dominant(Map<Script, Integer> counts) {
    Script best = Script.NONE;
    int max = 0;
    for (var e : counts.entrySet()) {
      // Kana mixed into Han text is Japanese however few the kana are.
      int weight = e.getKey() == Script.KANA ? e.getValue() * 3 : e.getValue();
      if (weight > max) {
        max = weight;
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * Persian writes پ چ ژ گ, which Arabic lacks, and its own ی ک (legacy windows-1256 pages store
   * them as Arabic ي ك, so those two decide nothing); Arabic writes ة ى and the article ال far
   * more often. Urdu has letters of its own.
   */
  private static String arabicScriptLanguage(String text) {
    int persian = 0;
    int arabic = 0;
    int n = Math.min(text.length(), 2000);
    char prev = ' ';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case 'پ', 'چ', 'ژ', 'گ' -> persian += 3;
        case 'ی', 'ک' -> persian++;
        case 'ة', 'ى' -> arabic += 2;
        case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے' -> {
          return "ur";
        }
        case 'ا' -> {
          if (!Character.isLetter(prev) && i + 1 < n && text.charAt(i + 1) == 'ل') {
            arabic++;
          }
        }
        default -> { }
      }
      prev = c;
    }
    return persian >= arabic ? "fa" : "ar";
  }

  private String latinLanguage(String text) {
    String prefix = text.length() > 1500 ? text.substring(0, 1500) : text;
    Map<String, Integer> hits = new HashMap<>();
    for (String word : prefix.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      for (var e : stopwords.entrySet()) {
        if (e.getValue().contains(word)) {
          hits.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    if (stopwords.containsKey("tr") && hasAny(prefix, "ğışİĞŞı")) {
      hits.merge("tr", 5, Integer::sum); // letters no other supported language uses
    }
    String best = null;
    int bestHits = 0;
    int second = 0;
    for (var e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        second = bestHits;
        bestHits = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    if (best != null && bestHits >= MIN_HITS && bestHits >= second * MIN_LEAD) {
      return best;
    }
    String byLingua = lingua(prefix);
    return byLingua != null ? byLingua : best != null && bestHits > second ? best : "und";
  }

  private String lingua(String text) {
    LanguageDetector detector = lingua;
    if (detector == null) {
      synchronized (this) {
        if (lingua == null) {
          lingua = buildLingua();
        }
        detector = lingua;
      }
    }
    if (detector == null) {
      return null;
    }
    Language lang = detector.detectLanguageOf(text);
    return lang == Language.UNKNOWN ? null
        : lang.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  private LanguageDetector buildLingua() {
    List<Language> latin = new ArrayList<>();
    for (Language l : Language.values()) {
      if (l == Language.UNKNOWN) {
        continue;
      }
      String code = l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
      if (languages.contains(code) && stopwords.containsKey(code)) {
        latin.add(l);
      }
    }
    if (latin.size() < 2) {
      return null;
    }
    return LanguageDetectorBuilder.fromLanguages(latin.toArray(new Language[0]))
        .withLowAccuracyMode().build();
  }

  private static boolean hasAny(String text, String letters) {
    for (int i = 0; i < text.length(); i++) {
      if (letters.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
