package io.citylinks.extract.places;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.Place;
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
 *   <li>Cyrillic endings cover Ukrainian too ({@code Львові}, {@code Одесою}); the і of a
 *       Ukrainian last syllable alternates with о, е or є ({@code Харкова}, {@code Києві}), and
 *       names in -ське, -ська, -ское, -ская take adjective endings ({@code Кам'янського}).
 *   <li>German (articles in German): a genitive s may follow a name ({@code Wittenbergs
 *       Bürgermeister}).
 *   <li>Polish also: the mobile e of -ec, -ek, -ew, -el, -eń ({@code Mielca}, {@code Żółkwi},
 *       {@code Wiedniu}), plural names ({@code Tychach}, the bare genitive {@code Katowic}),
 *       and adjective + noun names in oblique cases ({@code Nowym Sączu}).
 *   <li>Polish (articles in Polish): a Latin key may be followed by a case ending, and a key
 *       ending in a, o or e is also matched by its stem plus an ending ({@code Krakowie},
 *       {@code Gdańsku}, {@code Warszawy}); diacritics are folded first, so ó/o and ł/l
 *       alternations need no rule. Names of several words declined word by word ({@code Gorzowa
 *       Wielkopolskiego}, {@code Hradca Králové}, {@code Frankfurtu nad Odrą}) are read back to
 *       their keys by {@link PolishNames}.
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
  /** Plural case endings that may follow the stem of a Polish plural name ("tych" + "ach"). */
  static final Set<String> POLISH_PLURAL_ENDINGS = Set.of("ach", "om", "ami", "ow");
  /**
   * Case endings of a one-word Polish name declined like an adjective ("chmielnick" + "iego",
   * "zakopan" + "ego", "rown" + "em").
   */
  static final Set<String> POLISH_ADJECTIVE_ENDINGS = Set.of("iego", "iemu", "im", "ego", "emu",
      "em", "ym");
  /**
   * Case endings of Russian and Ukrainian adjectives (ї folded to і: "ої" is "оі") that may follow
   * the stem of a name declined like an adjective ("кам'янськ" + "ого").
   */
  static final Set<String> ADJECTIVE_ENDINGS = Set.of("ого", "ому", "им", "ім", "ом", "ой", "ою",
      "ій", "оі", "ую", "у");
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
  private static final String CACHE_FORMAT = "citylinks-automaton-5/hankcs-1.2.3";

  private final AhoCorasickDoubleArrayTrie<Boolean> trie;
  /** The automaton's strings in its own order: a hit's index points here. */
  private final String[] keys;
  /** Cyrillic stems (key minus its final vowel or soft sign) → the keys they stand for. */
  private final Map<String, String[]> stems;
  /** Case forms of Cyrillic names of several words ("нижнем новгороде") → their keys. */
  private final Map<String, String[]> phrases;
  /** Case forms of Polish adjective + noun names ("nowym saczu") → their keys; Polish only. */
  private final Map<String, String[]> polishPhrases;
  /** Stems of Cyrillic names declined like adjectives ("кам'янськ") → their keys. */
  private final Map<String, String[]> adjectiveStems;
  /** Stems of Polish plural names in -y, -ki, -gi ("tych") → their keys; plural endings only. */
  private final Map<String, String[]> pluralStems;
  /** Stems of Polish plural names in -ce that are their genitive ("katowic", "kielc"). */
  private final Map<String, String[]> bareStems;
  /** Stems of one-word Polish names declined like adjectives ("chmielnick", "zakopan"). */
  private final Map<String, String[]> polishAdjectiveStems;
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
    Map<String, List<String>> adjectiveLists = new HashMap<>();
    Map<String, List<String>> pluralLists = new HashMap<>();
    Map<String, List<String>> bareLists = new HashMap<>();
    Map<String, List<String>> polishAdjectiveLists = new HashMap<>();
    gazetteer.forEachKey((key, readings) -> {
      keys.put(key, Boolean.TRUE);
      List<String> derived = cyrillicStems(key);
      if (derived.isEmpty()) {
        derived = latinStems(key);
      }
      String shortStem = shortCyrillicStem(key);
      if (shortStem != null && largeCity(gazetteer, key)) {
        derived = List.of(shortStem);
      }
      for (String stem : derived) {
        add(stemLists, stem, key);
      }
      add(adjectiveLists, cyrillicAdjectiveStem(key), key);
      add(pluralLists, polishPluralStem(key), key);
      add(bareLists, polishBareStem(key), key);
      String adjective = polishAdjectiveStem(key);
      if (adjective != null && (key.endsWith("i") || polishReading(gazetteer, key))) {
        add(polishAdjectiveLists, adjective, key);
      }
    });
    Map<String, List<String>> phraseLists = new HashMap<>();
    Map<String, List<String>> polishLists = new HashMap<>();
    for (String key : keys.keySet()) {
      for (String form : cyrillicPhraseForms(key)) {
        add(phraseLists, form, key);
      }
      if (key.indexOf(' ') > 0 && scriptClass(key.charAt(0)) == ALPHA
          && (polishMasculineAdjective(key.substring(0, key.indexOf(' ')))
              || polishReading(gazetteer, key))) {
        for (String form : polishPhraseForms(key)) {
          add(polishLists, form, key);
        }
      }
    }
    this.phrases = freeze(phraseLists, keys);
    this.polishPhrases = freeze(polishLists, keys);
    this.stems = freeze(stemLists, keys);
    this.adjectiveStems = freeze(adjectiveLists, keys);
    this.pluralStems = freeze(pluralLists, keys);
    this.bareStems = freeze(bareLists, keys);
    this.polishAdjectiveStems = freeze(polishAdjectiveLists, keys);
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

  private static void add(Map<String, List<String>> lists, String derived, String key) {
    if (derived != null && !derived.equals(key)) {
      List<String> list = lists.computeIfAbsent(derived, s -> new ArrayList<>(1));
      if (!list.contains(key)) {
        list.add(key);
      }
    }
  }

  /** The derived strings → their keys, each string also put into the automaton's strings. */
  private static Map<String, String[]> freeze(Map<String, List<String>> lists,
      TreeMap<String, Boolean> keys) {
    Map<String, String[]> out = new HashMap<>(lists.size() * 2);
    for (Map.Entry<String, List<String>> e : lists.entrySet()) {
      keys.putIfAbsent(e.getKey(), Boolean.TRUE);
      out.put(e.getKey(), e.getValue().toArray(new String[0]));
    }
    return out;
  }

  /**
   * The stem of a Cyrillic name of three or four letters in -а or -я ("уфа" → "уф": Уфе, Уфы;
   * "тула" → "тул"), which {@link #cyrillicStem} leaves alone as too short to be safe; the
   * builder keeps it for large cities only.
   */
  static String shortCyrillicStem(String key) {
    return key.length() >= 3 && key.length() <= 4 ? cyrillicStemBefore(key, "ая") : null;
  }

  /** True when a reading of {@code key} is a city of 100,000 inhabitants or more. */
  private static boolean largeCity(Gazetteer gazetteer, String key) {
    for (Gazetteer.Entry e : gazetteer.lookupEntries(key)) {
      if (e.place().kind() == Place.Kind.CITY && e.place().population() >= 100_000) {
        return true;
      }
    }
    return false;
  }

  /** True when a reading of {@code key} is a place in Poland or a name given for Polish. */
  private static boolean polishReading(Gazetteer gazetteer, String key) {
    for (Gazetteer.Entry e : gazetteer.lookupEntries(key)) {
      if ("PL".equals(e.place().countryCode()) || "pl".equals(e.lang())) {
        return true;
      }
    }
    return false;
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
    boolean german = "de".equals(lang);
    List<Match> raw = new ArrayList<>();
    trie.parseText(text.toCharArray(), (int begin, int end, Boolean value, int index) -> {
      Match m = accept(n, begin, end, keys[index], arabicClitics, polish, german);
      if (m != null) {
        raw.add(m);
      }
    });
    if (polish) {
      addDeclinedNames(raw, PolishNames.find(n, gazetteer));
    }
    if (german || "nl".equals(lang)) {
      addDeclinedNames(raw, TownAdjectives.find(n, gazetteer, lang));
    }
    if (raw.isEmpty()) {
      return raw;
    }
    // of two readings of one Latin-script span, the whole word's before a stem's with an
    // ending: Polish "Kaniów" is the town (kaniow), not a plural of "Kania" (kani + ów); in
    // Cyrillic the case form is meant (Москве is Moscow's locative)
    raw.sort(Comparator.comparingInt(Match::start)
        .thenComparing(Comparator.comparingInt((Match m) -> m.end() - m.start()).reversed())
        .thenComparing(Comparator.comparingInt((Match m) ->
            scriptClass(m.key().charAt(0)) == ALPHA ? -m.key().length() : 0)));
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
      if (polish && m.start() == last.start() && m.end() == last.end()) {
        // one Polish word, two readings: "Wieliczki" is a village's name and the genitive of
        // the town Wieliczka, "Aleksandrii" of Aleksandria; the resolver weighs them
        out.set(out.size() - 1, withKeysOf(last, m));
        continue;
      }
      if (m.end() > last.end() && m.end() - m.start() > last.end() - last.start()) {
        out.set(out.size() - 1, m);
        covered = m.end();
      }
    }
    return out;
  }

  /**
   * Adds Polish declined names ({@link PolishNames}) or town adjectives ({@link TownAdjectives})
   * to the automaton's matches; a span the automaton matched too keeps one match with the keys
   * of both ("Siedlec" the village and the genitive of Siedlce).
   */
  private static void addDeclinedNames(List<Match> raw, List<Match> declined) {
    for (Match d : declined) {
      int same = -1;
      for (int i = 0; i < raw.size() && same < 0; i++) {
        if (raw.get(i).normStart() == d.normStart() && raw.get(i).normEnd() == d.normEnd()) {
          same = i;
        }
      }
      if (same < 0) {
        raw.add(d);
      } else {
        raw.set(same, withKeysOf(raw.get(same), d));
      }
    }
  }

  /** {@code m} with the keys of {@code other}, a match of the same span, added after its own. */
  private static Match withKeysOf(Match m, Match other) {
    List<String> keys = new ArrayList<>(m.keys());
    addAll(keys, other.keys().toArray(new String[0]));
    return keys.size() == m.keys().size() ? m : new Match(m.start(), m.end(), m.normStart(),
        m.normEnd(), m.key(), List.copyOf(keys));
  }

  private Match accept(SurfaceNormalizer.Normalized n, int begin, int end, String key,
      boolean arabicClitics, boolean polish, boolean german) {
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
    String[] polishPhraseOf = polish ? polishPhrases.get(key) : null;
    boolean exact = !gazetteer.lookupEntries(key).isEmpty();
    String[] stemOf = null;
    String[] bareOf = polish ? bareStems.get(key) : null;
    int mentionEnd = end;
    boolean withEnding = false;
    if (endClass != HAN && end < text.length() && sameClass(text.charAt(end), endClass)) {
      int wordEnd = end;
      while (wordEnd < text.length() && sameClass(text.charAt(wordEnd), endClass)) {
        wordEnd++;
      }
      String ending = text.substring(end, wordEnd);
      if (endClass == HANGUL) {
        if (!exact || !KOREAN_ENDINGS.contains(ending) && !namesACountry(key)) {
          return null; // a country's name may open a compound: 중국국제교류협회
        }
        // the name alone is the mention; its suffix and particle are grammar
      } else {
        boolean nounEnding = endClass == CYRILLIC && CYRILLIC_ENDINGS.contains(ending)
            || endClass == ALPHA && polish && POLISH_ENDINGS.contains(ending)
            || endClass == ALPHA && german && exact && germanGenitive(key, ending);
        String[] adjectiveOf = endClass == CYRILLIC && ADJECTIVE_ENDINGS.contains(ending)
            ? adjectiveStems.get(key) : null;
        String[] pluralOf = endClass == ALPHA && polish && POLISH_PLURAL_ENDINGS.contains(ending)
            ? pluralStems.get(key) : null;
        String[] polishAdjectiveOf =
            endClass == ALPHA && polish && POLISH_ADJECTIVE_ENDINGS.contains(ending)
                ? polishAdjectiveStems.get(key) : null;
        if (!nounEnding && adjectiveOf == null && pluralOf == null && polishAdjectiveOf == null) {
          return null;
        }
        exact &= nounEnding;
        stemOf = concat(nounEnding ? stems.get(key) : null,
            concat(adjectiveOf, concat(pluralOf, polishAdjectiveOf)));
        if (!exact && stemOf == null) {
          return null;
        }
        mentionEnd = wordEnd;
        withEnding = true;
      }
    } else if (!exact && phraseOf == null && polishPhraseOf == null && bareOf == null) {
      return null; // a bare stem is not a word
    }
    List<String> keys = new ArrayList<>(2);
    if (exact) {
      keys.add(key);
    }
    if (!withEnding) {
      addAll(keys, phraseOf);
      addAll(keys, polishPhraseOf);
      addAll(keys, bareOf);
    } else {
      addAll(keys, stemOf);
    }
    if (keys.isEmpty()) {
      return null;
    }
    int[] range = n.sourceRange(mentionBegin, mentionEnd);
    return new Match(range[0], range[1], mentionBegin, mentionEnd, key, List.copyOf(keys));
  }

  private boolean namesACountry(String key) {
    for (Gazetteer.Entry e : gazetteer.lookupEntries(key)) {
      if (e.place().kind() == Place.Kind.COUNTRY) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code ending} is the genitive s of a German name ("Wittenbergs Bürgermeister",
   * "Partnerstadt Mannheims"); names ending in a hissing sound take none.
   */
  static boolean germanGenitive(String key, String ending) {
    char last = key.charAt(key.length() - 1);
    return ending.equals("s") && key.length() >= 3 && "sxzß".indexOf(last) < 0;
  }

  private static void addAll(List<String> keys, String[] more) {
    if (more != null) {
      for (String k : more) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
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

  /**
   * The stems a Latin key is inflected from in Polish: {@link #latinStem}, {@link #polishJaStem},
   * and the stem without the mobile e of a key in -ec, -ek, -ew, -el, -eł ("mielec" → "mielc",
   * "biskupiec" → "biskupc", "zolkiew" → "zolkw") or in -en from -eń, whose n stays soft
   * ("wieden" → "wiedni": Wiedniu, Wiedniem).
   */
  static List<String> latinStems(String key) {
    List<String> out = new ArrayList<>(2);
    for (String s : new String[] {latinStem(key), polishMobileStem(key), polishJaStem(key)}) {
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The stem of a name in -ja after a vowel, whose j Polish drops before the i of its oblique
   * cases ("kolomyja" → "kolomy": Kołomyi), of six letters or more; null otherwise.
   */
  static String polishJaStem(String key) {
    int len = key.length();
    if (len < 6 || !key.endsWith("ja") || !isLatinVowel(key.charAt(len - 3))
        || scriptClass(key.charAt(0)) != ALPHA || key.charAt(0) > 'z' || key.indexOf(' ') >= 0) {
      return null;
    }
    return key.substring(0, len - 2);
  }

  private static String polishMobileStem(String key) {
    int len = key.length();
    if (len < 5 || scriptClass(key.charAt(0)) != ALPHA || key.charAt(0) > 'z'
        || key.indexOf(' ') >= 0 || key.charAt(len - 2) != 'e') {
      return null;
    }
    char last = key.charAt(len - 1);
    if ("ckwlłn".indexOf(last) < 0) {
      return null;
    }
    // the e (with the i that marks a soft consonant before it: "-iec") drops out
    int cut = key.charAt(len - 3) == 'i' ? len - 3 : len - 2;
    if (cut < 3 || isLatinVowel(key.charAt(cut - 1))) {
      return null;
    }
    String stem = key.substring(0, cut);
    return last == 'n' ? stem + "ni" : stem + last;
  }

  static boolean isLatinVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  /**
   * The stem of a Polish plural name in -y or -ki/-gi ("tychy" → "tych", "suwałki" →
   * "suwałk"), matched with a plural ending only (Tychach, Suwałkami); null otherwise.
   */
  static String polishPluralStem(String key) {
    int len = key.length();
    if (len < 5 || scriptClass(key.charAt(0)) != ALPHA || key.charAt(0) > 'z'
        || key.indexOf(' ') >= 0) {
      return null;
    }
    char last = key.charAt(len - 1);
    char before = key.charAt(len - 2);
    if (last == 'y' && !isLatinVowel(before) && scriptClass(before) == ALPHA
        || last == 'i' && (before == 'k' || before == 'g')) {
      return key.substring(0, len - 1);
    }
    return null;
  }

  /**
   * The stem of a Polish plural name in -ce (-ice) that is also its genitive ("katowice" →
   * "katowic", "kielce" → "kielc"), of five letters or more; null otherwise.
   */
  static String polishBareStem(String key) {
    int len = key.length();
    if (len < 6 || !key.endsWith("ce") || scriptClass(key.charAt(0)) != ALPHA
        || key.charAt(0) > 'z' || key.indexOf(' ') >= 0) {
      return null;
    }
    return key.substring(0, len - 1);
  }

  /**
   * The stem of a one-word name a Polish article declines like an adjective, of four letters or
   * more: a name in -ki or -gi ("chmielnicki" → "chmielnick": Chmielnickiego, Chmielnickim) or a
   * neuter one in -e after a consonant ("zakopane" → "zakopan", "rowne" → "rown": Zakopanego,
   * Równem); the builder keeps the -e ones only for places in Poland or names given for Polish.
   */
  static String polishAdjectiveStem(String key) {
    int len = key.length();
    if (len < 5 || scriptClass(key.charAt(0)) != ALPHA || key.charAt(0) > 'z'
        || key.indexOf(' ') >= 0 || key.indexOf('-') >= 0) {
      return null;
    }
    char last = key.charAt(len - 1);
    char before = key.charAt(len - 2);
    if (last == 'i' && (before == 'k' || before == 'g')
        || last == 'e' && !isLatinVowel(before) && scriptClass(before) == ALPHA) {
      return key.substring(0, len - 1);
    }
    return null;
  }

  /** A masculine Polish adjective: "nowy", "stary", "wielki" (-y, -ki, -gi). */
  static boolean polishMasculineAdjective(String w) {
    return w.length() >= 4 && (w.endsWith("y") && !isLatinVowel(w.charAt(w.length() - 2))
        || w.endsWith("ki") || w.endsWith("gi"));
  }

  /**
   * Oblique case forms of a Polish name of an adjective and a noun (diacritics folded):
   * genitive, dative, instrumental and locative where the noun's form is regular ("nowy sacz" →
   * "nowego sacza", "nowym saczu"; "zielona gora" → "zielonej gory"; "dobre miasto" → "dobrego
   * miasta", "dobrym miastem"; "tarnowskie gory" → "tarnowskich gorach"). Forms with a consonant
   * alternation (Zielonej Górze, Dobrym Mieście) are left out.
   */
  static List<String> polishPhraseForms(String key) {
    String[] words = key.split(" ");
    if (words.length != 2 || scriptClass(key.charAt(0)) != ALPHA || key.charAt(0) > 'z') {
      return List.of();
    }
    String a = words[0];
    String b = words[1];
    if (a.length() < 4 || b.length() < 3 || !polishWord(a) || !polishWord(b)) {
      return List.of();
    }
    char al = a.charAt(a.length() - 1);
    char bl = b.charAt(b.length() - 1);
    boolean velar = a.length() > 4 && (a.charAt(a.length() - 2) == 'k'
        || a.charAt(a.length() - 2) == 'g');
    List<String> out = new ArrayList<>();
    if (al == 'y' || al == 'i' && velar) {
      // masculine adjective and a masculine noun ending in a consonant
      if (isLatinVowel(bl)) {
        return out;
      }
      String s = a.substring(0, a.length() - 1) + (al == 'i' ? "i" : "");
      String ins = al == 'i' ? s + "m" : s + "ym";
      String gen = s + "ego";
      String dat = s + "emu";
      boolean nounVelar = bl == 'k' || bl == 'g';
      add(out, gen, b + "a");
      add(out, gen, b + "u");
      add(out, dat, b + "owi");
      add(out, ins, nounVelar ? b + "iem" : b + "em");
      add(out, ins, b + "u");
      if ("pbfwmn".indexOf(bl) >= 0) {
        add(out, ins, b + "ie");
      }
      return out;
    }
    if (al == 'a') {
      // feminine adjective: genitive, dative and locative alike in -ej
      String s = a.substring(0, a.length() - 1);
      String obl = s + (velar ? "iej" : "ej");
      String n = bl == 'a' ? b.substring(0, b.length() - 1) : isLatinVowel(bl) ? null : b;
      if (n == null || n.length() < 2) {
        return out;
      }
      if (bl != 'a') {
        String mobile = polishMobileStem(b);
        n = mobile != null && !mobile.endsWith("ni") ? mobile : n;
      }
      char nl = n.charAt(n.length() - 1);
      boolean hushing = n.endsWith("cz") || n.endsWith("sz") || n.endsWith("rz")
          || nl == 'c' || nl == 'z' && !n.endsWith("dz") || n.endsWith("dz");
      String gen = nl == 'i' ? n : hushing ? n + "y"
          : "kglj".indexOf(nl) >= 0 || bl != 'a' ? n + "i" : n + "y";
      add(out, obl, gen);
      if (bl == 'a' && "pbfwmn".indexOf(nl) >= 0) {
        add(out, obl, n + "ie");
      }
      if (bl != 'a') {
        add(out, a, b + "a"); // instrumental: Nową Solą
      }
      return out;
    }
    if (al == 'e') {
      boolean soft = a.endsWith("ie");
      String s = soft ? a.substring(0, a.length() - 2) : a.substring(0, a.length() - 1);
      boolean i = soft || velar;
      if (bl == 'o' || bl == 'e') {
        // neuter: Dobre Miasto, Nowe Opole
        String n = b.substring(0, b.length() - 1);
        char nl = n.charAt(n.length() - 1);
        String ins = s + (i ? "im" : "ym");
        add(out, s + (i ? "iego" : "ego"), n + "a");
        add(out, s + (i ? "iemu" : "emu"), n + "u");
        add(out, ins, n + (nl == 'k' || nl == 'g' ? "iem" : "em"));
        if (bl == 'e' || nl == 'k' || nl == 'g') {
          add(out, ins, n + "u");
        }
        return out;
      }
      if (bl == 'y' || bl == 'i') {
        // plural: Tarnowskie Góry → Tarnowskich Gór, Tarnowskim Górom...
        String n = b.substring(0, b.length() - 1);
        String adj = s + (i ? "i" : "y");
        add(out, adj + "ch", n);
        add(out, adj + "m", n + "om");
        add(out, adj + "mi", n + "ami");
        add(out, adj + "ch", n + "ach");
      }
    }
    return out;
  }

  private static void add(List<String> out, String adjective, String noun) {
    out.add(adjective + " " + noun);
  }

  /** Letters of the Polish alphabet only, diacritics folded (no q, v, x; ł kept). */
  private static boolean polishWord(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!(c >= 'a' && c <= 'z' && c != 'q' && c != 'v' && c != 'x' || c == 'ł')) {
        return false;
      }
    }
    return true;
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

  /**
   * The stems a Cyrillic key is inflected from: {@link #cyrillicStem}, and for a Ukrainian name
   * whose last syllable has і between consonants the stems with о and е in its place ("харків"
   * → "харков", "чернігів" → "чернігов", "бориспіль" → "бориспол"), or є after a vowel (ї is
   * folded to і: "киів" → "києв").
   */
  static List<String> cyrillicStems(String key) {
    String stem = cyrillicStem(key);
    int len = key.length();
    if (len < 4 || scriptClass(key.charAt(0)) != CYRILLIC) {
      return stem == null ? List.of() : List.of(stem);
    }
    List<String> out = new ArrayList<>(3);
    if (stem != null) {
      out.add(stem);
    }
    String s = key.endsWith("ь") ? key.substring(0, len - 1) : key;
    int n = s.length();
    if (n >= 4 && s.charAt(n - 2) == 'і' && CYRILLIC_CONSONANTS.indexOf(s.charAt(n - 1)) >= 0) {
      String head = s.substring(0, n - 2);
      String tail = s.substring(n - 1);
      char before = s.charAt(n - 3);
      if (CYRILLIC_CONSONANTS.indexOf(before) >= 0 && n >= 5) {
        out.add(head + "о" + tail);
        out.add(head + "е" + tail);
      } else if ("аеиоуяю".indexOf(before) >= 0) {
        out.add(head + "є" + tail);
      }
    }
    return out;
  }

  private static final String CYRILLIC_CONSONANTS = "бвгґджзклмнпрстфхцчшщ";

  /**
   * The stem of a Russian or Ukrainian name declined like an adjective ("кам'янське",
   * "кам'янська", "каменское" → "кам'янськ", "каменск"): -ськ-, -цьк-, -ск-, -цк- and a
   * nominative ending; masculine names in -ський/-ский only when compound
   * ("петропавловск-камчатский"), as the others are first ordinary adjectives; null otherwise.
   */
  static String cyrillicAdjectiveStem(String key) {
    if (key.length() < 6 || scriptClass(key.charAt(0)) != CYRILLIC || key.indexOf(' ') >= 0) {
      return null;
    }
    for (String end : List.of("ий", "ое", "ая", "е", "а")) {
      if (key.endsWith(end)) {
        String stem = key.substring(0, key.length() - end.length());
        boolean ukrainian = stem.endsWith("ськ") || stem.endsWith("цьк");
        boolean russian = stem.endsWith("ск") || stem.endsWith("цк");
        if (end.equals("ий") && stem.indexOf('-') < 0) {
          return null; // "московский" is first an adjective: only compounds in -ский are names
        }
        if (ukrainian && !end.equals("ое") && !end.equals("ая")
            || russian && end.length() == 2) {
          return stem;
        }
        return null;
      }
    }
    return null;
  }

  /** The stem a Cyrillic key is inflected from, or null when it has none worth matching. */
  static String cyrillicStem(String key) {
    return key.length() >= 5 ? cyrillicStemBefore(key, "аяьйо") : null;
  }

  /** A Cyrillic key without its last letter when that is one of {@code finals}, else null. */
  private static String cyrillicStemBefore(String key, String finals) {
    int len = key.length();
    if (scriptClass(key.charAt(0)) != CYRILLIC || finals.indexOf(key.charAt(len - 1)) < 0) {
      return null;
    }
    return scriptClass(key.charAt(len - 2)) == CYRILLIC ? key.substring(0, len - 1) : null;
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
