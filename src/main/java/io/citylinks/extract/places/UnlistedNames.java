package io.citylinks.extract.places;

import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Municipalities the gazetteer lacks (a town under GeoNames' size floor, a city district, a
 * merged municipality), in two shapes:
 *
 * <ul>
 *   <li>a capitalised Latin-script name right after or before a word that only ever stands next
 *       to a municipality's name ({@code municipality-before} and {@code municipality-after} in
 *       {@code conf/places/cues.tsv}: "gemeente Ubbergen", "alcalde de Los Sauces", "Çatalköy
 *       Belediye Başkanı" with the cue capitalised, "Bezirk Charlottenburg-Wilmersdorf"), listed
 *       after such a word with other municipalities ("de gemeenten Körmend, Ubbergen en
 *       Groesbeek"), or written elsewhere in the article where such a word stood next to it;
 *   <li>a Han district's or county's name right after its parent's name and suffix, with its
 *       own suffix after it (仁川广域市桂阳区, 南通市如东县).
 * </ul>
 *
 * A name one whole word of which the gazetteer matches is left to the gazetteer's readings;
 * gazetteer matches inside a hyphenated name found here ("Treptow" in "Treptow-Köpenick") are
 * dropped. {@link PlaceResolver} gives each name a country from the text around it, or none.
 *
 * <p>Stateless; thread-safe.
 */
final class UnlistedNames {
  /** Longest name, in words with its particles (hyphenated parts count as one). */
  private static final int MAX_WORDS = 4;
  /** How far from a word a municipality cue may be for the word to start a name. */
  private static final int CUE_REACH = 60;
  /** Shortest name, in letters. */
  private static final int MIN_LETTERS = 3;
  /** Letters and hyphens: a word ends at an apostrophe (d'Ubbergen, Çatalköy'ün). */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*");

  /**
   * Suffixes a parent place's Han name may carry before its district's or county's name (仁川
   * 广域市|桂阳区, 南通市|如东县, 江苏省|如东县); longest first.
   */
  private static final List<String> HAN_PARENT_SUFFIXES =
      List.of("广域市", "特别市", "特別市", "自治州", "市", "省", "道", "县", "州", "府", "都");
  /** Han suffixes of a district, county, town or township after its parent's name. */
  private static final String HAN_CHILD_SUFFIXES = "区县郡镇乡旗區縣鎮鄉";
  /** Characters of a district's or county's Han name, at most (石景山区 is rare, 中心城区 not). */
  private static final int MAX_HAN_CHILD = 2;

  /**
   * The names found in one sentence, the gazetteer matches that remain beside them, and for a
   * Han district's or county's name the match of the place it belongs to (its country decides
   * how the name is read: 如东 Rudong in China, 桂阳 Gyeyang in Korea).
   */
  record Found(List<PlaceMatcher.Match> matches, Set<PlaceMatcher.Match> unlisted,
      Map<PlaceMatcher.Match, PlaceMatcher.Match> parents) {}

  private record Word(int start, int end, boolean capitalised) {}

  private UnlistedNames() {}

  /**
   * The sentence's matches with the municipality names the gazetteer lacks added (in text
   * order); {@code matches} itself is returned, with an empty set, when there are none. A name
   * in {@code named} (keys found next to a cue elsewhere in the article) needs no cue here.
   */
  static Found find(SurfaceNormalizer.Normalized n, String lang, List<PlaceMatcher.Match> matches,
      PlaceLexicon lexicon, Set<String> named, Predicate<PlaceMatcher.Match> namesACountry) {
    String text = n.text();
    boolean han = false;
    for (int i = 0; i < text.length() && !han; i++) {
      han = HAN_CHILD_SUFFIXES.indexOf(text.charAt(i)) >= 0;
    }
    BitSet cues = lexicon.municipalityCues(lang, text);
    boolean cued = !cues.isEmpty() || named.stream().anyMatch(text::contains);
    if (!han && !cued) {
      return new Found(matches, Set.of(), Map.of()); // most sentences: nothing to look for
    }
    String source = n.source();
    List<Word> words = new ArrayList<>();
    Matcher w = WORD.matcher(source);
    while (cued && w.find()) {
      int cp = source.codePointAt(w.start());
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
        words.add(new Word(w.start(), w.end(), Character.isUpperCase(cp)));
      }
    }
    Set<PlaceMatcher.Match> unlisted = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<PlaceMatcher.Match, PlaceMatcher.Match> parents = new IdentityHashMap<>();
    List<PlaceMatcher.Match> out = new ArrayList<>(matches);
    if (han) {
      hanChildren(n, matches, lexicon, out, unlisted, parents);
    }
    int listEnd = -1; // source end of the last name of a list opened by a cue before it
    for (int i = 0; cued && i < words.size(); i++) {
      Word first = words.get(i);
      if (!first.capitalised()) {
        continue;
      }
      if (first.start() > 0 && source.charAt(first.start() - 1) == '(') {
        continue; // an aside inside a list: "Körmend (Hongarije), Ubbergen"
      }
      int normStart = normIndex(n, first.start());
      if (listEnd < 0 && named.isEmpty() && !near(cues, normStart, normIndex(n, first.end()))) {
        continue; // no municipality cue close enough to tell (most capitalised words)
      }
      if (lexicon.cueAfter(lang, text, normStart)) {
        continue; // a cue itself: "Van Büyükşehir Belediyesi"
      }
      boolean listed = listEnd >= 0
          && ListGap.separates(source.substring(listEnd, first.start()));
      boolean cueBefore = lexicon.municipalityCueBefore(lang, text, normStart);
      if (!cueBefore && !listed && i + 1 < words.size()) {
        int next = normIndex(n, words.get(i + 1).start());
        if (lexicon.municipalityCueBefore(lang, text, next)
            || lexicon.afterArticle(lang, text, next)) {
          continue; // a capitalised cue or article: "Bezirk Charlottenburg", "The Hague"
        }
      }
      int last = namedPrefix(words, i, nameEnd(words, i, n, lang, lexicon), n, named);
      int end = words.get(last).end();
      if (listed && !cueBefore && punctuationOnly(source.substring(listEnd, first.start()))
          && !listContinues(words, last, source)) {
        listed = false; // "le maire de la commune de X, <his name>, a dit": an apposition
      }
      int normEnd = normIndex(n, end);
      String key = text.substring(normStart, normEnd);
      if (!(cueBefore || listed || named.contains(key) || capitalisedCueAfter(n, lang, normEnd,
          lexicon) || lexicon.municipalityCueAfter(lang, text, normEnd) >= 0
          && countryRightBefore(text, normStart, matches, namesACountry)
          || countryInBracketsAfter(text, normEnd, matches, namesACountry))) {
        listEnd = -1;
        continue; // a name may start at the next capitalised word ("Ve Treptow-Köpenick")
      }
      listEnd = cueBefore || listed ? end : -1;
      if (!cueBefore && !listed && !named.contains(key)) {
        // a cue after: its name is the last word ("Başkan Yardımcısı Kuzukent Belediyesi")
        i = last;
        normStart = normIndex(n, words.get(i).start());
        key = text.substring(normStart, normEnd);
      }
      int start = words.get(i).start();
      if (!known(out, words.subList(i, last + 1), n, lang, lexicon)
          && key.replace(" ", "").length() >= MIN_LETTERS && !lexicon.isCommonWord(lang, key)) {
        int from = normStart;
        int to = normEnd;
        out.removeIf(m -> m.normStart() >= from && m.normEnd() <= to);
        PlaceMatcher.Match name = new PlaceMatcher.Match(start, end, normStart, normEnd, key,
            List.of(key));
        out.add(name);
        unlisted.add(name);
      }
      i = last;
    }
    if (unlisted.isEmpty()) {
      return new Found(matches, unlisted, parents);
    }
    out.sort(Comparator.comparingInt(PlaceMatcher.Match::start));
    return new Found(out, unlisted, parents);
  }

  /**
   * Han names of districts and counties right after their parent's name and its suffix, with
   * their own suffix after them (韩国仁川广域市桂阳区, 江苏省南通市如东县): a name no gazetteer
   * match covers, or one it matches as a whole (桂阳 is also Guiyang in China; the parent's
   * country decides).
   */
  private static void hanChildren(SurfaceNormalizer.Normalized n, List<PlaceMatcher.Match> matches,
      PlaceLexicon lexicon, List<PlaceMatcher.Match> out, Set<PlaceMatcher.Match> unlisted,
      Map<PlaceMatcher.Match, PlaceMatcher.Match> parents) {
    String text = n.text();
    boolean[] covered = new boolean[text.length()];
    for (PlaceMatcher.Match m : matches) {
      Arrays.fill(covered, m.normStart(), Math.min(m.normEnd(), text.length()), true);
    }
    for (PlaceMatcher.Match parent : matches) {
      if (PlaceMatcher.scriptClass(parent.key().charAt(0)) != PlaceMatcher.HAN) {
        continue;
      }
      int at = parent.normEnd();
      for (String suffix : HAN_PARENT_SUFFIXES) {
        if (text.startsWith(suffix, at)) {
          at += suffix.length();
          break;
        }
      }
      PlaceMatcher.Match named = null; // the gazetteer's own match of the child's name
      int end = at;
      for (PlaceMatcher.Match m : matches) {
        if (m.normStart() == at && m.normEnd() < text.length()
            && HAN_CHILD_SUFFIXES.indexOf(text.charAt(m.normEnd())) >= 0) {
          named = m;
          end = m.normEnd();
        }
      }
      while (named == null && end < text.length() && end - at <= MAX_HAN_CHILD && !covered[end]
          && PlaceMatcher.scriptClass(text.charAt(end)) == PlaceMatcher.HAN
          && HAN_CHILD_SUFFIXES.indexOf(text.charAt(end)) < 0) {
        end++;
      }
      if (end > at && end - at <= MAX_HAN_CHILD && end < text.length()
          && HAN_CHILD_SUFFIXES.indexOf(text.charAt(end)) >= 0) {
        if (end - at > MAX_HAN_CHILD || lexicon.isCommonWord("zh", text.substring(at, end))) {
          continue; // 中心城区: the city centre
        }
        int[] source = n.sourceRange(at, end);
        String key = text.substring(at, end);
        PlaceMatcher.Match child = new PlaceMatcher.Match(source[0], source[1], at, end, key,
            List.of(key));
        out.remove(named);
        out.add(child);
        unlisted.add(child);
        parents.put(child, parent);
      }
    }
  }

  /** A genitive suffix or nothing between a country's name and a name it qualifies. */
  private static final Pattern GENITIVE_GAP = Pattern.compile("^['’]?\\p{L}{0,4}\\s+$");

  /**
   * Whether a country is named right before {@code normStart}, with at most a genitive suffix
   * between ("Kırgızistan'ın Kuzukent ilçesi"): then a lower-case cue after the name is enough.
   */
  private static boolean countryRightBefore(String text, int normStart,
      List<PlaceMatcher.Match> matches, Predicate<PlaceMatcher.Match> namesACountry) {
    for (PlaceMatcher.Match m : matches) {
      if (m.normEnd() <= normStart && normStart - m.normEnd() <= 6
          && GENITIVE_GAP.matcher(text.substring(m.normEnd(), normStart)).matches()
          && namesACountry.test(m)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the name is followed by its country in brackets ("Kuzukent (Niemcy)", "Vlinderwijk
   * (Hongarije)"): the way lists of partner towns write a town of another country.
   */
  private static boolean countryInBracketsAfter(String text, int normEnd,
      List<PlaceMatcher.Match> matches, Predicate<PlaceMatcher.Match> namesACountry) {
    int open = normEnd;
    while (open < text.length() && text.charAt(open) == ' ') {
      open++;
    }
    if (open >= text.length() || text.charAt(open) != '(') {
      return false;
    }
    for (PlaceMatcher.Match m : matches) {
      if (m.normStart() == open + 1 && m.normEnd() < text.length()
          && text.charAt(m.normEnd()) == ')' && namesACountry.test(m)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a gap between names holds only a comma or the like (asides in brackets aside). */
  private static boolean punctuationOnly(String gap) {
    return gap.replaceAll("\\([^()]*\\)", "").replaceAll("[\\s()]", "").length() <= 1;
  }

  /**
   * Whether another capitalised name follows word {@code last} as the next item of a list ("Ubbergen
   * en Groesbeek", "Ubbergen, Groesbeek"): a name after a comma is a list's item only if the list
   * goes on after it or a conjunction brought it.
   */
  private static boolean listContinues(List<Word> words, int last, String source) {
    for (int j = last + 1; j < words.size() && j <= last + 2; j++) {
      Word next = words.get(j);
      if (next.capitalised()) {
        return ListGap.separates(source.substring(words.get(last).end(), next.start()));
      }
    }
    return false;
  }

  /**
   * Whether a municipality cue stands within {@link #CUE_REACH} characters of a word (a name of
   * several words, a Turkish suffix and the spaces between may separate them).
   */
  private static boolean near(BitSet cues, int from, int to) {
    int before = cues.previousSetBit(Math.max(0, from - 1));
    int after = cues.nextSetBit(to);
    return before >= 0 && from - before <= CUE_REACH || after >= 0 && after - to <= CUE_REACH;
  }

  /**
   * Whether a municipality cue follows {@code normEnd} written with a capital, as in an office's
   * name ("Çatalköy Belediye Başkanı", "Canterbury-Bankstown City Council"): after a capitalised
   * word at a sentence start a lower-case one is no proof ("Toplantıya belediye meclisi ...").
   */
  private static boolean capitalisedCueAfter(SurfaceNormalizer.Normalized n, String lang,
      int normEnd, PlaceLexicon lexicon) {
    int at = lexicon.municipalityCueAfter(lang, n.text(), normEnd);
    return at >= 0 && Character.isUpperCase(n.source().codePointAt(n.sourceIndex(at)));
  }

  /**
   * The last word of the name starting at word {@code i}: capitalised words one space apart,
   * with name particles between them ("Los Sauces", "San Pedro de la Paz"), up to a cue.
   */
  private static int nameEnd(List<Word> words, int i, SurfaceNormalizer.Normalized n,
      String lang, PlaceLexicon lexicon) {
    String source = n.source();
    int last = i;
    for (int j = i + 1; j < words.size() && j - i < MAX_WORDS; j++) {
      Word prev = words.get(j - 1);
      Word next = words.get(j);
      if (next.start() != prev.end() + 1 || source.charAt(prev.end()) != ' '
          || lexicon.cueAfter(lang, n.text(), normIndex(n, prev.end()))) {
        break; // "Çatalköy Belediye Başkanı", "Van Büyükşehir": the name ends at a cue
      }
      if (next.capitalised()) {
        if (j + 1 < words.size() && lexicon.municipalityCueBefore(lang, n.text(),
            normIndex(n, words.get(j + 1).start()))) {
          break; // "Charlottenburg der Stadt Berlin": a cue of the next name
        }
        last = j;
      } else if (!lexicon.isNameParticle(lang,
          SurfaceNormalizer.normalize(source.substring(next.start(), next.end())))) {
        break;
      }
    }
    return last;
  }

  /**
   * The last word of the longest name of {@code named} that the words {@code i..last} start
   * with, else {@code last}: a name read elsewhere in the article at the start of a capitalised
   * run ("Treptow-Köpenick Kardeş Şehir Oldu" in a headline).
   */
  private static int namedPrefix(List<Word> words, int i, int last,
      SurfaceNormalizer.Normalized n, Set<String> named) {
    int normStart = normIndex(n, words.get(i).start());
    for (int j = last; j >= i && !named.isEmpty(); j--) {
      if (named.contains(n.text().substring(normStart, normIndex(n, words.get(j).end())))) {
        return j;
      }
    }
    return last;
  }

  /**
   * Whether the gazetteer matched a whole word of the name (not only a part of a hyphenated one,
   * not only an article or particle): then the name is, or starts, a name it has ("mayor of
   * Christchurch Lianne Dalziel", "Cumhurbaşkanı Erdoğan Ankara'da belediye ...").
   */
  private static boolean known(List<PlaceMatcher.Match> matches, List<Word> name,
      SurfaceNormalizer.Normalized n, String lang, PlaceLexicon lexicon) {
    for (Word w : name) {
      int from = normIndex(n, w.start());
      int to = normIndex(n, w.end());
      for (PlaceMatcher.Match m : matches) {
        if (m.normStart() <= from && m.normEnd() >= to && !lexicon.isNameParticle(lang,
            n.text().substring(m.normStart(), m.normEnd()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first normalised offset whose source index is at least {@code sourceIndex}. */
  private static int normIndex(SurfaceNormalizer.Normalized n, int sourceIndex) {
    int lo = 0;
    int hi = n.text().length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (n.sourceIndex(mid) < sourceIndex) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
