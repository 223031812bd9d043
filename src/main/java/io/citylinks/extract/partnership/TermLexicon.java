package io.citylinks.extract.partnership;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.citylinks.config.DataFiles;
import io.citylinks.extract.places.PlaceMatcher;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A per-language word list of a {@code conf/} data file ({@code lang, term, value...}), matched
 * in one Aho-Corasick pass over normalised text. A term matches where a word starts and may end
 * inside a word, so a stem covers its inflections (Russian "сотрудничеств", Turkish "ziyaret" in
 * "ziyaretinde"); Han terms match anywhere; in Arabic a word may carry attached clitics and the
 * article (و ب ل ف ک ال). A term written with spaces also matches with hyphens and the other
 * way round. Language {@code *} rows apply to every language. Thread-safe.
 *
 * @param <V> what a term stands for (a relation cue, a topic)
 */
public final class TermLexicon<V> {
  /** Attached Arabic prefixes before a term (clitics, the article, and their combinations). */
  private static final Set<String> ARABIC_PREFIXES = Set.of("ال", "وال", "بال", "لل", "فال",
      "کال", "و", "ب", "ل", "ف", "ک", "وب", "ول", "فب", "فل", "وک", "ولل");

  /** One match: normalised offsets into the text searched and what the term stands for. */
  public record Hit<V>(int start, int end, String term, V value) {}

  private final AhoCorasickDoubleArrayTrie<Map<String, V>> trie = new AhoCorasickDoubleArrayTrie<>();
  private final int size;
  private final Set<String> inWordLanguages;

  private TermLexicon(TreeMap<String, Map<String, V>> terms, Set<String> inWordLanguages) {
    trie.build(terms);
    size = terms.size();
    this.inWordLanguages = Set.copyOf(inWordLanguages);
  }

  /**
   * Reads {@code file} (at least {@code columns} tab-separated columns, the first two lang and
   * term) and builds each row's value with {@code value}, which validates the other columns.
   * A (language, term) may not be given twice with different values.
   *
   * @param inWordLanguages languages whose terms also match inside words (German compounds:
   *     "konferenz" in "Städtekonferenz")
   */
  public static <V> TermLexicon<V> load(String file, int columns, Function<String[], V> value,
      Set<String> inWordLanguages) {
    TreeMap<String, Map<String, V>> terms = new TreeMap<>();
    for (String[] row : DataFiles.readTable(file, columns)) {
      String lang = row[0].strip();
      if (!lang.equals("*")) {
        Gazetteer.language(lang, file);
      }
      String term = SurfaceNormalizer.normalize(row[1]);
      if (term.isEmpty()) {
        continue;
      }
      V v;
      try {
        v = value.apply(row);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": row '" + String.join("\t", row) + "': "
            + e.getMessage(), e);
      }
      V before = terms.computeIfAbsent(term, t -> new HashMap<>()).putIfAbsent(lang, v);
      if (before != null && !before.equals(v)) {
        throw new IllegalArgumentException(file + ": '" + row[1] + "' (" + lang
            + ") is listed twice with different meanings: " + before + " and " + v);
      }
      // "sister city" is also written "sister-city", "город-побратим" "город побратим"
      String spelling = term.indexOf(' ') >= 0 ? term.replace(' ', '-')
          : term.replace('-', ' ');
      if (!spelling.equals(term)) {
        terms.computeIfAbsent(spelling, t -> new HashMap<>()).putIfAbsent(lang, v);
      }
    }
    if (terms.isEmpty()) {
      throw new IllegalArgumentException(file + " has no terms");
    }
    return new TermLexicon<>(terms, inWordLanguages);
  }

  /** Number of distinct normalised terms. */
  public int size() {
    return size;
  }

  /**
   * The terms of language {@code lang} (and of {@code *}) in normalised {@code text}, where words
   * start, in text order; overlapping hits are all kept.
   */
  public List<Hit<V>> find(String text, String lang) {
    List<Hit<V>> hits = new ArrayList<>();
    boolean arabic = "ar".equals(lang) || "fa".equals(lang);
    boolean inWords = inWordLanguages.contains(lang);
    trie.parseText(text, (int begin, int end, Map<String, V> byLang) -> {
      V v = byLang.get(lang);
      if (v == null) {
        v = byLang.get("*");
      }
      if (v != null && (inWords || startsWord(text, begin, arabic))) {
        hits.add(new Hit<>(begin, end, text.substring(begin, end), v));
      }
    });
    hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    return hits;
  }

  /**
   * Every value of every term in {@code text}, whatever its language and word boundaries: the
   * cheap, recall-first scan of the candidate filter. {@code visitor} returns false to stop.
   */
  public void scanAll(String text, Visitor<V> visitor) {
    trie.parseText(text, visitor::visit);
  }

  /** Receives each term found by {@link #scanAll}. */
  @FunctionalInterface
  public interface Visitor<V> {
    /** Returns false to stop the scan. */
    boolean visit(int begin, int end, Map<String, V> byLang);
  }

  private static boolean startsWord(String text, int begin, boolean arabic) {
    if (PlaceMatcher.wordStartsAt(text, begin, false)) {
      return true;
    }
    if (!arabic) {
      return false;
    }
    int wordStart = begin;
    while (wordStart > 0 && isArabicLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return ARABIC_PREFIXES.contains(text.substring(wordStart, begin));
  }

  private static boolean isArabicLetter(char c) {
    return c >= 0x0600 && c <= 0x06FF && Character.isLetter(c);
  }
}
