package io.citylinks.extract.places;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every gazetteer key in a sentence: one Aho-Corasick automaton (a double-array trie) over
 * the gazetteer's normalised keys, run on the sentence normalised the same way, then word-boundary
 * rules per script and the longest of overlapping matches.
 *
 * <ul>
 *   <li>Han: no word spaces, so no boundary rule; keys are at least two characters.
 *   <li>Other scripts: the match must not start or end inside a word of its own script. After a
 *       match, an apostrophe and a suffix are allowed (Turkish {@code İzmir'e}, {@code Çin'den}).
 *   <li>Cyrillic: a case ending may follow the key ({@code Лондоне}, {@code Пекином}), and a key
 *       ending in а, я, ь, й or о is also matched by its stem plus an ending ({@code Москве},
 *       {@code Казани}); the mention then covers the whole word.
 *   <li>Cyrillic endings cover Ukrainian too ({@code Києві} is not, {@code Львові},
 *       {@code Одесою} are).
 *   <li>Polish (articles in Polish): a Latin key may be followed by a case ending, and a key
 *       ending in a, o or e is also matched by its stem plus an ending ({@code Krakowie},
 *       {@code Gdańsku}, {@code Warszawy}); diacritics are folded first, so ó/o and ł/l
 *       alternations need no rule.
 *   <li>Hangul: the match must start a word; after it a Korean administrative suffix, an office
 *       and a particle may follow, each optional ({@code 서울시와}, {@code 서울시장은},
 *       {@code 도봉구는}, {@code 부산에서}), and the mention is the name alone.
 *   <li>Katakana: a name written in katakana must not touch other katakana (a katakana run is
 *       one word).
 *   <li>Arabic (articles in Arabic): the attached clitics و ب ل ف ک may precede the key
 *       ({@code وبكين}, {@code بالقاهرة}); the mention starts after them.
 * </ul>
 *
 * Immutable after construction and thread-safe; {@link PlaceResolver#shared} holds the one of
 * each JVM (executor), and the built automaton is cached on local disk for the next JVM ({@link
 * #defaultCacheDir}).
 */
public final class PlaceMatcher {
  /** Case endings of Russian nouns that may follow a key or a key's stem. */
  static final Set<String> CYRILLIC_ENDINGS = Set.of("а", "я", "ы", "и", "е", "у", "ю", "о",
      "ой", "ей", "ою", "ею", "ом", "ем", "ём", "ью", "ям", "ам", "ами", "ями", "ах", "ях",
      "ым", "им", "ого", "его", "ому", "ему", "і", "ові", "еві", "єві", "єю", "ів");
  /** Polish case endings (diacritics folded) that may follow a Latin key or a key's stem. */
  static final Set<String> POLISH_ENDINGS = Set.of("a", "u", "ie", "iu", "em", "iem", "owi",
      "y", "i", "e", "ia", "ii", "ach", "om", "ami", "ow", "ze");
  /**
   * What may follow a Korean place name inside its word: an administrative suffix (시 city, 구
   * district, 군 county, 도 province...), then a particle or an office ("시장" mayor, "시청" city
   * hall), each optional.
   */
  static final Set<String> KOREAN_ENDINGS = koreanEndings();
  /** Attached Arabic clitics (conjunctions and prepositions), after normalisation. */
  static final Set<String> ARABIC_CLITICS =
      Set.of("و", "ب", "ل", "ف", "ک", "وب", "ول", "فب", "فل", "وک");

  private final Gazetteer gazetteer;
  private static final Logger LOG = LoggerFactory.getLogger(PlaceMatcher.class);
  /** Bump when the cached automaton's layout or the key set's meaning changes. */
  private static final String CACHE_FORMAT = "citylinks-automaton-4/hankcs-1.2.3";

  private final AhoCorasickDoubleArrayTrie<Boolean> trie;
  /** The automaton's strings in its own order: a hit's index points here. */
  private final String[] keys;
  /** Cyrillic stems (key minus its final vowel or soft sign) → the keys they stand for. */
  private final Map<String, String[]> stems;
  /** Case forms of Cyrillic names of several words ("нижнем новгороде") → their keys. */
  private final Map<String, String[]> phrases;
  private final long buildMillis;

  /**
   * A key found in a sentence. {@code start}/{@code end} are offsets into the original sentence,
   * {@code normStart}/{@code normEnd} into its normalised text (end exclusive); {@code keys} are
   * the gazetteer keys the match stands for (more than one only for an inflected form).
   */
  public record Match(int start, int end, int normStart, int normEnd, String key,
      List<String> keys) {}

  /** Builds the matcher, reusing an automaton cached in the default directory. */
  public PlaceMatcher(Gazetteer gazetteer) {
    this(gazetteer, defaultCacheDir());
  }

  /**
   * Builds the matcher. Building the automaton takes seconds, so it is cached in {@code cacheDir}
   * (null: no cache) under a fingerprint of its keys; a JVM with the same gazetteer and overrides
   * loads it instead. A cache that cannot be read or written is ignored.
   */
  public PlaceMatcher(Gazetteer gazetteer, Path cacheDir) {
    long t0 = System.nanoTime();
    this.gazetteer = gazetteer;
    TreeMap<String, Boolean> keys = new TreeMap<>();
    Map<String, List<String>> stemLists = new HashMap<>();
    gazetteer.forEachKey((key, readings) -> {
      keys.put(key, Boolean.TRUE);
      String stem = cyrillicStem(key);
      if (stem == null) {
        stem = latinStem(key);
      }
      if (stem != null) {
        stemLists.computeIfAbsent(stem, s -> new ArrayList<>(1)).add(key);
      }
    });
    Map<String, List<String>> phraseLists = new HashMap<>();
    for (String key : keys.keySet()) {
      for (String form : cyrillicPhraseForms(key)) {
        phraseLists.computeIfAbsent(form, f -> new ArrayList<>(1)).add(key);
      }
    }
    Map<String, String[]> phraseMap = new HashMap<>(phraseLists.size() * 2);
    for (Map.Entry<String, List<String>> e : phraseLists.entrySet()) {
      keys.putIfAbsent(e.getKey(), Boolean.TRUE);
      phraseMap.put(e.getKey(), e.getValue().toArray(new String[0]));
    }
    this.phrases = phraseMap;
    Map<String, String[]> stemMap = new HashMap<>(stemLists.size() * 2);
    for (Map.Entry<String, List<String>> e : stemLists.entrySet()) {
      keys.putIfAbsent(e.getKey(), Boolean.TRUE);
      stemMap.put(e.getKey(), e.getValue().toArray(new String[0]));
    }
    this.stems = stemMap;
    this.keys = keys.keySet().toArray(new String[0]);
    Path cache = cacheDir == null ? null : cacheDir.resolve("automaton-" + fingerprint(this.keys)
        + ".bin");
    AhoCorasickDoubleArrayTrie<Boolean> loaded = cache == null ? null : readCache(cache);
    if (loaded == null) {
      loaded = new AhoCorasickDoubleArrayTrie<>();
      loaded.build(keys);
      if (cache != null) {
        writeCache(cache, loaded);
      }
    }
    this.trie = loaded;
    this.buildMillis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("place matcher ready in {} ms: {} strings{}", buildMillis, this.keys.length,
        cache == null ? "" : " (cache " + cache + ")");
  }

  /** {@code $TMPDIR/citylinks-places}, or {@code citylinks.places.cache-dir} when set. */
  static Path defaultCacheDir() {
    String dir = System.getProperty("citylinks.places.cache-dir");
    return dir != null && !dir.isEmpty() ? Path.of(dir)
        : Path.of(System.getProperty("java.io.tmpdir"), "citylinks-places");
  }

  private static String fingerprint(String[] keys) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(CACHE_FORMAT.getBytes(StandardCharsets.UTF_8));
      for (String k : keys) {
        sha.update(k.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static AhoCorasickDoubleArrayTrie<Boolean> readCache(Path cache) {
    if (!Files.isRegularFile(cache)) {
      return null;
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new BufferedInputStream(Files.newInputStream(cache), 1 << 16))) {
      AhoCorasickDoubleArrayTrie<Boolean> trie = new AhoCorasickDoubleArrayTrie<>();
      trie.load(in);
      return trie;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      LOG.warn("ignoring unreadable place automaton cache {}: {}", cache, e.toString());
      return null;
    }
  }

  private static void writeCache(Path cache, AhoCorasickDoubleArrayTrie<Boolean> trie) {
    try {
      Files.createDirectories(cache.getParent());
      Path tmp = Files.createTempFile(cache.getParent(), "automaton-", ".tmp");
      try (ObjectOutputStream out = new ObjectOutputStream(
          new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        trie.save(out);
      }
      Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not cache the place automaton in {}: {}", cache, e.toString());
    }
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public long buildMillis() {
    return buildMillis;
  }

  /** Number of strings in the automaton (keys and Cyrillic stems). */
  public int size() {
    return trie.size();
  }

  /**
   * The keys found in {@code sentence}, left to right, overlaps resolved to the longest match.
   *
   * @param lang the article's language (ISO 639-1), which decides whether Arabic clitics apply
   */
  public List<Match> find(String sentence, String lang) {
    return find(SurfaceNormalizer.normalizeText(sentence), lang);
  }

  /** Like {@link #find(String, String)} on a sentence already normalised. */
  public List<Match> find(SurfaceNormalizer.Normalized n, String lang) {
    String text = n.text();
    boolean arabicClitics = "ar".equals(lang);
    boolean polish = "pl".equals(lang);
    List<Match> raw = new ArrayList<>();
    trie.parseText(text.toCharArray(), (int begin, int end, Boolean value, int index) -> {
      Match m = accept(n, begin, end, keys[index], arabicClitics, polish);
      if (m != null) {
        raw.add(m);
      }
    });
    if (raw.isEmpty()) {
      return raw;
    }
    raw.sort(Comparator.comparingInt(Match::start)
        .thenComparing(Comparator.comparingInt((Match m) -> m.end() - m.start()).reversed()));
    List<Match> out = new ArrayList<>(raw.size());
    int covered = -1;
    // Longest first within a start; a later start inside an accepted match loses, unless it is
    // longer than the accepted one ("New York" vs "York"; "Nizhny Novgorod" vs "Nizhny").
    for (Match m : raw) {
      if (m.start() >= covered) {
        out.add(m);
        covered = m.end();
        continue;
      }
      Match last = out.get(out.size() - 1);
      if (m.end() > last.end() && m.end() - m.start() > last.end() - last.start()) {
        out.set(out.size() - 1, m);
        covered = m.end();
      }
    }
    return out;
  }

  private Match accept(SurfaceNormalizer.Normalized n, int begin, int end, String key,
      boolean arabicClitics, boolean polish) {
    String text = n.text();
    char first = key.charAt(0);
    char last = key.charAt(key.length() - 1);
    int startClass = scriptClass(first);
    int endClass = scriptClass(last);
    int mentionBegin = begin;
    if (katakana(first) && begin > 0 && katakana(text.charAt(begin - 1))
        || katakana(last) && end < text.length() && katakana(text.charAt(end))) {
      return null; // katakana runs are words: タイ is not in タイトル, nor ドバイ in アドバイザー
    }
    if (startClass != HAN && begin > 0 && sameClass(text.charAt(begin - 1), startClass)) {
      if (!(arabicClitics && startClass == ARABIC && key.length() >= 3
          && cliticBefore(text, begin))) {
        return null;
      }
    }
    String[] phraseOf = phrases.get(key);
    boolean exact = !gazetteer.lookupEntries(key).isEmpty();
    String[] stemOf = stems.get(key);
    int mentionEnd = end;
    boolean withEnding = false;
    if (endClass != HAN && end < text.length() && sameClass(text.charAt(end), endClass)) {
      int wordEnd = end;
      while (wordEnd < text.length() && sameClass(text.charAt(wordEnd), endClass)) {
        wordEnd++;
      }
      String ending = text.substring(end, wordEnd);
      if (endClass == HANGUL) {
        if (!exact || !KOREAN_ENDINGS.contains(ending)) {
          return null;
        }
        // the name alone is the mention; its suffix and particle are grammar
      } else if (endClass == CYRILLIC && CYRILLIC_ENDINGS.contains(ending)
          || endClass == ALPHA && polish && POLISH_ENDINGS.contains(ending)) {
        mentionEnd = wordEnd;
        withEnding = true;
      } else {
        return null;
      }
    } else if (!exact && phraseOf == null) {
      return null; // a bare stem is not a word
    }
    List<String> keys = new ArrayList<>(2);
    if (exact) {
      keys.add(key);
    }
    if (phraseOf != null && !withEnding) {
      for (String k : phraseOf) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    if (withEnding && stemOf != null) {
      for (String k : stemOf) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    if (keys.isEmpty()) {
      return null;
    }
    int[] range = n.sourceRange(mentionBegin, mentionEnd);
    return new Match(range[0], range[1], mentionBegin, mentionEnd, key, List.copyOf(keys));
  }

  /**
   * True when a word starts at {@code begin} of normalised {@code text}: the character before is
   * not of the same script class; Han needs no boundary; with {@code arabicClitics}, an Arabic
   * word may carry an attached clitic (و ب ل ف ک) before it.
   */
  public static boolean wordStartsAt(String text, int begin, boolean arabicClitics) {
    if (begin == 0) {
      return true;
    }
    int cls = scriptClass(text.charAt(begin));
    if (cls == HAN || !sameClass(text.charAt(begin - 1), cls)) {
      return true;
    }
    return arabicClitics && cls == ARABIC && cliticBefore(text, begin);
  }

  private static boolean cliticBefore(String text, int begin) {
    int wordStart = begin;
    while (wordStart > 0 && sameClass(text.charAt(wordStart - 1), ARABIC)) {
      wordStart--;
    }
    return ARABIC_CLITICS.contains(text.substring(wordStart, begin));
  }

  /**
   * Oblique case forms of a Cyrillic name of two or three words, where several words inflect:
   * "нижний новгород" → "нижнего новгорода", "нижнем новгороде"…; "ростов великий" → "ростова
   * великого"…; "ростов-на-дону" → "ростова-на-дону"…. Genitive, dative, instrumental and
   * prepositional of masculine and feminine singular names; plural names are left alone.
   */
  static List<String> cyrillicPhraseForms(String key) {
    if (key.length() < 7 || scriptClass(key.charAt(0)) != CYRILLIC) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int na = key.indexOf("-на-");
    if (na > 0) {
      // only the head noun inflects: ростов-на-дону, комсомольск-на-амуре
      String head = key.substring(0, na);
      String tail = key.substring(na);
      for (String h : nounForms(head)) {
        out.add(h + tail);
      }
      return out;
    }
    String[] words = key.split(" ");
    if (words.length != 2) {
      return out;
    }
    String a = words[0];
    String b = words[1];
    boolean adjFirst = isAdjective(a) && !isAdjective(b);
    boolean adjSecond = isAdjective(b) && !isAdjective(a);
    if (!adjFirst && !adjSecond) {
      List<String> nounForms = nounForms(b);
      if (isPossessive(a) && nounForms.size() == 4 && !b.endsWith("а") && !b.endsWith("я")) {
        // a possessive before a masculine noun: сергиев посад → сергиева посада, сергиевым
        // посадом...
        List<String> possessive = List.of(a + "а", a + "у", a + "ым", a + "ом");
        for (int c = 0; c < 4; c++) {
          out.add(possessive.get(c) + " " + nounForms.get(c));
        }
      }
      return out;
    }
    String adj = adjFirst ? a : b;
    String noun = adjFirst ? b : a;
    List<String> adjForms = adjectiveForms(adj);
    List<String> nounForms = nounForms(noun);
    if (adjForms.size() != 4 || nounForms.size() != 4) {
      return out;
    }
    for (int c = 0; c < 4; c++) {
      out.add(adjFirst ? adjForms.get(c) + " " + nounForms.get(c)
          : nounForms.get(c) + " " + adjForms.get(c));
    }
    return out;
  }

  private static boolean isPossessive(String w) {
    return w.length() > 4 && (w.endsWith("ов") || w.endsWith("ев") || w.endsWith("ин"));
  }

  private static boolean isAdjective(String w) {
    return w.length() > 3 && (w.endsWith("ий") || w.endsWith("ый") || w.endsWith("ой")
        || w.endsWith("ая") || w.endsWith("яя"));
  }

  /** Genitive, dative, instrumental, prepositional of a singular adjective. */
  private static List<String> adjectiveForms(String w) {
    String stem = w.substring(0, w.length() - 2);
    if (w.endsWith("ая") || w.endsWith("яя")) {
      return List.of(stem + "ой", stem + "ой", stem + "ой", stem + "ой");
    }
    boolean soft = w.endsWith("ий") && !(stem.endsWith("к") || stem.endsWith("г")
        || stem.endsWith("х"));
    return soft ? List.of(stem + "его", stem + "ему", stem + "им", stem + "ем")
        : List.of(stem + "ого", stem + "ому", stem.endsWith("к") || stem.endsWith("г")
            || stem.endsWith("х") ? stem + "им" : stem + "ым", stem + "ом");
  }

  /** Genitive, dative, instrumental, prepositional of a singular noun (empty if unknown). */
  private static List<String> nounForms(String w) {
    if (w.length() < 3) {
      return List.of();
    }
    char last = w.charAt(w.length() - 1);
    String stem = w.substring(0, w.length() - 1);
    if (last == 'а') {
      return List.of(stem + "ы", stem + "е", stem + "ой", stem + "е");
    }
    if (last == 'я') {
      return List.of(stem + "и", stem + "е", stem + "ей", stem + "е");
    }
    if (last == 'ь') {
      return List.of(stem + "я", stem + "ю", stem + "ем", stem + "е");
    }
    if ("бвгджзклмнпрстфхцчшщ".indexOf(last) >= 0) {
      return List.of(w + "а", w + "у", w + "ом", w + "е");
    }
    return List.of();
  }

  /**
   * The stem a Latin key is inflected from in Polish (key minus a final a, o or e: "warszawa",
   * "opole"), or null; keys of five letters or more only.
   */
  static String latinStem(String key) {
    int len = key.length();
    if (len < 5 || scriptClass(key.charAt(0)) != ALPHA || key.charAt(0) > 'z') {
      return null;
    }
    char last = key.charAt(len - 1);
    if ((last == 'a' || last == 'o' || last == 'e') && key.charAt(len - 2) >= 'a'
        && key.charAt(len - 2) <= 'z') {
      return key.substring(0, len - 1);
    }
    return null;
  }

  private static Set<String> koreanEndings() {
    List<String> suffixes = List.of("", "시", "군", "구", "도", "특별시", "광역시", "특례시",
        "특별자치시", "특별자치도", "현", "성", "주", "부");
    List<String> offices = List.of("", "시장", "구청장", "군수", "지사", "청", "시청", "구청",
        "군청", "도청", "의회", "시의회", "정부", "시정부", "대표단", "방문단", "시민", "주민",
        "관계자", "측");
    List<String> particles = List.of("", "의", "와", "과", "은", "는", "이", "가", "을", "를",
        "에", "에서", "에서의", "에서는", "에서도", "으로", "로", "으로는", "로는", "와의", "과의",
        "와는", "과는", "에게", "까지", "부터", "도", "에도", "간", "과도", "와도", "에는",
        "으로부터", "로부터", "하고", "이다", "이며", "이자", "등", "및", "들", "만", "보다",
        "처럼", "이나", "나", "이라는", "라는", "내");
    Set<String> out = new HashSet<>();
    for (String s : suffixes) {
      for (String o : offices) {
        for (String t : particles) {
          if (!(s + o + t).isEmpty()) {
            out.add(s + o + t);
          }
        }
      }
    }
    return Set.copyOf(out);
  }

  /** The stem a Cyrillic key is inflected from, or null when it has none worth matching. */
  static String cyrillicStem(String key) {
    int len = key.length();
    if (len < 5 || scriptClass(key.charAt(0)) != CYRILLIC) {
      return null;
    }
    char last = key.charAt(len - 1);
    if (last == 'а' || last == 'я' || last == 'ь' || last == 'й' || last == 'о') {
      return scriptClass(key.charAt(len - 2)) == CYRILLIC ? key.substring(0, len - 1) : null;
    }
    return null;
  }

  static final int OTHER = 0;
  static final int ALPHA = 1; // Latin, Greek and everything else alphabetic
  static final int CYRILLIC = 2;
  static final int ARABIC = 3;
  public static final int HAN = 4;
  public static final int HANGUL = 5;

  /** The word-boundary class of a (normalised) character: OTHER for spaces and punctuation. */
  public static int scriptClass(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
          ? ALPHA : OTHER;
    }
    if (c >= 0x0400 && c <= 0x052F) {
      return CYRILLIC;
    }
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F)
        || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
      return Character.isLetterOrDigit(c) ? ARABIC : OTHER;
    }
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x3040 && c <= 0x30FF)) {
      return HAN;
    }
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)
        || (c >= 0x3130 && c <= 0x318F)) {
      return HANGUL;
    }
    return Character.isLetterOrDigit(c) ? ALPHA : OTHER;
  }

  /** Katakana letters and the long-vowel mark ー. */
  static boolean katakana(char c) {
    return c >= 0x30A1 && c <= 0x30FF && c != 0x30FB; // ・ separates words
  }

  private static boolean sameClass(char c, int cls) {
    int k = scriptClass(c);
    if (k == OTHER) {
      return false;
    }
    // Latin touching Cyrillic is still inside a word (mixed-script junk); Arabic and Han are not
    // words of the Latin class.
    if (cls == ALPHA || cls == CYRILLIC) {
      return k == ALPHA || k == CYRILLIC;
    }
    return k == cls;
  }
}
