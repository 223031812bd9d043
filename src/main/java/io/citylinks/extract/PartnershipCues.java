package io.citylinks.extract;

import io.citylinks.extract.partnership.RelationCue;
import io.citylinks.extract.partnership.TermLexicon;
import io.citylinks.extract.places.PlaceMatcher;
import io.citylinks.extract.places.PlaceResolver;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.Place;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cheap first filter of extraction: may an article report a city partnership? Yes when it
 * has a strong relation cue of {@code conf/extract/partnership-cues.tsv} ({@link RelationCue}:
 * sister city, kardeş şehir, خواهرخوانده, 友好城市, побратим, memorandum...), or a weak one
 * (delegation, visit, agreement) together with a foreign country's name or adjective, a foreign
 * city, or two cities of the home countries. Most municipal news (budgets, roads, weddings, the
 * minister's visit) does not, and skips the Spark NLP and extraction stages. The cue automaton,
 * matched inside words, then the place automaton for the articles with a weak cue only;
 * thread-safe, one per JVM.
 */
public final class PartnershipCues {
  /**
   * A weak cue counts next to a foreign city of this size, or two home cities of this size (a
   * name of four characters at least, capitalised where the script has case).
   */
  static final long CITY_POPULATION = 100_000;
  /** A city of a short Han, kana or Hangul name counts from this size (see minPopulation). */
  static final long CJK_CITY_POPULATION = 500_000;
  /**
   * The place must be named within this many characters of a weak cue (about two sentences):
   * a visit in one paragraph and a foreign country in another do not make a candidate.
   */
  static final int WINDOW = 250;

  private static volatile PartnershipCues shared;

  private final TermLexicon<RelationCue> cues;
  private final PlaceResolver resolver;

  private PartnershipCues(TermLexicon<RelationCue> cues, PlaceResolver resolver) {
    this.cues = cues;
    this.resolver = resolver;
  }

  public static PartnershipCues shared() {
    PartnershipCues c = shared;
    if (c == null) {
      synchronized (PartnershipCues.class) {
        c = shared;
        if (c == null) {
          c = new PartnershipCues(RelationCue.lexicon(), PlaceResolver.shared());
          shared = c;
        }
      }
    }
    return c;
  }

  /** Number of distinct normalised cues. */
  public int size() {
    return cues.size();
  }

  /**
   * The population a city named by {@code key} needs to count: {@link #CITY_POPULATION} for a
   * name of four characters or more; Han, kana and Hangul names are shorter (서울, 金沢, 杭州)
   * and count from {@link #CJK_CITY_POPULATION} with two or three; shorter Latin, Cyrillic or
   * Arabic names never count.
   */
  static long minPopulation(String key) {
    if (key.codePointCount(0, key.length()) >= 4) {
      return CITY_POPULATION;
    }
    int script = PlaceMatcher.scriptClass(key.charAt(0));
    boolean cjk = script == PlaceMatcher.HAN || script == PlaceMatcher.HANGUL;
    return cjk && key.codePointCount(0, key.length()) >= 2 ? CJK_CITY_POPULATION : Long.MAX_VALUE;
  }

  /** Whether a weak cue starts within {@link #WINDOW} characters of {@code at}. */
  private static boolean near(List<Integer> cueStarts, int at) {
    for (int c : cueStarts) {
      if (Math.abs(c - at) <= WINDOW) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code text} may report a partnership: it has a strong cue, or a weak cue and,
   * within {@link #WINDOW} characters of one, the name or adjective of a country outside the home
   * countries of {@code lang}, the name of a city of {@link #CITY_POPULATION} people there, or
   * the names of two such cities in the home countries (names that are not common words of the
   * language).
   */
  public boolean mayReportPartnership(String text, String lang) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    SurfaceNormalizer.Normalized normalised = SurfaceNormalizer.normalizeText(text);
    int[] found = {0}; // 1 weak, 2 strong
    List<Integer> weak = new ArrayList<>();
    cues.scanAll(normalised.text(), (begin, end, byLang) -> {
      for (RelationCue c : byLang.values()) {
        if (c.isRelation()) {
          found[0] = Math.max(found[0], c.strong() ? 2 : 1);
          if (!c.strong()) {
            weak.add(begin);
          }
        }
      }
      return found[0] < 2; // stop at the first strong cue
    });
    if (found[0] != 1) {
      return found[0] == 2;
    }
    // A foreign country's name or adjective, a foreign city, or two cities of the home countries
    // (a domestic agreement), found by the place automaton alone (resolving every article twice
    // would cost as much as the places stage).
    String language = lang == null ? "und" : lang;
    Set<String> home = PlaceResolver.homeCountries(language);
    Set<String> homeCities = new HashSet<>();
    for (PlaceMatcher.Match m : resolver.matcher().find(normalised, language)) {
      if (!near(weak, m.normStart())) {
        continue;
      }
      String surface = text.substring(m.start(), m.end());
      boolean lowerCase = Character.isLowerCase(surface.codePointAt(0));
      for (String key : m.keys()) {
        if (resolver.lexicon().isCommonWord(language, key)) {
          continue;
        }
        for (Gazetteer.Entry e : resolver.matcher().gazetteer().lookupEntries(key)) {
          Place p = e.place();
          boolean city = p.kind() == Place.Kind.CITY && !lowerCase
              && p.population() >= minPopulation(key);
          if (home.contains(p.countryCode())) {
            if (city) {
              homeCities.add(p.id());
            }
            continue;
          }
          boolean country = p.kind() == Place.Kind.COUNTRY
              && (e.lang().equals("*") || e.lang().equals(language))
              && (!lowerCase || e.form() == Gazetteer.Form.COUNTRY_ADJECTIVE);
          if (country || city || homeCities.size() >= 2) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
