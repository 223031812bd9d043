package io.citylinks.extract.places;

import com.ibm.icu.text.Transliterator;
import io.citylinks.config.DataFiles;
import io.citylinks.extract.places.gazetteer.Ascii;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.Place;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Names the gazetteer has in another script than the article's, found through a reading of the
 * name as written:
 * <ul>
 *   <li>romanised with ICU4J (Hangul-Latin, Ukrainian-Latin/BGN, Russian-Latin/BGN) and folded
 *       to a loose key that forgives how romanisations differ (ya/ia, kh/h, y/i): a Korean district
 *       in Hangul (도봉구 for Dobong-gu, Korean places only), a Ukrainian or Russian town in a case
 *       or adjective form (Славутська громада for Slavuta);
 *   <li>read the Sino-Korean way ({@code conf/places/hanja-readings.tsv}): a Chinese city in
 *       Hangul (대경시 for 大庆, Daqing), a Korean district in Han characters (延寿区, 연수,
 *       Yeonsu-gu);
 *   <li>by its consonants: a foreign town in katakana or Hangul right after its country
 *       (ニュージーランドのダニーデン市 for Dunedin) or followed by it in brackets
 *       (ダニーデン市(ニュージーランド)), in Chinese characters before 市 after its country or
 *       a province of it (意大利里米尼市, 加拿大魁北克省沙威尼根市), or in Arabic script with other
 *       long vowels than GeoNames' (بريزبان for بريزبن, Brisbane; foreign towns only).
 * </ul>
 * Only names that say they are places are tried: a Hangul word with its administrative suffix
 * (시, 구, 군), Han characters before 市, 区 or 郡, a capitalised Cyrillic word, katakana before
 * 市, 町 or 村, an Arabic-script word of five letters or more. Each match lists the places it may be; {@link PlaceResolver} keeps only those of a
 * country the article names or the language's home countries, and only with a municipal cue, a
 * suffix or the country named next to the name.
 *
 * <p>Thread-safe: the indexes are immutable and each thread has its own transliterators.
 */
final class TransliteratedNames {
  /** A stem may stand for a key this many letters longer (Славут- for Slavuta, Арбузин- for Arbuzynka). */
  private static final int MAX_COMPLETION = 2;
  /** Shorter stems are too often another word's beginning. */
  private static final int MIN_STEM = 4;
  /** A name found by its sound has at least this many consonants (classes). */
  private static final int MIN_SKELETON = 3;
  /** Letters an Arabic-script name keeps without its long vowels, at least. */
  private static final int MIN_ARABIC_SKELETON = 4;
  /** The letters Arabic and Persian write long vowels (and their seats) with, or leave out. */
  private static final String ARABIC_LONG_VOWELS = "اآأإوؤيىیئء";
  /** A name found by its sound is a town of this size at least. */
  private static final long MIN_SOUNDED_POPULATION = 2_000;
  /** Suffixes after a Japanese katakana name of a foreign town. */
  private static final String TOWN_SUFFIXES = "市町村";
  private static final ThreadLocal<Transliterator> KATAKANA =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Katakana-Latin"));
  /** A stem may differ from a key in one letter from this length on. */
  private static final int MIN_FUZZY_STEM = 8;
  /** Endings of Ukrainian and Russian adjectives made from a place name (-ська громада, -ский район). */
  private static final List<String> ADJECTIVE_SUFFIXES = List.of("ськ", "цьк", "зьк", "ск", "цк");
  /** Hangul suffixes of a city, district or county (시, 구, 군) that a name may carry. */
  static final String HANGUL_ADMINISTRATIVE = "시구군";
  /** Han characters that make the name before them a municipality or district. */
  private static final String HAN_ADMINISTRATIVE = "市区郡";
  /** What may follow a spelt Han or kana name and make it a place (the resolver's suffix). */
  static final String HAN_SUFFIXES = HAN_ADMINISTRATIVE + TOWN_SUFFIXES;
  static final String HANJA_FILE = "places/hanja-readings.tsv";
  /**
   * Whose places Korean names by the Sino-Korean reading of their characters, and Chinese by
   * their own.
   */
  static final Set<String> CHINESE = Set.of("CN", "TW", "HK", "MO");
  /** Romanised Hangul names only Korean places: South and North Korea. */
  static final Set<String> KOREAS = Set.of("KR", "KP");

  private static final ThreadLocal<Transliterator> HANGUL =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Hangul-Latin"));
  private static final ThreadLocal<Transliterator> UKRAINIAN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Ukrainian-Latin/BGN"));
  private static final ThreadLocal<Transliterator> RUSSIAN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN"));

  /** Loose keys, sorted; {@code keys[i]} is the gazetteer key {@code loose[i]} came from. */
  private final String[] loose;
  private final String[] keys;
  /** Sino-Korean readings of the Han keys, sorted; {@code hanKeys[i]} is what {@code sino[i]} reads. */
  private final String[] sino;
  private final String[] hanKeys;
  private final Map<Character, Character> hanja;
  private final Gazetteer gazetteer;
  /** "skeleton|CC" of the Latin names of towns, sorted; {@code soundIds[i]} is "id TAB key". */
  private final String[] sounds;
  private final String[] soundIds;
  /**
   * The same for the names whose consonants Chinese transcription changes ({@link
   * #asChineseHearsIt}): Caserta is 卡塞塔 (ka sai ta), Offenbach 奥芬巴赫 (ao fen ba he).
   */
  private final String[] chineseSounds;
  private final String[] chineseSoundIds;
  /**
   * "eastAsianKey|CC" of the Latin names of Japanese and Chinese towns ({@link #eastAsianKey}),
   * sorted; {@code eastAsianIds[i]} is "id TAB key".
   */
  private final String[] eastAsian;
  private final String[] eastAsianIds;
  /** Arabic-script keys without their long vowels, sorted; {@code arabicKeys[i]} the key. */
  private final String[] arabicSkeletons;
  private final String[] arabicKeys;

  TransliteratedNames(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    hanja = readHanja();
    List<String[]> latinRows = new ArrayList<>();
    List<String[]> hanRows = new ArrayList<>();
    gazetteer.forEachKey((key, readings) -> {
      if (latin(key)) {
        String l = looseOf(letters(key)); // keys are normalised already
        if (l.length() >= 3) {
          latinRows.add(new String[] {l, key});
        }
      } else if (key.length() >= 2 && PlaceMatcher.scriptClass(key.charAt(0)) == PlaceMatcher.HAN) {
        String reading = sinoKorean(key);
        if (reading != null) {
          hanRows.add(new String[] {reading, key});
        }
      }
    });
    String[][] l = sorted(latinRows);
    loose = l[0];
    keys = l[1];
    String[][] h = sorted(hanRows);
    sino = h[0];
    hanKeys = h[1];
    List<String[]> soundRows = new ArrayList<>();
    List<String[]> chineseRows = new ArrayList<>();
    List<String[]> eastAsianRows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.length; i++) {
      String letters = letters(keys[i]);
      List<Place> places = gazetteer.lookup(keys[i]);
      for (Place p : places) {
        if (EAST_ASIAN.contains(p.countryCode()) && p.kind() == Place.Kind.CITY
            && (p.population() >= MIN_SOUNDED_POPULATION || p.featureCode().startsWith("PPLA"))) {
          String k = eastAsianKey(letters, p.countryCode().equals("JP"));
          if (k.length() >= MIN_EAST_ASIAN_KEY
              && seen.add(k + "|" + p.countryCode() + "|" + p.id())) {
            eastAsianRows.add(new String[] {k + "|" + p.countryCode(), p.id() + "\t" + keys[i]});
          }
        }
      }
      String skeleton = skeletonOf(letters);
      if (skeleton.length() < MIN_SKELETON) {
        continue;
      }
      String chinese = skeletonOf(asChineseHearsIt(letters));
      for (Place p : places) {
        if (p.kind() == Place.Kind.CITY && p.population() >= MIN_SOUNDED_POPULATION
            && seen.add(skeleton + "|" + p.countryCode() + "|" + p.id())) {
          soundRows.add(new String[] {skeleton + "|" + p.countryCode(), p.id() + "\t" + keys[i]});
          if (!chinese.equals(skeleton) && chinese.length() >= MIN_SKELETON) {
            chineseRows.add(new String[] {chinese + "|" + p.countryCode(),
                p.id() + "\t" + keys[i]});
          }
        }
      }
    }
    String[][] sd = sorted(soundRows);
    sounds = sd[0];
    soundIds = sd[1];
    String[][] cd = sorted(chineseRows);
    chineseSounds = cd[0];
    chineseSoundIds = cd[1];
    String[][] ea = sorted(eastAsianRows);
    eastAsian = ea[0];
    eastAsianIds = ea[1];
    List<String[]> arabicRows = new ArrayList<>();
    gazetteer.forEachKey((key, readings) -> {
      if (PlaceMatcher.scriptClass(key.charAt(0)) == PlaceMatcher.ARABIC) {
        String skeleton = withoutLongVowels(key);
        if (skeleton.length() >= MIN_ARABIC_SKELETON && !skeleton.equals(key)) {
          arabicRows.add(new String[] {skeleton, key});
        }
      }
    });
    String[][] ar = sorted(arabicRows);
    arabicSkeletons = ar[0];
    arabicKeys = ar[1];
  }

  /** An Arabic-script name without its long vowels: بريزبان and بريزبن both give برزبن. */
  static String withoutLongVowels(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (ARABIC_LONG_VOWELS.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A foreign name in Arabic script spelt with other long vowels than GeoNames' (بريزبان for
   * بريزبن, Brisbane): one word no exact match covers, whose consonants are those of a key (a
   * leading و, "and", goes with the vowels). Foreign towns only: the language's own towns have
   * settled spellings, and its words would read as them (بلدية, municipality, as بليدة, Blida).
   * The resolver keeps a name found so only with a cue or its country.
   */
  private Spelt arabic(SurfaceNormalizer.Normalized n, int start, int end, Set<String> homes) {
    String word = n.text().substring(start, end);
    List<String> found = lookup(arabicSkeletons, arabicKeys, withoutLongVowels(word));
    found.removeIf(k -> k.indexOf(' ') >= 0);
    if (found.isEmpty()) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    for (String k : found) {
      for (Place p : gazetteer.lookup(k)) {
        if (p.kind() == Place.Kind.CITY && p.population() >= MIN_SOUNDED_POPULATION
            && !homes.contains(p.countryCode())) {
          ids.add(p.id());
        }
      }
    }
    return ids.isEmpty() ? null : spelt(n, start, end, word, found, ids);
  }

  /**
   * A foreign town in Arabic script that GeoNames has no Arabic name for, right before its
   * country's adjective or name ("مدينة لوفان البلجيكية" for Leuven): its letters read
   * as Latin consonants ({@link #ARABIC_SOUNDS}) and matched by sound like a katakana name. Words
   * with the article (ال) or a conjunction (و) are words, not foreign names, and a municipal cue
   * must stand before the word ("کشور چین", the country China, is no town). Foreign towns only.
   */
  private Spelt arabicBySound(SurfaceNormalizer.Normalized n, int start, int end,
      Set<String> homes) {
    String word = n.text().substring(start, end);
    if (word.startsWith("ال") || word.startsWith("و") || word.length() < 3) {
      return null;
    }
    StringBuilder latin = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      int at = ARABIC_LETTERS.indexOf(word.charAt(i));
      latin.append(at < 0 ? "" : ARABIC_SOUNDS[at]).append(at < 0 ? "" : "a");
    }
    return sounded(n, start, end, latin.toString(), homes);
  }

  /**
   * A foreign town in Chinese characters that GeoNames has no Chinese name for, right after its
   * country's name (意大利里米尼市 for Rimini) or after a province or state of it (加拿大魁北克省
   * 沙威尼根市 for Shawinigan): two to five characters before 市, read in pinyin
   * (ICU4J Han-Latin) and matched by sound like a katakana name.
   */
  private Spelt chineseBySound(SurfaceNormalizer.Normalized n, int start,
      List<PlaceMatcher.Match> known, Set<String> homes) {
    String text = n.text();
    int end = start;
    while (end < text.length() && end - start <= MAX_HAN_SOUNDED
        && PlaceMatcher.scriptClass(text.charAt(end)) == PlaceMatcher.HAN
        && text.charAt(end) != '市') {
      end++;
    }
    // only before 市: Chinese words after a country's name are read by sound too often
    // (日本共缔结10对友城)
    if (end == text.length() || text.charAt(end) != '市' || end - start < 2
        || end - start > MAX_HAN_SOUNDED) {
      return null;
    }
    // a foreign town's name the matcher found inside the run gives way to a town of the country
    // named before it (葡萄牙|波尔|图市 is Porto, not Bor in South Sudan); a known name of the
    // whole run or reaching out of it, a country's or region's name inside it (澳大利亚|加拿大湾市
    // for Canada Bay) and a town of that country (蒙古国|达尔汗市) stand
    int runEnd = end;
    Set<String> named = new HashSet<>();
    for (PlaceMatcher.Match m : known) {
      if (m.normEnd() <= start) {
        named.addAll(countriesNamed(m));
      }
    }
    boolean inside = false;
    for (PlaceMatcher.Match m : known) {
      if (m.normStart() > runEnd || m.normEnd() <= start) {
        continue;
      }
      if (m.normStart() <= start && m.normEnd() >= runEnd || m.normStart() < start
          || m.normEnd() > runEnd + 1 || !onlyTowns(m) || inCountries(m, named)) {
        return null;
      }
      inside = true;
    }
    Map<String, String> found =
        byChineseSound(PINYIN.get().transliterate(text.substring(start, end)), homes);
    if (inside) {
      found.keySet().removeIf(id -> gazetteer.byId(id)
          .map(p -> !named.contains(p.countryCode())).orElse(true));
    }
    return found.isEmpty() ? null : spelt(n, start, end, text.substring(start, end),
        found.values().stream().distinct().toList(), found.keySet());
  }

  /**
   * Whether {@code at} follows a province or state (省, 州) of a country the sentence named before
   * it: 加拿大魁北克省|沙威尼根市.
   */
  private static boolean afterProvinceOfACountry(String text, int at, Set<Integer> countryEnds) {
    return at > 0 && "省州".indexOf(text.charAt(at - 1)) >= 0
        && countryEnds.stream().anyMatch(e -> e < at);
  }

  /**
   * Characters a Chinese name written by its sound has at most: German names run long (因戈尔施塔特
   * Ingolstadt, 门兴格拉德巴赫 Mönchengladbach).
   */
  private static final int MAX_HAN_SOUNDED = 7;
  private static final ThreadLocal<Transliterator> PINYIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin"));

  /** Arabic and Persian letters and the Latin consonants foreign names written with them have. */
  private static final String ARABIC_LETTERS = "بپتثجچحخدذرزژسشصضطظعغفقکكگلمنه";
  private static final String[] ARABIC_SOUNDS = {"b", "p", "t", "s", "j", "ch", "", "kh", "d",
      "z", "r", "z", "zh", "s", "sh", "s", "d", "t", "z", "", "g", "f", "k", "k", "k", "g", "l",
      "m", "n", ""};

  /** Whether a match is a country's name or adjective. */
  private boolean namesACountry(PlaceMatcher.Match m) {
    return !countriesNamed(m).isEmpty();
  }

  /** The countries a country's name or adjective names; none for other matches. */
  private Set<String> countriesNamed(PlaceMatcher.Match m) {
    Set<String> out = new HashSet<>();
    for (String key : m.keys()) {
      for (Gazetteer.Entry e : gazetteer.lookupEntries(key)) {
        if (e.place().kind() == Place.Kind.COUNTRY) {
          out.add(e.place().countryCode());
        }
      }
    }
    return out;
  }

  /** Whether a reading of the match is a place in one of {@code countries}. */
  private boolean inCountries(PlaceMatcher.Match m, Set<String> countries) {
    for (String key : m.keys()) {
      for (Gazetteer.Entry e : gazetteer.lookupEntries(key)) {
        if (countries.contains(e.place().countryCode())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether every reading of a match is a town of the gazetteer (no country, no region). */
  private boolean onlyTowns(PlaceMatcher.Match m) {
    for (String key : m.keys()) {
      List<Gazetteer.Entry> entries = gazetteer.lookupEntries(key);
      if (entries.isEmpty()
          || entries.stream().anyMatch(e -> e.place().kind() != Place.Kind.CITY)) {
        return false;
      }
    }
    return true;
  }

  /** True when a known match starts one space after {@code end}. */
  private static boolean beforeKnown(String text, int end, Set<Integer> knownStarts) {
    return end < text.length() && text.charAt(end) == ' ' && knownStarts.contains(end + 1);
  }

  private static String[][] sorted(List<String[]> rows) {
    rows.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1]));
    String[][] out = new String[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = rows.get(i)[0];
      out[1][i] = rows.get(i)[1];
    }
    return out;
  }

  private static Map<Character, Character> readHanja() {
    Map<Character, Character> m = new HashMap<>();
    for (String[] row : DataFiles.readTable(HANJA_FILE, 2)) {
      if (row[0].length() == 1 && row[1].length() == 1) {
        m.put(row[0].charAt(0), row[1].charAt(0));
      }
    }
    return m;
  }

  /**
   * How Korean reads a Han name, syllable by syllable, with the initial-sound rule of its first
   * syllable (洛 락 → 낙, 李 리 → 이); null when a character has no reading.
   */
  String sinoKorean(String han) {
    StringBuilder out = new StringBuilder(han.length());
    for (int i = 0; i < han.length(); i++) {
      Character r = hanja.get(han.charAt(i));
      if (r == null) {
        return null;
      }
      out.append(i == 0 ? initialSound(r) : r.charValue());
    }
    return out.toString();
  }

  /**
   * Hangul as it is said, the way the Revised Romanization writes it: a consonant takes the
   * sound of its neighbour across syllables (중랑 Jungnang, 종로 Jongno, 신라 Silla, 백마
   * Baengma, 십리 Simni).
   */
  static String assimilated(String hangul) {
    char[] s = hangul.toCharArray();
    final int giyeok = 1;
    final int nieunTail = 4;
    final int digeut = 7;
    final int rieulTail = 8;
    final int mieumTail = 16;
    final int bieup = 17;
    final int siot = 19;
    final int ieungTail = 21;
    final int nieun = 2;
    final int rieul = 5;
    final int mieum = 6;
    for (int i = 0; i + 1 < s.length; i++) {
      int a = s[i] - 0xAC00;
      int b = s[i + 1] - 0xAC00;
      if (a < 0 || a >= 11172 || b < 0 || b >= 11172) {
        continue;
      }
      int tail = a % 28;
      int lead = b / 588;
      if (lead == rieul) {
        if (tail == nieunTail) {
          tail = rieulTail;
        } else if (tail == ieungTail || tail == mieumTail) {
          lead = nieun;
        } else if (tail == giyeok) {
          tail = ieungTail;
          lead = nieun;
        } else if (tail == bieup) {
          tail = mieumTail;
          lead = nieun;
        }
      } else if (lead == nieun && tail == rieulTail) {
        lead = rieul;
      } else if (lead == nieun || lead == mieum) {
        tail = tail == giyeok ? ieungTail : tail == bieup ? mieumTail
            : tail == digeut || tail == siot ? nieunTail : tail;
      }
      s[i] = (char) (0xAC00 + a - a % 28 + tail);
      s[i + 1] = (char) (0xAC00 + lead * 588 + b % 588);
    }
    return new String(s);
  }

  /** 두음 법칙: a word does not start with ㄹ, nor with ㄴ before i or y. */
  static char initialSound(char syllable) {
    int code = syllable - 0xAC00;
    if (code < 0 || code >= 11172) {
      return syllable;
    }
    int lead = code / 588;
    int vowel = (code % 588) / 28;
    int tail = code % 28;
    // vowels ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (i or y after the consonant)
    boolean iy = vowel == 2 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17
        || vowel == 20;
    final int nieun = 2;
    final int rieul = 5;
    final int ieung = 11;
    if (lead == rieul) {
      lead = iy ? ieung : nieun;
    } else if (lead == nieun && iy) {
      lead = ieung;
    }
    return (char) (0xAC00 + lead * 588 + vowel * 28 + tail);
  }

  /**
   * A name found by its spelling: the match (its {@code key} the name as written, its {@code keys}
   * the gazetteer keys it may stand for) and the places it may be; {@code sameSpan} when an exact
   * match of the matcher covers the same letters (its readings compete with these).
   */
  record Spelt(PlaceMatcher.Match match, Set<String> placeIds, boolean sameSpan) {}

  /**
   * A foreign town written by its sound in katakana or Hangul (マニトワック市, 매니토웍시 for
   * Manitowoc): its consonants, as classes (b/p/f/v, t/d, k/g, s/z/j/ch,
   * l/r, m, n), against those of the Latin names of towns of at least 2,000 people. Only the
   * places of one country whose sound is unique there (or that outnumber the next one fivefold)
   * are kept; the resolver keeps those of a foreign country the article names. Returns place id
   * → the key it was found by.
   */
  private Map<String, String> bySound(String latin, Set<String> exclude) {
    return bySound(latin, exclude, sounds, soundIds);
  }

  /**
   * {@link #bySound} for a name read from Chinese characters (pinyin): its consonants as the
   * Latin names sound, and in the countries where none sounds so, as Chinese transcription hears
   * them ({@link #asChineseHearsIt}).
   */
  private Map<String, String> byChineseSound(String pinyin, Set<String> exclude) {
    Map<String, String> found = byChineseSoundAsRead(pinyin, exclude);
    String hard = PINYIN_J.matcher(pinyin).replaceAll("g");
    if (hard.equals(pinyin)) {
      return found;
    }
    // 吉 (ji) writes a foreign gi as often as ji (莫吉廖夫 Mogilev): of the two readings' towns
    // in one country, the larger
    Map<String, String> best = new HashMap<>();
    Map<String, Place> bestIn = new HashMap<>();
    Map<String, String> hardFound = byChineseSoundAsRead(hard, exclude);
    for (Map<String, String> m : List.of(found, hardFound)) {
      m.forEach((id, key) -> gazetteer.byId(id).ifPresent(p -> {
        Place other = bestIn.get(p.countryCode());
        if (other == null || p.population() > other.population()) {
          if (other != null) {
            best.remove(other.id());
          }
          bestIn.put(p.countryCode(), p);
          best.put(id, key);
        }
      }));
    }
    return best;
  }

  /** The pinyin j at a syllable's start (ICU writes the syllables apart: "mò jí liào fū"). */
  private static final Pattern PINYIN_J = Pattern.compile("(?<![\\p{L}\\p{M}])j");

  /**
   * {@link #byChineseSound} for one reading of the pinyin; a katakana name's romaji is heard the
   * same way.
   */
  private Map<String, String> byChineseSoundAsRead(String pinyin, Set<String> exclude) {
    Map<String, String> found = bySound(pinyin, exclude, sounds, soundIds);
    Set<String> countries = new HashSet<>();
    found.keySet().forEach(id -> gazetteer.byId(id).ifPresent(p -> countries.add(p.countryCode())));
    bySound(pinyin, exclude, chineseSounds, chineseSoundIds).forEach((id, key) -> {
      if (gazetteer.byId(id).filter(p -> !countries.contains(p.countryCode())).isPresent()) {
        found.put(id, key);
      }
    });
    return found;
  }

  /**
   * The letters of a Latin name with the consonants Chinese transcription leaves out: an r after
   * a vowel and before a consonant or at the end (Caserta 卡塞塔, Portland 波特兰), and the German
   * ch after a, o or u (Offenbach 奥芬巴赫, Eisenach). Katakana leaves out the same r
   * (セントピーターズバーグ, Saint Petersburg).
   */
  static String asChineseHearsIt(String letters) {
    return letters.replaceAll("(?<=[aeiouy])r(?=[^aeiouy]|$)", "")
        .replaceAll("(?<=[aou])ch", "h");
  }

  private Map<String, String> bySound(String latin, Set<String> exclude, String[] index,
      String[] ids) {
    String skeleton = skeleton(latin);
    Map<String, String> found = new HashMap<>();
    if (skeleton.length() < MIN_SKELETON) {
      return found;
    }
    Map<String, List<Place>> byCountry = new HashMap<>();
    Map<String, List<Place>> byOwnName = new HashMap<>();
    Map<String, String> keyOf = new HashMap<>();
    String prefix = skeleton + "|";
    for (int i = lowerBound(index, prefix); i < index.length && index[i].startsWith(prefix);
        i++) {
      if (exclude.contains(index[i].substring(prefix.length()))) {
        continue;
      }
      String[] idKey = ids[i].split("\t", 2);
      keyOf.putIfAbsent(idKey[0], idKey[1]);
      gazetteer.byId(idKey[0]).ifPresent(p -> {
        byCountry.computeIfAbsent(p.countryCode(), c -> new ArrayList<>()).add(p);
        if (soundsSoByItsName(p, skeleton)) {
          byOwnName.computeIfAbsent(p.countryCode(), c -> new ArrayList<>()).add(p);
        }
      });
    }
    // a town that sounds so by its own name comes before one that does by a rare alias
    // (Mersin, not Kahramanmaraş's old "Marasion"), in a country where one does
    byCountry.putAll(byOwnName);
    addLargestPerCountry(byCountry, keyOf, 5, found);
    return found;
  }

  /**
   * Whether the place's own name (as GeoNames writes it, or in ASCII) has {@code skeleton}, as
   * it is written or as Chinese transcription hears it.
   */
  private static boolean soundsSoByItsName(Place p, String skeleton) {
    for (String name : List.of(p.name(), p.asciiName())) {
      String letters = letters(SurfaceNormalizer.normalize(name));
      if (skeletonOf(letters).equals(skeleton)
          || skeletonOf(asChineseHearsIt(letters)).equals(skeleton)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds to {@code found} (id → the key it was found by) each country's largest place of
   * {@code byCountry}, when it is alone or has {@code ratio} times the people of the next.
   */
  private static void addLargestPerCountry(Map<String, List<Place>> byCountry,
      Map<String, String> keyOf, int ratio, Map<String, String> found) {
    for (List<Place> places : byCountry.values()) {
      List<Place> distinct = places.stream().distinct()
          .sorted(Comparator.comparingLong(Place::population).reversed()).toList();
      if (distinct.size() == 1
          || distinct.get(0).population() >= ratio * distinct.get(1).population()) {
        found.put(distinct.get(0).id(), keyOf.get(distinct.get(0).id()));
      }
    }
  }

  /**
   * The towns of {@code country} a name written in Latin letters sounds like ({@link #bySound}),
   * as place id → the key each was found by: a name spelt in the article's language rather
   * than as GeoNames spells it ("Aleksandria" for Oleksandriya).
   */
  Map<String, String> bySoundIn(String latin, String country) {
    Map<String, String> found = bySound(latin, Set.of());
    found.keySet().removeIf(id -> !gazetteer.byId(id)
        .map(p -> p.countryCode().equals(country)).orElse(false));
    return found;
  }

  /**
   * The Latin name of a district or county written in Han characters, as its country reads them:
   * pinyin in China (如东 Rudong), the Sino-Korean reading romanised in Korea (桂阳 Gyeyang, 南
   * Nam); null elsewhere (Japanese readings are not derivable) and for a one-character Chinese
   * name (城区, 郊区 are words).
   */
  String districtName(String han, String country) {
    String latin = null;
    if (CHINESE.contains(country) && han.length() > 1) {
      latin = PINYIN.get().transliterate(han);
    } else if (KOREAS.contains(country)) {
      String hangul = sinoKorean(han);
      latin = hangul == null ? null : HANGUL.get().transliterate(assimilated(hangul));
    }
    if (latin == null) {
      return null;
    }
    String ascii = Ascii.fold(latin).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    return ascii.isEmpty() ? null
        : Character.toUpperCase(ascii.charAt(0)) + ascii.substring(1);
  }

  /** A Latin reading of a name in Han (pinyin), katakana or Hangul; null in other scripts. */
  static String latinReading(String name) {
    char c = name.charAt(0);
    if (PlaceMatcher.katakana(c)) {
      return KATAKANA.get().transliterate(name);
    }
    int cls = PlaceMatcher.scriptClass(c);
    return cls == PlaceMatcher.HAN ? PINYIN.get().transliterate(name)
        : cls == PlaceMatcher.HANGUL ? HANGUL.get().transliterate(name) : null;
  }

  /**
   * The consonants of a romanised name as classes, vowels and h, w, y dropped, repeats once:
   * "Manitowoc", "manitowakku", "maenitowog" and "ma ni tuo wo ke" all give "MNTK".
   */
  static String skeleton(String latin) {
    return skeletonOf(letters(SurfaceNormalizer.normalize(latin)));
  }

  private static String skeletonOf(String letters) {
    String s = letters.replace("tch", "c").replace("sch", "s").replace("sh", "s")
        .replace("zh", "s").replace("ph", "f").replace("th", "t").replace("kh", "k")
        .replace("gh", "g").replace("ck", "k").replace("ng", "n").replace("ts", "s")
        .replace("tz", "s").replace("dz", "s");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      char cls = switch (c) {
        case 'b', 'p', 'f', 'v' -> 'P';
        case 't', 'd' -> 'T';
        case 'k', 'g', 'q' -> 'K';
        case 'c' -> next == 'e' || next == 'i' || next == 'h' ? 'S' : 'K';
        case 's', 'z', 'j', 'x' -> 'S';
        case 'l', 'r' -> 'R';
        case 'm' -> 'M';
        case 'n' -> 'N';
        default -> ' ';
      };
      if (cls != ' ' && (out.length() == 0 || out.charAt(out.length() - 1) != cls)) {
        out.append(cls);
      }
    }
    return out.toString();
  }

  /**
   * Names in Hangul, Cyrillic, Han, kana or Arabic characters read through another script: the
   * matcher's exact matches {@code known} are kept, and where one of them covers exactly a Hangul
   * name, the readings of its Sino-Korean spelling join it. {@code cueBefore} says whether a
   * municipal cue of the language stands right before a position ("مدينة", "شهر"): a foreign
   * name read by its Arabic-script sound needs one.
   */
  List<Spelt> find(SurfaceNormalizer.Normalized n, String lang, List<PlaceMatcher.Match> known,
      IntPredicate cueBefore) {
    String text = n.text();
    Set<String> homes = PlaceResolver.homeCountries(lang);
    boolean[] covered = new boolean[text.length()];
    Map<Long, PlaceMatcher.Match> spans = new HashMap<>();
    Set<Integer> knownEnds = new HashSet<>();
    Set<Integer> countryStarts = new HashSet<>();
    Set<Integer> countryEnds = new HashSet<>();
    for (PlaceMatcher.Match m : known) {
      knownEnds.add(m.normEnd());
      if (namesACountry(m)) {
        countryStarts.add(m.normStart());
        countryEnds.add(m.normEnd());
      }
      Arrays.fill(covered, m.normStart(), Math.min(m.normEnd(), text.length()), true);
      spans.put(span(m.normStart(), m.normEnd()), m);
    }
    List<Spelt> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cls = PlaceMatcher.scriptClass(text.charAt(i));
      if (cls == PlaceMatcher.HAN && HAN_ADMINISTRATIVE.indexOf(text.charAt(i)) >= 0) {
        Spelt k = korean(n, i, covered, spans);
        if (k == null && "zh".equals(lang)) {
          k = chineseByPinyin(n, i, covered, spans);
        }
        if (k != null) {
          out.add(k);
        }
      }
      if (cls == PlaceMatcher.HAN && !"ja".equals(lang)
          && (countryEnds.contains(i) || afterProvinceOfACountry(text, i, countryEnds))) {
        Spelt c = chineseBySound(n, i, known, homes);
        if (c != null) {
          out.add(c);
        }
      }
      if (PlaceMatcher.katakana(text.charAt(i))) {
        int end = i;
        while (end < text.length() && PlaceMatcher.katakana(text.charAt(end))) {
          end++;
        }
        if (end - i >= 3 && end < text.length() && TOWN_SUFFIXES.indexOf(text.charAt(end)) >= 0
            && !anyCovered(covered, i, end) && (afterKnown(text, i, knownEnds)
                || countryInBrackets(text, end + 1, countryStarts))) {
          Spelt k = sounded(n, i, end, byChineseSoundAsRead(
              KATAKANA.get().transliterate(text.substring(i, end)), homes));
          if (k != null) {
            out.add(k);
          }
        }
        i = end;
        continue;
      }
      if (cls == PlaceMatcher.ARABIC) {
        int end = i;
        while (end < text.length() && PlaceMatcher.scriptClass(text.charAt(end)) == cls) {
          end++;
        }
        boolean wordStart = i == 0 || PlaceMatcher.scriptClass(text.charAt(i - 1)) != cls;
        if (wordStart && !anyCovered(covered, i, end)) {
          Spelt a = end - i > MIN_ARABIC_SKELETON ? arabic(n, i, end, homes) : null;
          if (a == null && beforeKnown(text, end, countryStarts) && cueBefore.test(i)) {
            a = arabicBySound(n, i, end, homes);
          }
          if (a != null) {
            out.add(a);
          }
        }
        i = end;
        continue;
      }
      if (cls != PlaceMatcher.HANGUL && cls != PlaceMatcher.CYRILLIC) {
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && PlaceMatcher.scriptClass(text.charAt(end)) == cls
          || end < text.length() && cls == PlaceMatcher.CYRILLIC && text.charAt(end) == '\''
              && end + 1 < text.length()
              && PlaceMatcher.scriptClass(text.charAt(end + 1)) == cls) {
        end++;
      }
      boolean wordStart = i == 0
          || PlaceMatcher.scriptClass(text.charAt(i - 1)) != PlaceMatcher.ALPHA;
      Spelt found = null;
      if (wordStart && cls == PlaceMatcher.HANGUL) {
        found = hangul(n, i, end, covered, spans, homes, afterKnown(text, i, knownEnds)
            || countryInBrackets(text, end, countryStarts));
      } else if (wordStart && !anyCovered(covered, i, end)) {
        found = cyrillic(n, i, end, lang);
      }
      if (found != null) {
        out.add(found);
      }
      i = end;
    }
    return out;
  }

  private static long span(int start, int end) {
    return (long) start << 32 | end;
  }

  /**
   * 도봉구는 → Dobong(-gu) by its romanisation (places in Korea only); 대경시는 → 大庆 by its
   * Sino-Korean reading (places anywhere). Only a name with its administrative suffix.
   */
  private Spelt hangul(SurfaceNormalizer.Normalized n, int start, int end, boolean[] covered,
      Map<Long, PlaceMatcher.Match> spans, Set<String> homes, boolean afterPlace) {
    String word = n.text().substring(start, end);
    // the longest grammar after the stem that starts with 시, 구 or 군
    for (int cut = 2; cut < word.length(); cut++) {
      String ending = word.substring(cut);
      if (HANGUL_ADMINISTRATIVE.indexOf(ending.charAt(0)) < 0
          || !PlaceMatcher.KOREAN_ENDINGS.contains(ending)) {
        continue;
      }
      String stem = word.substring(0, cut);
      if (stem.endsWith("도") && ending.startsWith("시")) {
        continue; // 도시, the word for city: 우호도시 is no town 우호도
      }
      // Korean reads Chinese names the Sino-Korean way, Japanese ones as Japanese says them
      List<String> han = lookup(sino, hanKeys, stem).stream().filter(this::chineseOnly).toList();
      PlaceMatcher.Match exact = spans.get(span(start, start + cut));
      if (exact != null) {
        if (han.isEmpty()) {
          return null;
        }
        return withReadings(exact, han);
      }
      if (anyCovered(covered, start, start + cut)) {
        return null;
      }
      Set<String> ids = new HashSet<>();
      List<String> found = new ArrayList<>();
      addKoreanPlaces(stem, ids, found);
      for (String k : han) {
        addPlaces(k, null, ids);
        found.add(k);
      }
      if (found.isEmpty()) {
        // Korean writes Japanese and Chinese towns as they sound there: 가고시마, 칭다오
        Map<String, String> heard = byEastAsianSound(HANGUL.get().transliterate(stem));
        ids.addAll(heard.keySet());
        heard.values().stream().distinct().forEach(found::add);
      }
      if (found.isEmpty() && afterPlace && !ending.startsWith("시장")) {
        // a foreign town written by its sound after its country or state: 미국 매니토웍시 (not
        // 시장, a market as often as a mayor)
        Map<String, String> sounded = bySound(HANGUL.get().transliterate(stem), homes);
        ids.addAll(sounded.keySet());
        sounded.values().stream().distinct().forEach(found::add);
      }
      return found.isEmpty() ? null : spelt(n, start, start + cut, stem, found, ids);
    }
    return null;
  }

  /**
   * A Korean place in Han characters before 市, 区 or 郡 (延寿区 → 연수 → Yeonsu): the two or three
   * characters before the suffix that no exact match covers, read the Korean way and romanised.
   */
  private Spelt korean(SurfaceNormalizer.Normalized n, int suffix, boolean[] covered,
      Map<Long, PlaceMatcher.Match> spans) {
    String text = n.text();
    for (int len = 3; len >= 2; len--) {
      int start = suffix - len;
      if (start < 0) {
        continue;
      }
      PlaceMatcher.Match exact = spans.get(span(start, suffix));
      if (exact == null && anyCovered(covered, start, suffix)) {
        continue;
      }
      String han = text.substring(start, suffix);
      if (!han.chars().allMatch(c -> c >= 0x3400
          && PlaceMatcher.scriptClass((char) c) == PlaceMatcher.HAN)) {
        continue;
      }
      String reading = sinoKorean(han);
      if (reading == null) {
        continue;
      }
      Set<String> ids = new HashSet<>();
      List<String> found = new ArrayList<>();
      addKoreanPlaces(reading, ids, found);
      if (found.isEmpty() && han.indexOf('金') >= 0) {
        // a place's 金 is 김 (金海 김해 Gimhae, 金浦 김포 Gimpo), elsewhere 금
        char[] place = reading.toCharArray();
        for (int c = 0; c < han.length(); c++) {
          if (han.charAt(c) == '金') {
            place[c] = '김';
          }
        }
        addKoreanPlaces(new String(place), ids, found);
      }
      if (found.isEmpty()) {
        continue;
      }
      if (exact != null) {
        // 延寿区 is a Chinese county and a district of Incheon: both readings compete
        return withReadings(exact, found);
      }
      return spelt(n, start, suffix, han, found, ids);
    }
    return null;
  }

  /** Adds the Korean places whose romanised name is {@code hangul}'s, and their keys. */
  private void addKoreanPlaces(String hangul, Set<String> ids, List<String> found) {
    for (String k : exact(looseKey(HANGUL.get().transliterate(hangul)))) {
      if (addPlaces(k, KOREAS, ids)) {
        found.add(k);
      }
    }
  }

  /** Countries whose town names Korean writes syllable by syllable as the language says them. */
  private static final Set<String> EAST_ASIAN = Set.of("JP", "CN", "TW", "HK", "MO");
  /** Shorter sound keys are too often another town's. */
  private static final int MIN_EAST_ASIAN_KEY = 4;
  private static final Pattern SIBILANT = Pattern.compile("tch|ch|sh|ts|zh|[jzxqc]");
  /** A sibilant's i before a vowel is the glide of sha, shu, xia (샤, 슈, 시아 are one). */
  private static final Pattern SIBILANT_GLIDE = Pattern.compile("si(?=[aeou])");
  /** Korean's ㅅ before a consonant: a Japanese doubled consonant (삿포로 saspolo, Sapporo). */
  private static final Pattern CLOSED_S = Pattern.compile("s(?=[ktp])");

  /**
   * A Japanese or Chinese town's name as Korean writes its sound, and the romanised Hangul the
   * same way, so that both meet: vowels kept (Korean eo, eu, ae as the e, u, e they write),
   * y and w as i and u, every sibilant and affricate one s, voicing and l/r not told apart, f
   * as the h Korean writes a Japanese f with and the p it writes a Chinese one with, doubled
   * letters once. "Kagoshima" and 가고시마 gagosima give kakosima; "Qingdao" and 칭다오
   * chingdao sinktao; "Sapporo" and 삿포로 saspolo saporo; "Tianjin" and 톈진 tyenjin tiansin.
   */
  static String eastAsianKey(String letters, boolean japanese) {
    String s = letters.replace("eou", "ou").replace("eo", "e").replace("eu", "u")
        .replace("ae", "e").replace('y', 'i').replace('w', 'u');
    s = SIBILANT.matcher(s).replaceAll("s");
    s = s.replace('g', 'k').replace('d', 't').replace('b', 'p').replace('l', 'r')
        .replace('f', japanese ? 'h' : 'p');
    s = SIBILANT_GLIDE.matcher(s).replaceAll("s");
    s = CLOSED_S.matcher(s).replaceAll("");
    s = s.replace("ien", "ian").replace("unk", "onk");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  /**
   * The Japanese and Chinese towns a romanised Hangul name sounds like ({@link #eastAsianKey}),
   * as place id → the key each was found by: per country the largest, when it has three times
   * the people of the next (an administrative seat GeoNames gives no population counts only
   * alone).
   */
  private Map<String, String> byEastAsianSound(String latin) {
    String letters = letters(SurfaceNormalizer.normalize(latin));
    Map<String, String> found = new HashMap<>();
    for (boolean japanese : new boolean[] {true, false}) {
      String key = eastAsianKey(letters, japanese);
      if (key.length() < MIN_EAST_ASIAN_KEY) {
        continue;
      }
      Map<String, List<Place>> byCountry = new HashMap<>();
      Map<String, String> keyOf = new HashMap<>();
      String prefix = key + "|";
      for (int i = lowerBound(eastAsian, prefix);
          i < eastAsian.length && eastAsian[i].startsWith(prefix); i++) {
        String country = eastAsian[i].substring(prefix.length());
        if (country.equals("JP") != japanese) {
          continue;
        }
        String[] idKey = eastAsianIds[i].split("\t", 2);
        keyOf.putIfAbsent(idKey[0], idKey[1]);
        gazetteer.byId(idKey[0]).ifPresent(
            p -> byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(p));
      }
      addLargestPerCountry(byCountry, keyOf, 3, found);
    }
    return found;
  }

  /** A Chinese city read by its pinyin has at least this many people. */
  private static final long MIN_PINYIN_POPULATION = 100_000;

  /**
   * A Chinese city whose Han name GeoNames lacks (淮安市 for Huai'an, 2.5 million people, known
   * only in Latin letters): two or three Han characters before 市 or 县 that no gazetteer match
   * covers, read in pinyin, and the one Chinese city of 100,000 people or more of that name;
   * where the matcher found the name as a smaller place's (淮安 is also a village, 常熟市 the
   * seat town's alternate name), the city's reading joins the match's and competes with it.
   * Names with 城 are left alone (友好城市 is "friendship cities").
   */
  private Spelt chineseByPinyin(SurfaceNormalizer.Normalized n, int suffix, boolean[] covered,
      Map<Long, PlaceMatcher.Match> spans) {
    String text = n.text();
    if ("市县".indexOf(text.charAt(suffix)) < 0) {
      return null;
    }
    for (int len = 3; len >= 2; len--) {
      int start = suffix - len;
      if (start < 0) {
        continue;
      }
      PlaceMatcher.Match exact = spans.get(span(start, suffix));
      exact = exact != null ? exact : spans.get(span(start, suffix + 1));
      if (exact == null && anyCovered(covered, start, suffix)) {
        continue;
      }
      String han = text.substring(start, suffix);
      if (han.indexOf('城') >= 0 || !han.chars().allMatch(c -> c >= 0x3400
          && PlaceMatcher.scriptClass((char) c) == PlaceMatcher.HAN)) {
        continue;
      }
      String latin = PINYIN.get().transliterate(han);
      Set<String> ids = new HashSet<>();
      List<String> found = new ArrayList<>();
      for (String k : exact(looseKey(latin))) {
        boolean any = false;
        for (Place p : gazetteer.lookup(k)) {
          if (CHINESE.contains(p.countryCode()) && p.kind() == Place.Kind.CITY
              && p.population() >= MIN_PINYIN_POPULATION && ids.add(p.id())) {
            any = true;
          }
        }
        if (any) {
          found.add(k);
        }
      }
      if (ids.size() != 1) {
        continue;
      }
      if (exact != null) {
        // 淮安 is also a village's name (1,350 people): the city's reading competes with it
        return exact.keys().containsAll(found) ? null : withReadings(exact, found);
      }
      return spelt(n, start, suffix, han, found, ids);
    }
    return null;
  }

  /**
   * Whether a name starting at {@code start} follows a place the matcher found, with nothing,
   * a space, の or ・ between: "미국 위스콘신주 |매니토웍시", "ニュージーランドの|ダニーデン市".
   */
  private static boolean afterKnown(String text, int start, Set<Integer> knownEnds) {
    return knownEnds.contains(start)
        || start > 0 && " の・".indexOf(text.charAt(start - 1)) >= 0 && knownEnds.contains(start - 1);
  }

  /**
   * Whether a country named in brackets starts at {@code pos}: "ダニーデン市(ニュージーランド)",
   * "더니든시(뉴질랜드)".
   */
  private static boolean countryInBrackets(String text, int pos, Set<Integer> countryStarts) {
    return pos < text.length() && "(（".indexOf(text.charAt(pos)) >= 0
        && countryStarts.contains(pos + 1);
  }

  private Spelt sounded(SurfaceNormalizer.Normalized n, int start, int end, String latin,
      Set<String> homes) {
    return sounded(n, start, end, bySound(latin, homes));
  }

  /** The name at {@code start..end} as the places {@code found} by its sound, or null. */
  private Spelt sounded(SurfaceNormalizer.Normalized n, int start, int end,
      Map<String, String> found) {
    if (found.isEmpty()) {
      return null;
    }
    return spelt(n, start, end, n.text().substring(start, end),
        found.values().stream().distinct().toList(), found.keySet());
  }

  /**
   * A capitalised Cyrillic word as it is, as a noun stem with a case ending, or as the stem of an
   * adjective made from the name (Славутська → Slavut- → Slavuta).
   */
  private Spelt cyrillic(SurfaceNormalizer.Normalized n, int start, int end, String lang) {
    int[] src = n.sourceRange(start, end);
    if (!Character.isUpperCase(n.source().codePointAt(src[0]))) {
      return null;
    }
    String word = n.text().substring(start, end);
    Transliterator t = "uk".equals(lang) ? UKRAINIAN.get() : RUSSIAN.get();
    List<String> found = exact(looseKey(t.transliterate(word)));
    if (found.isEmpty()) {
      String stem = adjectiveStem(word);
      if (stem == null) {
        stem = nounStem(word);
      }
      if (stem != null) {
        found = completions(looseKey(t.transliterate(stem)));
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    found.forEach(k -> addPlaces(k, null, ids));
    return spelt(n, start, end, word, found, ids);
  }

  /** Whether every place a Han key names is Chinese (大庆, not 富山, which is also Toyama). */
  private boolean chineseOnly(String key) {
    List<Place> places = gazetteer.lookup(key);
    return !places.isEmpty()
        && places.stream().allMatch(p -> CHINESE.contains(p.countryCode()));
  }

  /** Adds the ids of the places {@code key} names in {@code countries} (any when null). */
  private boolean addPlaces(String key, Set<String> countries, Set<String> ids) {
    boolean any = false;
    for (Place p : gazetteer.lookup(key)) {
      if (countries == null || countries.contains(p.countryCode())) {
        ids.add(p.id());
        any = true;
      }
    }
    return any;
  }

  private static String adjectiveStem(String word) {
    for (String suffix : ADJECTIVE_SUFFIXES) {
      int at = word.lastIndexOf(suffix);
      if (at >= 3 && word.length() - at - suffix.length() <= 3) {
        return word.substring(0, at);
      }
    }
    return null;
  }

  /** The word without a case ending of one or two letters (Києва → Києв), or null. */
  private static String nounStem(String word) {
    for (int len = 2; len >= 1; len--) {
      if (word.length() - len >= MIN_STEM
          && PlaceMatcher.CYRILLIC_ENDINGS.contains(word.substring(word.length() - len))) {
        return word.substring(0, word.length() - len);
      }
    }
    return null;
  }

  /**
   * The matcher's exact match of a name with more readings joined to its own, competing with
   * them ({@link Spelt#sameSpan}).
   */
  private static Spelt withReadings(PlaceMatcher.Match exact, List<String> more) {
    List<String> keysOf = new ArrayList<>(exact.keys());
    more.stream().filter(k -> !keysOf.contains(k)).forEach(keysOf::add);
    return new Spelt(new PlaceMatcher.Match(exact.start(), exact.end(), exact.normStart(),
        exact.normEnd(), exact.key(), List.copyOf(keysOf)), null, true);
  }

  private static Spelt spelt(SurfaceNormalizer.Normalized n, int start, int end,
      String written, List<String> found, Set<String> ids) {
    int[] range = n.sourceRange(start, end);
    return new Spelt(new PlaceMatcher.Match(range[0], range[1], start, end, written,
        List.copyOf(found)), Set.copyOf(ids), false);
  }

  /** The gazetteer keys whose loose key is {@code key}. */
  private List<String> exact(String key) {
    return key.length() < 3 ? new ArrayList<>() : lookup(loose, keys, key);
  }

  private static List<String> lookup(String[] sortedKeys, String[] values, String key) {
    List<String> out = new ArrayList<>();
    for (int i = lowerBound(sortedKeys, key); i < sortedKeys.length && sortedKeys[i].equals(key);
        i++) {
      out.add(values[i]);
    }
    return out;
  }

  /**
   * The gazetteer keys whose loose key is {@code stem} plus at most two letters; for a long stem
   * with none, those whose beginning differs from it in one letter, not the first three
   * (Holoprystan- for Hola Prystan: transliterations disagree on unstressed vowels).
   */
  private List<String> completions(String stem) {
    List<String> out = new ArrayList<>();
    if (stem.length() < MIN_STEM) {
      return out;
    }
    for (int i = lowerBound(loose, stem); i < loose.length && loose[i].startsWith(stem); i++) {
      if (loose[i].length() - stem.length() <= MAX_COMPLETION) {
        out.add(keys[i]);
      }
    }
    if (!out.isEmpty() || stem.length() < MIN_FUZZY_STEM) {
      return out;
    }
    String head = stem.substring(0, 3);
    for (int i = lowerBound(loose, head); i < loose.length && loose[i].startsWith(head); i++) {
      String l = loose[i];
      if (l.length() >= stem.length() && l.length() - stem.length() <= MAX_COMPLETION
          && mismatches(l, stem) == 1) {
        out.add(keys[i]);
      }
    }
    return out;
  }

  /** Letters of {@code stem} that differ from the same positions of {@code key}. */
  private static int mismatches(String key, String stem) {
    int n = 0;
    for (int i = 0; i < stem.length() && n <= 1; i++) {
      if (key.charAt(i) != stem.charAt(i)) {
        n++;
      }
    }
    return n;
  }

  private static int lowerBound(String[] sortedKeys, String key) {
    int lo = 0;
    int hi = sortedKeys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedKeys[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean latin(String key) {
    boolean letter = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letter = true;
      } else if (c >= 0x80) {
        return false;
      }
    }
    return letter;
  }

  /**
   * A key that forgives how romanisations differ: letters only, ya/yu/ye as ia/iu/ie, y as i,
   * kh as h, doubled letters once ("Zaporizhzhya" and "Zaporizhzhia", "Dobong-gu" and
   * "dobonggu" meet).
   */
  static String looseKey(String s) {
    return looseOf(letters(SurfaceNormalizer.normalize(s)));
  }

  private static String looseOf(String letters) {
    String l = letters.replace("kh", "h").replace('y', 'i');
    StringBuilder out = new StringBuilder(l.length());
    for (int i = 0; i < l.length(); i++) {
      if (i == 0 || l.charAt(i) != l.charAt(i - 1)) {
        out.append(l.charAt(i));
      }
    }
    return out.toString();
  }

  /** The letters a to z of a normalised name, without spaces or punctuation. */
  private static String letters(String folded) {
    StringBuilder letters = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  private static boolean anyCovered(boolean[] covered, int from, int to) {
    for (int i = from; i < to; i++) {
      if (covered[i]) {
        return true;
      }
    }
    return false;
  }
}
