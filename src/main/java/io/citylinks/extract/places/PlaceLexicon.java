package io.citylinks.extract.places;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.citylinks.config.DataFiles;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word lists place resolution uses, per language and normalised like the text: from {@code
 * conf/places}, cue words that mark the name next to them as a city, titles that mark it as a
 * person and articles that mark it as a common noun ({@code cues.tsv}), and place names that are
 * also common words ({@code common-words.tsv}); plus Lucene's stop-word lists, whose words count
 * as common words.
 */
public final class PlaceLexicon {
  public static final String CUES_FILE = "places/cues.tsv";
  public static final String COMMON_WORDS_FILE = "places/common-words.tsv";

  private final Map<String, List<String>> before = new HashMap<>();
  private final Map<String, List<String>> after = new HashMap<>();
  private final Map<String, List<String>> titles = new HashMap<>();
  private final Map<String, List<String>> surnames = new HashMap<>();
  private final Map<String, List<String>> articles = new HashMap<>();
  private final Map<String, List<String>> regionBefore = new HashMap<>();
  private final Map<String, List<String>> regionAfter = new HashMap<>();
  private final Map<String, List<String>> municipalityBefore = new HashMap<>();
  private final Map<String, List<String>> municipalityAfter = new HashMap<>();
  private final Set<String> particles = new HashSet<>();
  /** One automaton of the municipality cues per language, built on first use. */
  private final Map<String, Optional<AhoCorasickDoubleArrayTrie<Boolean>>> municipalityTries =
      new ConcurrentHashMap<>();
  private final Set<String> commonWords = new HashSet<>();
  private Subdivisions subdivisions;

  /** Lucene's stop-word list of each supported language (Apache License 2.0). */
  private static final Map<String, String> LUCENE_STOPWORDS = Map.ofEntries(
      Map.entry("ar", "ar/stopwords.txt"), Map.entry("fa", "fa/stopwords.txt"),
      Map.entry("tr", "tr/stopwords.txt"), Map.entry("ru", "snowball/russian_stop.txt"),
      Map.entry("en", "snowball/english_stop.txt"), Map.entry("es", "snowball/spanish_stop.txt"),
      Map.entry("fr", "snowball/french_stop.txt"), Map.entry("de", "snowball/german_stop.txt"),
      Map.entry("pt", "snowball/portuguese_stop.txt"),
      Map.entry("it", "snowball/italian_stop.txt"), Map.entry("nl", "snowball/dutch_stop.txt"));

  private PlaceLexicon() {}

  /** Reads both files from the conf dir (or the classpath copy). */
  public static PlaceLexicon load() {
    PlaceLexicon lex = new PlaceLexicon();
    lex.subdivisions = Subdivisions.load();
    for (String[] r : DataFiles.readTable(CUES_FILE, 3)) {
      String lang = Gazetteer.language(r[0], CUES_FILE);
      String cue = SurfaceNormalizer.normalize(r[2]);
      if (cue.isEmpty()) {
        continue;
      }
      switch (r[1].strip()) {
        case "before" -> lex.before.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "after" -> lex.after.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "title" -> lex.titles.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "surname" -> lex.surnames.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "article" -> lex.articles.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "region-before" ->
            lex.regionBefore.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "region-after" ->
            lex.regionAfter.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        case "municipality-before" -> {
          lex.before.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
          lex.municipalityBefore.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        }
        case "municipality-after" -> {
          lex.after.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
          lex.municipalityAfter.computeIfAbsent(lang, k -> new ArrayList<>()).add(cue);
        }
        case "particle" -> lex.particles.add(lang + "\t" + cue);
        default -> throw new IllegalArgumentException(CUES_FILE
            + ": where must be before, after, title, surname, article, region-before,"
            + " region-after, municipality-before, municipality-after or particle, got '" + r[1]
            + "' for '"
            + r[2] + "'");
      }
    }
    for (String[] r : DataFiles.readTable(COMMON_WORDS_FILE, 2)) {
      String form = SurfaceNormalizer.normalize(r[1]);
      if (!form.isEmpty()) {
        lex.commonWords.add(Gazetteer.language(r[0], COMMON_WORDS_FILE) + "\t" + form);
      }
    }
    for (Map.Entry<String, String> e : LUCENE_STOPWORDS.entrySet()) {
      for (String word : luceneStopWords(e.getValue())) {
        String form = SurfaceNormalizer.normalize(word);
        if (!form.isEmpty()) {
          lex.commonWords.add(e.getKey() + "\t" + form);
        }
      }
    }
    return lex;
  }

  /** The words of one of Lucene's stop-word files (plain, or Snowball with | comments). */
  static List<String> luceneStopWords(String resource) {
    String path = "/org/apache/lucene/analysis/" + resource;
    try (InputStream in = WordlistLoader.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("stop-word list " + path + " is not on the classpath");
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      CharArraySet set = resource.startsWith("snowball/")
          ? WordlistLoader.getSnowballWordSet(reader)
          : WordlistLoader.getWordSet(reader, "#");
      List<String> words = new ArrayList<>(set.size());
      for (Object w : set) {
        words.add(w instanceof char[] c ? new String(c) : w.toString());
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stop-word list " + path, e);
    }
  }

  /** The states and provinces that may follow a city's name ({@code subdivisions.tsv}). */
  public Subdivisions subdivisions() {
    return subdivisions;
  }

  /** True when {@code key} is a common word in {@code lang} (or in every language). */
  public boolean isCommonWord(String lang, String key) {
    return commonWords.contains(lang + "\t" + key) || commonWords.contains("*\t" + key);
  }

  /** True when a cue of {@code lang} stands right before normalised offset {@code begin}. */
  public boolean cueBefore(String lang, String text, int begin) {
    return precededBy(cues(before, lang), text, begin, false);
  }

  /**
   * True when a cue of {@code lang} stands right before normalised offset {@code begin} or right
   * after {@code end} of {@code text} (after a Turkish apostrophe suffix and spaces).
   */
  public boolean hasCue(String lang, String text, int begin, int end) {
    // "maire d'Orange": a cue may touch the name
    if (precededBy(cues(before, lang), text, begin, false)) {
      return true;
    }
    return cueAfter(lang, text, end);
  }

  /**
   * True when one of {@code words} starts right after {@code end} (after a Turkish apostrophe
   * suffix and spaces) and ends at a word boundary.
   */
  private static boolean followedBy(List<String> words, String text, int end) {
    return followerAt(words, text, end) >= 0;
  }

  /** Where the word of {@code words} that {@link #followedBy} finds starts, else -1. */
  private static int followerAt(List<String> words, String text, int end) {
    int e = end;
    if (e < text.length() && text.charAt(e) == '\'') {
      e++;
      while (e < text.length() && Character.isLetter(text.charAt(e))) {
        e++;
      }
    }
    while (e < text.length() && text.charAt(e) == ' ') {
      e++;
    }
    for (String cue : words) {
      int to = e + cue.length();
      if (to <= text.length() && text.startsWith(cue, e)
          && (to == text.length() || boundary(text.charAt(to), cue.charAt(cue.length() - 1)))) {
        return e;
      }
    }
    return -1;
  }

  /**
   * True when a word of {@code lang} that makes the name a province, state or region ("Shandong
   * province", "استان فارس", "山东省") stands right before {@code begin} or right after {@code
   * end}: a region is not a municipality and partners no city.
   */
  public boolean regionCue(String lang, String text, int begin, int end) {
    if (precededBy(cues(regionBefore, lang), text, begin, false)) {
      return true;
    }
    return followedBy(cues(regionAfter, lang), text, end);
  }

  /**
   * True when a region word follows the name and no municipal cue does: the word after a name
   * decides what it is ("громада Херсонської області": the oblast, whatever stands before).
   */
  public boolean regionFollows(String lang, String text, int end) {
    return followedBy(cues(regionAfter, lang), text, end)
        && !cueAfter(lang, text, end);
  }

  /**
   * True when a word that only ever names a municipality ("gemeente", "alcalde de") stands right
   * before normalised offset {@code begin}: the name there is one even if no gazetteer has it.
   */
  public boolean municipalityCueBefore(String lang, String text, int begin) {
    return precededBy(cues(municipalityBefore, lang), text, begin, false);
  }

  /**
   * Where words that only ever name a municipality occur in {@code text}: a bit per normalised
   * offset they cover (empty when none does).
   */
  public BitSet municipalityCues(String lang, String text) {
    BitSet at = new BitSet();
    Optional<AhoCorasickDoubleArrayTrie<Boolean>> trie =
        municipalityTries.computeIfAbsent(lang, l -> {
          TreeMap<String, Boolean> words = new TreeMap<>();
          cues(municipalityBefore, l).forEach(w -> words.put(w, true));
          cues(municipalityAfter, l).forEach(w -> words.put(w, true));
          if (words.isEmpty()) {
            return Optional.empty();
          }
          AhoCorasickDoubleArrayTrie<Boolean> t = new AhoCorasickDoubleArrayTrie<>();
          t.build(words);
          return Optional.of(t);
        });
    trie.ifPresent(t -> t.parseText(text,
        (AhoCorasickDoubleArrayTrie.IHit<Boolean>) (begin, end, value) -> at.set(begin, end)));
    return at;
  }

  /**
   * As {@link #municipalityCueBefore}, after the name ("Belediyesi", "city council"): where that
   * word starts in {@code text}, else -1.
   */
  public int municipalityCueAfter(String lang, String text, int end) {
    return followerAt(cues(municipalityAfter, lang), text, end);
  }

  /** True when a cue of {@code lang} follows normalised offset {@code end} ({@link #hasCue}). */
  public boolean cueAfter(String lang, String text, int end) {
    return followedBy(cues(after, lang), text, end);
  }

  /** True when {@code word} (normalised) may stand inside a place name: "de", "la", "am". */
  public boolean isNameParticle(String lang, String word) {
    return particles.contains(lang + "\t" + word) || particles.contains("*\t" + word);
  }

  /** True when a person's title of {@code lang} stands right before {@code begin}. */
  public boolean afterTitle(String lang, String text, int begin) {
    return precededBy(cues(titles, lang), text, begin, true);
  }

  /**
   * True when a surname of {@code lang} ({@code *} included) stands right before {@code begin}:
   * the name after it may be a given name ("Gu Jinshan", "Wang Qingdao"). The caller checks
   * that the surname is capitalised.
   */
  public boolean afterSurname(String lang, String text, int begin) {
    return precededBy(cues(surnames, lang), text, begin, true);
  }

  /** True when an article or determiner of {@code lang} stands right before {@code begin}. */
  public boolean afterArticle(String lang, String text, int begin) {
    return precededBy(cues(articles, lang), text, begin, true);
  }

  /**
   * True when one of {@code words} ends right before {@code begin}, spaces apart, starting at a
   * word boundary; with {@code spaced}, at least one space must separate them.
   */
  private static boolean precededBy(List<String> words, String text, int begin, boolean spaced) {
    int b = begin;
    while (b > 0 && text.charAt(b - 1) == ' ') {
      b--;
    }
    if (spaced && b == begin) {
      return false;
    }
    for (String w : words) {
      int from = b - w.length();
      if (from >= 0 && text.startsWith(w, from)
          && (from == 0 || boundary(text.charAt(from - 1), w.charAt(0))
              || proclitic(text, from - 1, w.charAt(0)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the character at {@code at} is an Arabic-script proclitic written onto the cue
   * (و and, ف so, ب in, ل for: "وأمانة عمان", "لبلدية"), itself at a word start.
   */
  private static boolean proclitic(String text, int at, char cueStart) {
    return Character.UnicodeScript.of(cueStart) == Character.UnicodeScript.ARABIC
        && PROCLITICS.indexOf(text.charAt(at)) >= 0
        && (at == 0 || boundary(text.charAt(at - 1), cueStart));
  }

  private static final String PROCLITICS = "وفبل";

  private static List<String> cues(Map<String, List<String>> map, String lang) {
    List<String> own = map.getOrDefault(lang, List.of());
    List<String> any = map.getOrDefault("*", List.of());
    if (any.isEmpty()) {
      return own;
    }
    List<String> all = new ArrayList<>(own);
    all.addAll(any);
    return all;
  }

  /** A cue ends at a word boundary unless it is Han (which has none). */
  private static boolean boundary(char neighbour, char cueEdge) {
    int cls = PlaceMatcher.scriptClass(cueEdge);
    if (cls == PlaceMatcher.HAN || cls == PlaceMatcher.OTHER) {
      return true;
    }
    int n = PlaceMatcher.scriptClass(neighbour);
    return n == PlaceMatcher.OTHER || n == PlaceMatcher.HAN;
  }
}
