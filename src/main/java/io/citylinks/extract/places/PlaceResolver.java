package io.citylinks.extract.places;

import io.citylinks.extract.places.gazetteer.Ascii;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.Gazetteer.Entry;
import io.citylinks.extract.places.gazetteer.Gazetteer.Form;
import io.citylinks.extract.places.gazetteer.Place;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the gazetteer matches of one article into accepted place mentions, in the manner of
 * CLAVIN and Mordecai but without a model: every reading of a name is weighed by the countries
 * the article names (names and adjectives, then the countries of the cities it is sure of), cue
 * words next to the name ("city of", "Belediyesi", 市, "شهر"), a population and feature-rank
 * prior, and a stop-list of names that are common words in the article's language. One name has
 * one sense per article. A mention is reported only when a rule accepts it; the rule's name and
 * a confidence go with it:
 *
 * <ul>
 *   <li>{@code country-name}, {@code country-adjective}: a country by its name or adjective;
 *   <li>{@code city-state}: a capital named like its country (Macau, Singapore);
 *   <li>{@code adjacent-country}: the reading in the country named right next to the name
 *       ("Córdoba, Argentina", "Córdoba (España)", 荷兰海牙, "Bosna Hersek'in Tuzla",
 *       "китайского города Цзинань", "مدينة بوردو الفرنسية");
 *   <li>{@code unique-name}: a large place (≥ 100,000 inhabitants, or a capital or first-level
 *       seat of ≥ 20,000) whose name names no other place, or a unique mid-sized one at home or
 *       in context;
 *   <li>{@code country-context}: the reading in a country the article names, over namesakes;
 *   <li>{@code override}: the reading {@code conf/places/aliases.tsv} adds for the language;
 *   <li>{@code population}: a large place ten times the size of its largest namesake;
 *   <li>{@code home-country}: a mid-sized place in a home country of the article's language
 *       whose namesakes are abroad;
 *   <li>{@code cue}: a smaller place with a cue word next to it;
 *   <li>{@code district}: a district municipality with a cue, at home or in context;
 *   <li>{@code common-word+cue}: a stop-listed name with a cue (or a country next to it);
 *   <li>{@code common-word+country}: a stop-listed name with its country next to it and a cue
 *       or in katakana (フランス・ナント市), sure enough to be a partner;
 *   <li>{@code list}: a name listed with accepted cities, read as if a cue stood next to it;
 *   <li>{@code unlisted}, {@code after-parent}: a municipality or district the gazetteer lacks,
 *       or has only elsewhere, read from its cue or its parent ({@link UnlistedNames}; id
 *       {@code unlisted:CC:name});
 *   <li>{@code ambiguous}: a large place with namesakes of similar size and nothing to choose
 *       by: reported with confidence 0.5 rather than guessed with more.
  * </ul>
 *
 * Thread-safe; {@link #shared} is one per JVM.
 */
public final class PlaceResolver {
  /** Large: accepted on its name alone when nothing competes. */
  static final long MAJOR_POPULATION = 100_000;
  /** A small home-country town named this often, inside sentences, is the town. */
  static final int REPEATED_SMALL_PLACE = 2;
  /** Mid-sized: accepted with a country in context or a cue. */
  static final long MID_POPULATION = 15_000;
  /** A foreign place named in Arabic or Han script, with no country context, must be this big. */
  static final long FOREIGN_UNCASED_POPULATION = 300_000;
  /** A capital or first-level seat counts as large from this size. */
  static final long CAPITAL_POPULATION = 20_000;
  /** A large home-country city this many times larger than a namesake in context wins. */
  static final long HOME_CITY_SIZE_RATIO = 20;
  /** A national capital or a city this large is known beyond any article's context. */
  static final long WORLD_CITY_POPULATION = 1_000_000;
  /** A world city wins over a namesake in context this many times smaller. */
  static final long WORLD_CITY_SIZE_RATIO = 100;
  /**
   * How many times larger a place must be to stay the best reading against one in a country
   * only the article's other cities (not its words) are in, unless that one is the country's
   * capital.
   */
  static final double CITY_CONTEXT_SIZE_RATIO = 3;
  /** A municipality the gazetteer lacks, with its country named next to it. */
  static final double UNLISTED_ADJACENT_CONFIDENCE = 0.7;
  /** A district or county the gazetteer lacks, written after its city or province. */
  static final double UNLISTED_DISTRICT_CONFIDENCE = 0.8;
  /** A municipality the gazetteer lacks, its country taken from the article. */
  static final double UNLISTED_CONFIDENCE = 0.6;
  /**
   * Ids of municipalities the gazetteer lacks: this, the country code, ':' and the normalised
   * ASCII name ({@code unlisted:TR:catalkoy}).
   */
  public static final String UNLISTED_ID_PREFIX = "unlisted:";
  /** An alternate name's place weighs this many times less against a place's own name. */
  static final long ALIAS_RIVAL_SHARE = 10;
  /** A city this sure anchors a list ({@link #resolveListed}): any rule but {@code ambiguous}. */
  static final double LIST_ANCHOR_CONFIDENCE = 0.6;
  /** A list grows by at most this many names on each side of its anchors. */
  static final int MAX_LIST_ROUNDS = 6;
  /** Names in a row that make a list by themselves, with no sure item to anchor it. */
  static final int MIN_SELF_LIST = 3;
  /**
   * A name in Han, kana, Hangul or Arabic script right before a Latin gloss in brackets, as
   * normalised text: "马里卡市(marica)".
   */
  private static final Pattern GLOSS = Pattern.compile("([\\p{IsHan}\\p{IsKatakana}\\p{IsHangul}"
      + "\\p{IsArabic}ー]+) ?[(（] ?(\\p{IsLatin}[\\p{IsLatin}' .-]*\\p{IsLatin}) ?[)）]");
  /** Administrative suffixes a glossed name is written with or without (市, 区, 시...). */
  private static final String GLOSS_SUFFIXES = "市区县州郡镇村町區縣鎮시구군";
  /** A glossed name has at least this many characters without its suffix. */
  private static final int MIN_GLOSSED = 2;
  /** A Han name of two characters is a common word too often; below this it needs 市 or a cue. */
  static final long HAN_SHORT_POPULATION = 2_000_000;

  /**
   * The countries where a language is at home: their places count as in context in an article
   * of that language (an Arabic article's towns are mostly in the Arab world). English has none.
   */
  private static final Map<String, Set<String>> HOME_COUNTRIES = Map.ofEntries(
      Map.entry("tr", Set.of("TR", "CY")),
      Map.entry("fa", Set.of("IR", "AF", "TJ")),
      Map.entry("zh", Set.of("CN", "TW", "HK", "MO", "SG")),
      Map.entry("ru", Set.of("RU", "BY")),
      Map.entry("ar", Set.of("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
          "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE")),
      Map.entry("es", Set.of("ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO",
          "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY", "PR")),
      Map.entry("pt", Set.of("PT", "BR", "AO", "MZ")),
      Map.entry("fr", Set.of("FR", "BE", "CH", "LU", "MC")),
      Map.entry("de", Set.of("DE", "AT", "CH")),
      Map.entry("it", Set.of("IT", "SM", "CH")),
      Map.entry("ja", Set.of("JP")),
      Map.entry("ko", Set.of("KR")),
      Map.entry("uk", Set.of("UA")),
      Map.entry("pl", Set.of("PL")),
      Map.entry("nl", Set.of("NL", "BE")));

  /** The home countries of a language (empty for English and unknown languages). */
  public static Set<String> homeCountries(String lang) {
    return HOME_COUNTRIES.getOrDefault(lang == null ? "und" : lang, Set.of());
  }

  private static volatile PlaceResolver shared;

  private final PlaceMatcher matcher;
  private final PlaceLexicon lexicon;
  /**
   * Built on the first Hangul, Cyrillic, Han or Arabic sentence (~460,000 Latin keys, 2–5 s).
   */
  private volatile TransliteratedNames transliterated;

  public PlaceResolver(PlaceMatcher matcher, PlaceLexicon lexicon) {
    this.matcher = matcher;
    this.lexicon = lexicon;
  }

  private TransliteratedNames transliterated() {
    TransliteratedNames t = transliterated;
    if (t == null) {
      synchronized (this) {
        t = transliterated;
        if (t == null) {
          t = new TransliteratedNames(matcher.gazetteer());
          transliterated = t;
        }
      }
    }
    return t;
  }

  /**
   * The resolver over the shared gazetteer, its matcher and the conf dir's word lists, built on
   * first use and shared by the JVM (one per executor).
   */
  public static PlaceResolver shared() {
    PlaceResolver r = shared;
    if (r == null) {
      synchronized (PlaceResolver.class) {
        r = shared;
        if (r == null) {
          r = new PlaceResolver(new PlaceMatcher(Gazetteer.shared()), PlaceLexicon.load());
          shared = r;
        }
      }
    }
    return r;
  }

  public PlaceMatcher matcher() {
    return matcher;
  }

  public PlaceLexicon lexicon() {
    return lexicon;
  }

  /** One occurrence of a name in the article. */
  private record Occurrence(int sentence, PlaceMatcher.Match match, String surface) {}

  /** How an occurrence may be read: as anything, as a country only, as an adjective only. */
  private enum Mode {
    ANY,
    /** After an article or a person's title: a country ("the Netherlands"), never a city. */
    COUNTRY_ONLY,
    /** Lower case in a cased script: only a country adjective ("chinois", "китайский"). */
    ADJECTIVE_ONLY
  }

  /** All occurrences of one name (set of gazetteer keys) and its readings. */
  private static final class Group {
    final List<Occurrence> occurrences = new ArrayList<>();
    final Map<String, Entry> places = new LinkedHashMap<>(); // place id → best reading, ranked
    final Set<Integer> sentences = new HashSet<>();
    Mode mode = Mode.ANY;
    /** Every occurrence is at a sentence start or part of a longer name. */
    boolean allWeak = true;
    /** Every occurrence is part of a longer name (a person's, an organisation's, a compound). */
    boolean allPartOfName = true;
    /**
     * Some occurrence follows a title and a given name ("Başkanı Ekrem İmamoğlu", "Mayor Jane
     * Paris"): the name is a person's surname, and so are its other occurrences in the article.
     */
    boolean surname;
    boolean cue;
    boolean apostropheSuffix;
    boolean commonWord;
    /** Some occurrence is capitalised in a cased script, inside a sentence, alone. */
    boolean capitalisedInside;
    boolean hanShort;
    boolean withShi; // the name carries 市
    /** The name's keys and mode, without what sets its occurrences apart. */
    String name;
    /** Listed with cities already accepted ("Kranenburg, Ubbergen en Groesbeek"): a cue. */
    boolean listed;
    /**
     * Found by another spelling ({@link TransliteratedNames}): the places it may be; null for a
     * name the gazetteer has as written.
     */
    Set<String> transliterated;
    /** A municipality's name the gazetteer lacks, read from its cue ({@link UnlistedNames}). */
    boolean unlisted;
    /** The match of the place an unlisted Han district's or county's name follows. */
    PlaceMatcher.Match parent;
    Place chosen;
    /** The country named right after the name ("Córdoba, Argentina"): it decides this one. */
    String adjacentCountry;
    /** The state or province named right after it ("Springfield, Illinois"), or null. */
    Subdivisions.Subdivision adjacentSubdivision;
    /** The country this name names, for context (also when the place is a city-state). */
    String country;
    String rule;
    double confidence;
  }

  /**
   * The accepted place mentions of one article, in text order.
   *
   * @param sentences the article's sentences
   * @param lang the article's language (ISO 639-1; "und" or null when unknown)
   */
  public List<PlaceMention> resolve(List<String> sentences, String lang) {
    String language = lang == null ? "und" : lang;
    Map<String, PlaceMatcher.Match> glossed = glossedNames(sentences, language);
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Set<String>> sentenceCountries = new ArrayList<>();
    List<String> normalised = new ArrayList<>();
    List<SurfaceNormalizer.Normalized> texts = new ArrayList<>();
    List<List<PlaceMatcher.Match>> matched = new ArrayList<>();
    List<UnlistedNames.Found> unlistedFirst = new ArrayList<>();
    Set<String> unlistedKeys = new HashSet<>();
    Map<PlaceMatcher.Match, Group> groupOf = new IdentityHashMap<>();
    for (String sentence : sentences) {
      boolean empty = sentence == null || sentence.isEmpty();
      SurfaceNormalizer.Normalized n = empty ? null : SurfaceNormalizer.normalizeText(sentence);
      List<PlaceMatcher.Match> matches = empty ? List.of() : matcher.find(n, language);
      texts.add(n);
      matched.add(matches);
      // a name read as a municipality next to its cue is one wherever the article writes it
      UnlistedNames.Found first =
          empty ? null
              : UnlistedNames.find(n, language, matches, lexicon, Set.of(), this::namesACountry);
      unlistedFirst.add(first);
      if (first != null) {
        first.unlisted().forEach(m -> unlistedKeys.add(m.key()));
      }
    }
    for (int s = 0; s < sentences.size(); s++) {
      sentenceCountries.add(new HashSet<>());
      normalised.add("");
      String sentence = sentences.get(s);
      if (sentence == null || sentence.isEmpty()) {
        continue;
      }
      SurfaceNormalizer.Normalized n = texts.get(s);
      normalised.set(s, n.text());
      List<PlaceMatcher.Match> matches = matched.get(s);
      Map<PlaceMatcher.Match, Set<String>> spelt = new IdentityHashMap<>();
      if (transliterable(n.text())) {
        String normText = n.text();
        List<TransliteratedNames.Spelt> found = transliterated().find(n, language, matches,
            at -> lexicon.cueBefore(language, normText, at));
        if (!found.isEmpty()) {
          matches = new ArrayList<>(matches);
          for (TransliteratedNames.Spelt t : found) {
            if (t.sameSpan()) {
              // the exact match's readings and those of its other spelling compete as one name
              matches.removeIf(m -> m.normStart() == t.match().normStart()
                  && m.normEnd() == t.match().normEnd());
            } else {
              // a shorter name inside it gives way (a Chinese name read by its sound)
              matches.removeIf(m -> m.normStart() >= t.match().normStart()
                  && m.normEnd() <= t.match().normEnd());
              spelt.put(t.match(), t.placeIds());
            }
            matches.add(t.match());
          }
          matches.sort(Comparator.comparingInt(PlaceMatcher.Match::start));
        }
      }
      if (!glossed.isEmpty()) {
        matches = withGlossedNames(n, matches, glossed);
      }
      matches = withNamesSpeltBeforeTheirCountry(n, language, matches, spelt);
      UnlistedNames.Found named = matches == matched.get(s) && unlistedKeys.isEmpty()
          ? unlistedFirst.get(s) // the same question as the first pass asked
          : UnlistedNames.find(n, language, matches, lexicon, unlistedKeys, this::namesACountry);
      matches = named.matches();
      int subdivisionEnd = -1;
      for (int i = 0; i < matches.size(); i++) {
        PlaceMatcher.Match m = nameBeforeAState(n, matches.get(i));
        Set<String> speltAs = spelt.get(m);
        boolean transliteratedName = speltAs != null;
        boolean unlistedName = named.unlisted().contains(matches.get(i));
        PlaceMatcher.Match parent = named.parents().get(matches.get(i));
        String surface = sentence.substring(m.start(), m.end());
        String text = n.text();
        String adjacent;
        if (PlaceMatcher.scriptClass(m.key().charAt(0)) == PlaceMatcher.HAN
            || PlaceMatcher.katakana(m.key().charAt(0))) {
          // Chinese names the country first: 荷兰海牙, 土耳其伊兹密尔; Japanese with の or ・
          // between them: 日本の明石市, 中国・無錫市, フランス・ナント市
          adjacent = i > 0 && hanAdjacent(text, matches.get(i - 1).normEnd(), m.normStart())
              ? countryOf(matches.get(i - 1)) : null;
        } else {
          adjacent = i + 1 < matches.size()
              ? adjacentCountry(text, m, matches.get(i + 1)) : null;
        }
        if (adjacent == null && transliteratedName) {
          adjacent = countryJustBefore(text, matches, i);
        } else if (adjacent == null
            && PlaceMatcher.scriptClass(m.key().charAt(0)) != PlaceMatcher.HAN) {
          adjacent = countryRightBefore(text, matches, i);
        }
        Subdivisions.Subdivision subdivision = null;
        if (m.normStart() < subdivisionEnd) {
          continue; // the state of the name before: "Springfield, Illinois"
        }
        Subdivisions.Named state = lexicon.subdivisions().after(n, m.normEnd());
        if (state != null) {
          subdivision = subdivisionOf(m, state);
          if (subdivision != null) {
            adjacent = subdivision.country();
            subdivisionEnd = state.end();
          }
        }
        boolean cue = lexicon.hasCue(language, text, m.normStart(), m.normEnd())
            || cueAcrossAName(n, m, language) || TownAdjectives.isAdjective(m, text, language);
        if (lexicon.regionFollows(language, text, m.normEnd())
            || hanRegionAhead(language, text, m)
            || japanesePrefecture(language, text, m)
            || !cue && (lexicon.regionCue(language, text, m.normStart(), m.normEnd())
            || "성현".indexOf(hangulSuffix(text, m)) >= 0)) {
          continue; // "Shandong province", "İzmir ili": the region, not its city
        }
        Mode mode = Mode.ANY;
        if (startsLowerCase(surface) || lastWordLowerCase(surface)) {
          mode = Mode.ADJECTIVE_ONLY;
        } else if (!cue && (lexicon.afterArticle(language, text, m.normStart())
            || lexicon.afterTitle(language, text, m.normStart()))) {
          mode = Mode.COUNTRY_ONLY;
        }
        Mode groupMode = mode;
        Group g = groups.computeIfAbsent(
            (transliteratedName ? "T|" : unlistedName ? "U|" : "") + mode + "|" + adjacent + "|"
                + subdivision + "|" + String.join("|", m.keys()),
            k -> newGroup(m, language, groupMode));
        g.name = mode + "|" + String.join("|", m.keys());
        g.transliterated = speltAs;
        g.unlisted = unlistedName;
        g.parent = g.parent != null ? g.parent : parent;
        groupOf.put(matches.get(i), g);
        g.adjacentCountry = adjacent;
        g.adjacentSubdivision = subdivision;
        boolean apostrophe = language.equals("tr") && m.normEnd() + 1 < text.length()
            && text.charAt(m.normEnd()) == '\''
            && Character.isLetter(text.charAt(m.normEnd() + 1));
        boolean cased = isCased(surface);
        boolean partOfName = cased && (compound(text, m)
            || !language.equals("de") && nameLike(n, m));
        boolean weak = partOfName || cased && !language.equals("de")
            && sentenceInitial(text, m.normStart()) && !capitalisedLaterWord(surface);
        g.occurrences.add(new Occurrence(s, m, surface));
        g.sentences.add(s);
        g.cue |= cue;
        g.apostropheSuffix |= apostrophe;
        // Korean writes the city's or district's suffix onto its name: 수원시와, 도봉구는
        g.withShi |= TransliteratedNames.HANGUL_ADMINISTRATIVE.indexOf(hangulSuffix(text, m)) >= 0
            || transliteratedName && m.normEnd() < text.length()
                && TransliteratedNames.HAN_SUFFIXES.indexOf(text.charAt(m.normEnd())) >= 0;
        g.allWeak &= weak;
        g.allPartOfName &= partOfName;
        g.surname |= cased && !cue && (afterTitledGivenName(n, m, language)
            || afterCapitalisedSurname(n, m, language));
        g.capitalisedInside |= cased && !weak && mode == Mode.ANY;
      }
    }
    Set<String> articleCountries = new HashSet<>();
    // Pass 1: countries, from names and adjectives.
    for (Group g : groups.values()) {
      resolveCountry(g, language);
      if (g.country != null && g.confidence >= 0.75) {
        articleCountries.add(g.country);
        for (int s : g.sentences) {
          sentenceCountries.get(s).add(g.country);
        }
      }
    }
    // Pass 2: cities and districts; pass 3 adds the countries of the cities it is sure of.
    for (int round = 0; round < 2; round++) {
      Set<String> context = new HashSet<>(articleCountries);
      for (Group g : groups.values()) {
        if (g.country != null) {
          continue; // a country (or city-state) from pass 1
        }
        resolveCity(g, language, context, sentenceCountries);
        if (round == 0 && g.chosen != null && g.confidence >= 0.75 && !g.allWeak) {
          articleCountries.add(g.chosen.countryCode());
        }
      }
    }
    resolveListed(groups, normalised, language, articleCountries, sentenceCountries);
    resolveUnlisted(groups.values(), groupOf, language, articleCountries, sentenceCountries);
    oneSensePerName(groups.values());
    if ("zh".equals(language)) {
      countiesByTheirOwnNames(groups.values(), texts);
    }
    List<PlaceMention> out = new ArrayList<>();
    for (Group g : groups.values()) {
      if (g.chosen == null) {
        continue;
      }
      Place p = g.chosen;
      for (Occurrence o : g.occurrences) {
        // an alias that starts with a cue ("cidade de Macau", "Città di San Marino") is
        // reported from its first capital on
        int start = o.match().start();
        String surface = o.surface();
        if (!surface.isEmpty() && Character.isLowerCase(surface.codePointAt(0))) {
          int cap = firstCapital(surface);
          if (cap > 0) {
            start += cap;
            surface = surface.substring(cap);
          }
        }
        out.add(new PlaceMention(o.sentence(), start, o.match().end(), surface,
            p.id(), p.name(), p.countryCode(), p.kind().name().toLowerCase(java.util.Locale.ROOT),
            g.confidence, g.rule));
      }
    }
    out.sort(Comparator.comparingInt(PlaceMention::sentenceIdx)
        .thenComparingInt(PlaceMention::start));
    return out;
  }

  /**
   * Names in another script that the article glosses with their Latin spelling in brackets
   * ("巴西马里卡市(Marica)", "ダニーデン(Dunedin)", "مدينة بوردو (Bordeaux)"), without their
   * administrative suffix: each stands for the gazetteer match of its gloss wherever the article
   * writes it. A gloss the gazetteer does not know glosses nothing.
   */
  private Map<String, PlaceMatcher.Match> glossedNames(List<String> sentences, String language) {
    Map<String, PlaceMatcher.Match> glossed = new HashMap<>();
    for (String sentence : sentences) {
      if (sentence == null || sentence.indexOf('(') < 0 && sentence.indexOf('（') < 0
          || !GLOSS.matcher(sentence).find()) {
        continue;
      }
      SurfaceNormalizer.Normalized n = SurfaceNormalizer.normalizeText(sentence);
      Matcher g = GLOSS.matcher(n.text());
      List<PlaceMatcher.Match> matches = null;
      while (g.find()) {
        if (matches == null) {
          matches = matcher.find(n, language);
        }
        PlaceMatcher.Match latin = null;
        // where the name may start: the run's start or the end of a place named in it
        TreeSet<Integer> starts = new TreeSet<>(List.of(g.start(1)));
        for (PlaceMatcher.Match m : matches) {
          if (m.normStart() == g.start(2) && m.normEnd() == g.end(2)) {
            latin = m;
          } else if (m.normEnd() > g.start(1) && m.normEnd() < g.end(1)) {
            // 巴西|里约热内卢|州|马里|卡市: Mali or part of the name; a suffix goes with the place
            starts.add(m.normEnd());
            if (GLOSS_SUFFIXES.indexOf(n.text().charAt(m.normEnd())) >= 0) {
              starts.add(m.normEnd() + 1);
            }
          }
        }
        if (latin == null) {
          continue;
        }
        int end = g.end(1);
        while (end > g.start(1) && GLOSS_SUFFIXES.indexOf(n.text().charAt(end - 1)) >= 0) {
          end--;
        }
        // the longest ending that sounds like the gloss, else the part after the last place
        String sound = TransliteratedNames.skeleton(g.group(2));
        Integer from = null;
        for (int start : starts) {
          String reading = start < end
              ? TransliteratedNames.latinReading(n.text().substring(start, end)) : null;
          if (reading != null && TransliteratedNames.skeleton(reading).equals(sound)) {
            from = start;
            break;
          }
        }
        if (from == null) {
          from = starts.last();
        }
        if (end - from >= MIN_GLOSSED) {
          glossed.putIfAbsent(n.text().substring(from, end), latin);
        }
      }
    }
    return glossed;
  }

  /** {@code matches} and, where no match is, each glossed name the sentence writes. */
  private static List<PlaceMatcher.Match> withGlossedNames(SurfaceNormalizer.Normalized n,
      List<PlaceMatcher.Match> matches, Map<String, PlaceMatcher.Match> glossed) {
    String text = n.text();
    List<PlaceMatcher.Match> out = null;
    for (Map.Entry<String, PlaceMatcher.Match> e : glossed.entrySet()) {
      for (int at = text.indexOf(e.getKey()); at >= 0; at = text.indexOf(e.getKey(), at + 1)) {
        int from = at;
        int to = at + e.getKey().length();
        List<PlaceMatcher.Match> current = out == null ? matches : out;
        // a shorter name inside it gives way (马里, Mali, in 马里卡); one across its edge does not
        if (current.stream().anyMatch(m -> m.normStart() < to && from < m.normEnd()
            && (m.normStart() < from || m.normEnd() > to))) {
          continue;
        }
        int[] src = n.sourceRange(from, to);
        if (out == null) {
          out = new ArrayList<>(matches);
        }
        out.removeIf(m -> m.normStart() >= from && m.normEnd() <= to);
        out.add(new PlaceMatcher.Match(src[0], src[1], from, to, e.getValue().key(),
            e.getValue().keys()));
      }
    }
    if (out == null) {
      return matches;
    }
    out.sort(Comparator.comparingInt(PlaceMatcher.Match::start));
    return out;
  }

  /**
   * Whether a Chinese text names a Japanese prefecture: a prefectural capital's name followed by
   * 县 or 府 (和歌山县, 大阪府), with no Chinese place of that name with people, is the prefecture
   * (Japanese 県), not its city; a Chinese county's 县 stays a municipality.
   */
  private boolean japanesePrefecture(String language, String text, PlaceMatcher.Match m) {
    if (!"zh".equals(language) || m.normEnd() >= text.length()
        || "县縣府".indexOf(text.charAt(m.normEnd())) < 0) {
      return false;
    }
    boolean prefecture = false;
    for (String key : m.keys()) {
      for (Entry e : matcher.gazetteer().lookupEntries(key)) {
        Place p = e.place();
        if (TransliteratedNames.CHINESE.contains(p.countryCode()) && p.population() > 0) {
          return false;
        }
        prefecture |= p.countryCode().equals("JP") && p.featureCode().equals("PPLA");
      }
    }
    return prefecture;
  }

  /**
   * Whether a Han name is the start of a longer region's name: one to three more characters,
   * none of them 市, 县 or 区, then a region word ("达尔汗乌拉省", Darkhan-Uul province, is not
   * Darkhan).
   */
  private boolean hanRegionAhead(String language, String text, PlaceMatcher.Match m) {
    if (PlaceMatcher.scriptClass(m.key().charAt(0)) != PlaceMatcher.HAN || namesACountry(m)) {
      return false; // 美国加州: the country, then its state
    }
    for (int k = m.normEnd() + 1; k <= Math.min(text.length(), m.normEnd() + 3); k++) {
      char c = text.charAt(k - 1);
      if (PlaceMatcher.scriptClass(c) != PlaceMatcher.HAN || "市县区".indexOf(c) >= 0) {
        return false;
      }
      if (lexicon.regionFollows(language, text, k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link TransliteratedNames} may find anything: Hangul, Cyrillic, Han or Arabic text. */
  private static boolean transliterable(String text) {
    for (int i = 0; i < text.length(); i++) {
      int cls = PlaceMatcher.scriptClass(text.charAt(i));
      if (cls == PlaceMatcher.HANGUL || cls == PlaceMatcher.CYRILLIC || cls == PlaceMatcher.HAN
          || cls == PlaceMatcher.ARABIC) {
        return true;
      }
    }
    return false;
  }

  /** A spelt name's country may stand this many characters before it, a state between them. */
  private static final int COUNTRY_REACH = 12;

  /**
   * The country named shortly before match {@code i}, past the names of its regions
   * ("미국 위스콘신주 매니토웍시", "Канада, провінція Квебек, громада ..."), or null.
   */
  private String countryJustBefore(String text, List<PlaceMatcher.Match> matches, int i) {
    int from = matches.get(i).normStart();
    for (int j = i - 1; j >= 0; j--) {
      PlaceMatcher.Match before = matches.get(j);
      if (from - before.normEnd() > COUNTRY_REACH || before.normEnd() > from) {
        return null;
      }
      String country = countryOf(before);
      if (country != null) {
        return country;
      }
      from = before.normStart();
    }
    return null;
  }

  /**
   * The country a country name or adjective right before match {@code i} names, in the same
   * phrase: "Bosna Hersek'in Tuzla Belediyesi", "китайского города Цзинань", "the Chinese city
   * of Jinan", "la ciudad china de Chengdu" (in Arabic script by a name only); at most
   * {@link #COUNTRY_REACH} characters between them, none a punctuation mark. Null otherwise.
   */
  private String countryRightBefore(String text, List<PlaceMatcher.Match> matches, int i) {
    if (i == 0) {
      return null;
    }
    PlaceMatcher.Match m = matches.get(i);
    int b = i - 1;
    while (b > 0 && afterApostrophe(text, matches.get(b))) {
      b--; // a suffix the gazetteer also has as a name: "Almanya'nın" is not a town Nin
    }
    PlaceMatcher.Match before = matches.get(b);
    if (before.normEnd() >= m.normStart()
        || m.normStart() - before.normEnd() > COUNTRY_REACH) {
      return null;
    }
    String gap = text.substring(before.normEnd(), m.normStart());
    if (!gap.strip().isEmpty() && !PHRASE_GAP.matcher(gap).matches()
        || ListGap.coordinates(gap)) {
      return null; // "Radevormwald in Germany and Châteaubriant": Germany is the first one's
    }
    // Arabic and Persian adjectives follow their noun: one before a name qualifies something
    // else ("المملكة الأردنية الهاشمية")
    return countryOf(before, PlaceMatcher.scriptClass(m.key().charAt(0)) != PlaceMatcher.ARABIC);
  }

  private static boolean afterApostrophe(String text, PlaceMatcher.Match m) {
    return m.normStart() > 0 && text.charAt(m.normStart() - 1) == '\'';
  }

  /** Words (and a genitive suffix) with no punctuation between: one phrase. */
  private static final Pattern PHRASE_GAP = Pattern.compile("^['’]?[\\p{L}\\p{M}\\s]*$");

  /**
   * The name alone when an alias with a cue ("city of springfield", a GeoNames name of one
   * Springfield) stands before a state: "the City of Springfield, Illinois" is the name
   * "springfield" in Illinois. Else {@code m}.
   */
  private PlaceMatcher.Match nameBeforeAState(SurfaceNormalizer.Normalized n,
      PlaceMatcher.Match m) {
    int of = m.key().lastIndexOf(" of ");
    if (of < 0 || lexicon.subdivisions().after(n, m.normEnd()) == null) {
      return m;
    }
    String name = m.key().substring(of + 4);
    int start = m.normEnd() - name.length();
    if (start <= m.normStart() || !n.text().startsWith(name, start)
        || matcher.gazetteer().lookupEntries(name).isEmpty()) {
      return m;
    }
    int[] range = n.sourceRange(start, m.normEnd());
    return new PlaceMatcher.Match(range[0], range[1], start, m.normEnd(), name, List.of(name));
  }

  /**
   * The subdivision of {@code state} that has a place named by {@code m} ("Portland, Maine" is
   * Portland in Maine), or null when none has one (then the name after the comma is something
   * else: "Paris, Georgia" may list a country).
   */
  private Subdivisions.Subdivision subdivisionOf(PlaceMatcher.Match m, Subdivisions.Named state) {
    for (Subdivisions.Subdivision sub : state.subdivisions()) {
      for (String key : m.keys()) {
        for (Entry e : matcher.gazetteer().lookupEntries(key)) {
          Place p = e.place();
          if (p.kind() != Place.Kind.COUNTRY && p.countryCode().equals(sub.country())
              && p.admin1().equals(sub.admin1())) {
            return sub;
          }
        }
      }
    }
    return null;
  }

  /** A name found by its sound before its country has at least this many letters. */
  private static final int MIN_SPELT_BEFORE_COUNTRY = 4;

  /**
   * A name in Latin letters right before the country it lies in ("Aleksandrii na Ukrainie") that
   * the gazetteer spells otherwise there: looked up in that country by its sound ({@link
   * TransliteratedNames#bySoundIn}). A name the matcher found with no reading in that country
   * gets those readings too; a capitalised word it did not find becomes a name (in {@code
   * spelt}) after a municipal cue only ("the town of Pępowo, Poland").
   */
  private List<PlaceMatcher.Match> withNamesSpeltBeforeTheirCountry(
      SurfaceNormalizer.Normalized n, String language, List<PlaceMatcher.Match> matches,
      Map<PlaceMatcher.Match, Set<String>> spelt) {
    String text = n.text();
    List<PlaceMatcher.Match> out = matches;
    for (int i = 0; i < matches.size(); i++) {
      PlaceMatcher.Match next = matches.get(i);
      if (PlaceMatcher.scriptClass(next.key().charAt(0)) != PlaceMatcher.ALPHA) {
        continue;
      }
      // the text first, the gazetteer only for a match a word and a comma or connector precede
      int end = wordBeforeCountry(text, next.normStart());
      int start = end;
      while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
        start--;
      }
      if (end - start < MIN_SPELT_BEFORE_COUNTRY
          || PlaceMatcher.scriptClass(text.charAt(start)) != PlaceMatcher.ALPHA
          || start > 0 && text.charAt(start - 1) == '-') {
        continue;
      }
      String country = countryOf(next);
      if (country == null) {
        continue;
      }
      PlaceMatcher.Match before = i > 0 ? matches.get(i - 1) : null;
      PlaceMatcher.Match replaced = null;
      if (before != null && before.normEnd() == end && !spelt.containsKey(before)) {
        if (countryOf(before) != null || inCountry(before, country)) {
          continue;
        }
        replaced = before;
        start = before.normStart();
      } else if (before != null && before.normEnd() > start
          || !Character.isUpperCase(n.source().charAt(n.sourceIndex(start)))
          || !lexicon.hasCue(language, text, start, end)) {
        continue;
      }
      Map<String, String> sounded = transliterated().bySoundIn(text.substring(start, end), country);
      if (sounded.isEmpty()) {
        continue;
      }
      if (out == matches) {
        out = new ArrayList<>(matches);
      }
      List<String> keys = new ArrayList<>();
      if (replaced != null) {
        keys.addAll(replaced.keys());
      }
      sounded.values().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
      int[] range = n.sourceRange(start, end);
      PlaceMatcher.Match m = new PlaceMatcher.Match(range[0], range[1], start, end,
          replaced != null ? replaced.key() : text.substring(start, end), List.copyOf(keys));
      if (replaced != null) {
        out.set(out.indexOf(replaced), m);
      } else {
        out.add(out.indexOf(next), m);
        spelt.put(m, Set.copyOf(sounded.keySet()));
      }
    }
    return out;
  }

  /**
   * Where the word before a country's name ends when only a comma, a bracket or a connector
   * stands between them ("X, Ukraine", "X (Ukraine)", "X na Ukrainie"); else -1.
   */
  private static int wordBeforeCountry(String text, int countryStart) {
    int at = countryStart;
    while (at > 0 && " ,(".indexOf(text.charAt(at - 1)) >= 0) {
      at--;
    }
    if (at == countryStart || at == 0) {
      return -1;
    }
    if (text.charAt(countryStart - 1) == ' ' && text.charAt(at) != ',' && text.charAt(at) != '(') {
      // "… na Ukrainie": a connector word before the country
      int word = at;
      while (word > 0 && Character.isLetter(text.charAt(word - 1))) {
        word--;
      }
      if (word == at || !COUNTRY_CONNECTORS.contains(text.substring(word, at))) {
        return -1;
      }
      at = word;
      while (at > 0 && text.charAt(at - 1) == ' ') {
        at--;
      }
      if (at == word) {
        return -1;
      }
    }
    return at;
  }

  /** Whether some reading of a match is a place in {@code country}. */
  private boolean inCountry(PlaceMatcher.Match m, String country) {
    for (String key : m.keys()) {
      for (Entry e : matcher.gazetteer().lookupEntries(key)) {
        if (e.place().countryCode().equals(country)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Words that may stand between a place and its country: "Córdoba in Spain", "… en España". */
  private static final Set<String> COUNTRY_CONNECTORS =
      Set.of("in", "en", "em", "na", "no", "a", "au", "im", "di", "in der", "de", "della",
          "w", "we");

  /**
   * The country code of the next match when it is a country named right after {@code m}
   * ("Córdoba, Argentina", "Córdoba (España)", "Córdoba in Spain"), else null.
   */
  private String adjacentCountry(String text, PlaceMatcher.Match m, PlaceMatcher.Match next) {
    String gap = text.substring(m.normEnd(), next.normStart()).replaceAll("[\\s,(\\-–—]+", " ")
        .strip();
    if (gap.length() > 6 || !(gap.isEmpty() || COUNTRY_CONNECTORS.contains(gap))) {
      return null;
    }
    if (gap.isEmpty() && m.normEnd() == next.normStart()) {
      return null; // touching: one word, not "place, country"
    }
    // Arabic and Persian put the adjective after the name: "مدينة بوردو الفرنسية"
    return countryOf(next, PlaceMatcher.scriptClass(m.key().charAt(0)) == PlaceMatcher.ARABIC);
  }

  /** The country a match names by its name (one country only), else null. */
  private boolean namesACountry(PlaceMatcher.Match match) {
    return countryOf(match) != null;
  }

  private String countryOf(PlaceMatcher.Match match) {
    return countryOf(match, false);
  }

  /** As {@link #countryOf(PlaceMatcher.Match)}, by its adjective too when {@code adjective}. */
  private String countryOf(PlaceMatcher.Match match, boolean adjective) {
    String country = null;
    for (String key : match.keys()) {
      for (Entry e : matcher.gazetteer().lookupEntries(key)) {
        if (e.place().kind() == Place.Kind.COUNTRY && (e.form() == Form.COUNTRY_NAME
            || adjective && e.form() == Form.COUNTRY_ADJECTIVE)) {
          if (country != null && !country.equals(e.place().countryCode())) {
            return null;
          }
          country = e.place().countryCode();
        }
      }
    }
    return country;
  }

  private Group newGroup(PlaceMatcher.Match m, String lang, Mode mode) {
    Group g = new Group();
    g.mode = mode;
    Gazetteer gaz = matcher.gazetteer();
    List<Entry> entries = new ArrayList<>();
    for (String key : m.keys()) {
      entries.addAll(gaz.lookupEntries(key));
      g.commonWord |= lexicon.isCommonWord(lang, key);
    }
    // Postings come ranked (population first); keep each place's most direct reading.
    for (Entry e : entries) {
      if (!usable(e, lang, m.key())) {
        continue;
      }
      Entry old = g.places.get(e.place().id());
      if (old == null || rank(e, lang) < rank(old, lang)) {
        g.places.put(e.place().id(), e);
      }
    }
    String key = m.keys().get(0);
    int script = PlaceMatcher.scriptClass(key.charAt(0));
    g.hanShort = (script == PlaceMatcher.HAN || script == PlaceMatcher.HANGUL)
        && key.codePointCount(0, key.length()) <= 2;
    g.withShi = key.length() >= 3 && (key.endsWith("市") || key.endsWith("区")
        || script == PlaceMatcher.HANGUL && (key.endsWith("시") || key.endsWith("구")));
    return g;
  }

  /** Whether a reading can apply in an article of {@code lang} at all. */
  private static boolean usable(Entry e, String lang, String key) {
    if (e.place().kind() != Place.Kind.COUNTRY) {
      return true;
    }
    boolean ownLanguage = e.lang().equals("*") || e.lang().equals(lang) || lang.equals("und");
    if (e.form() == Form.COUNTRY_ADJECTIVE) {
      return ownLanguage;
    }
    return ownLanguage || key.length() > 3;
  }

  /** Lower is more direct: an override for the language, the name, then aliases. */
  private static int rank(Entry e, String lang) {
    if (e.form() == Form.OVERRIDE && (e.lang().equals(lang) || e.lang().equals("*"))) {
      return 0;
    }
    return 1 + e.form().ordinal();
  }

  private void resolveCountry(Group g, String lang) {
    Entry country = null;
    int countries = 0;
    for (Entry e : g.places.values()) {
      if (e.place().kind() == Place.Kind.COUNTRY && admissibleCase(g, e)) {
        countries++;
        if (country == null) {
          country = e;
        }
      }
    }
    if (country == null) {
      return;
    }
    if (g.cue && country.form() == Form.COUNTRY_NAME) {
      for (Entry e : g.places.values()) {
        if (isMajor(e.place())) {
          return; // "بلدية تونس", "city of Kuwait": the city, decided in pass 2
        }
      }
    }
    g.chosen = country.place();
    boolean adjective = country.form() == Form.COUNTRY_ADJECTIVE;
    g.rule = adjective ? "country-adjective" : "country-name";
    g.confidence = countries > 1 ? 0.6 : adjective ? 0.9 : 0.95;
    g.country = country.place().countryCode();
    if (!adjective && g.mode == Mode.ANY) {
      // A city-state's capital has the country's name (Macau, Singapore, Monaco): the city is
      // the partner; the country still counts as named.
      for (Entry e : g.places.values()) {
        if (e.place().kind() == Place.Kind.CITY && e.place().featureCode().equals("PPLC")
            && e.place().countryCode().equals(g.country)
            && (e.form() == Form.NAME || e.form() == Form.ASCII_NAME)) {
          g.chosen = e.place();
          g.rule = "city-state";
          g.confidence = 0.9;
          break;
        }
      }
    }
  }

  /** Cased scripts write names with a capital; only country adjectives may be lower case. */
  private static boolean admissibleCase(Group g, Entry e) {
    return g.mode != Mode.ADJECTIVE_ONLY || e.form() == Form.COUNTRY_ADJECTIVE;
  }

  private void resolveCity(Group g, String lang, Set<String> context,
      List<Set<String>> sentenceCountries) {
    g.chosen = null;
    g.rule = null;
    g.confidence = 0;
    if (g.mode != Mode.ANY) {
      return;
    }
    if (g.unlisted) {
      return; // read last, from the places around it (resolveUnlisted)
    }
    List<Entry> readings = new ArrayList<>();
    for (Entry e : g.places.values()) {
      if (e.place().kind() != Place.Kind.COUNTRY) {
        readings.add(e);
      }
    }
    if (readings.isEmpty()) {
      return;
    }
    Set<String> home = HOME_COUNTRIES.getOrDefault(lang, Set.of());
    if (g.transliterated != null) {
      // another spelling's key names places worldwide: only those it may be, of a country the
      // article is about, and only when the text says the name is a place
      if (!(g.cue || g.withShi || g.apostropheSuffix || g.listed || g.adjacentCountry != null)) {
        return;
      }
      readings.removeIf(e -> !g.transliterated.contains(e.place().id()));
      readings.removeIf(e -> g.adjacentCountry != null
          ? !e.place().countryCode().equals(g.adjacentCountry)
          : !context.contains(e.place().countryCode()) && !home.contains(e.place().countryCode()));
      if (readings.isEmpty()) {
        return;
      }
    }
    boolean adjacent = false;
    if (g.adjacentCountry != null) {
      List<Entry> inCountry = readings.stream()
          .filter(e -> e.place().countryCode().equals(g.adjacentCountry))
          .filter(e -> g.adjacentSubdivision == null
              || e.place().admin1().equals(g.adjacentSubdivision.admin1()))
          .toList();
      if (!inCountry.isEmpty()) {
        // "Córdoba, Argentina", "Córdoba (España)", 荷兰海牙: only that country's readings
        readings = new ArrayList<>(inCountry);
        adjacent = true;
      }
    }
    if (!adjacent && (g.cue || g.apostropheSuffix)) {
      // "Yenişehir Belediyesi": a municipal cue of the language points at its own country
      List<Entry> domestic = readings.stream()
          .filter(e -> home.contains(e.place().countryCode())
              && (e.place().kind() == Place.Kind.DISTRICT || isMid(e.place())))
          .toList();
      if (!domestic.isEmpty()) {
        readings = new ArrayList<>(domestic);
      }
    }
    Set<String> named = new HashSet<>();
    sentenceCountries.forEach(named::addAll);
    readings.sort(Comparator.comparingDouble(
        (Entry e) -> -score(e, lang, context, named, home)));
    if (!adjacent) {
      preferALargeHomeCity(readings, home);
      preferAWorldCity(readings);
    }
    Entry best = readings.get(0);
    Place p = best.place();
    Entry second = null;
    for (Entry e : readings.subList(1, readings.size())) {
      if (!namesake(p, e.place())) {
        second = e;
        break;
      }
    }
    boolean inContext = context.contains(p.countryCode());
    boolean secondInContext = second != null && context.contains(second.place().countryCode());
    boolean inSentence = false;
    for (int s : g.sentences) {
      inSentence |= sentenceCountries.get(s).contains(p.countryCode());
    }
    boolean strongCue = g.cue || g.apostropheSuffix || g.withShi;
    boolean strong = strongCue || adjacent || g.listed;
    boolean override = rank(best, lang) == 0;

    String key = g.occurrences.get(0).match().keys().get(0);
    int keyScript = PlaceMatcher.scriptClass(key.charAt(0));
    int arabicLetters = keyScript == PlaceMatcher.ARABIC
        ? key.replace(" ", "").length() : Integer.MAX_VALUE;
    boolean homeOrContext = inContext || adjacent || home.contains(p.countryCode());
    if (arabicLetters <= 3 && !(homeOrContext && (isMajor(p) || g.cue))
        && !(arabicLetters == 3 && (g.cue || p.population() >= 1_000_000))) {
      return; // two or three Arabic letters are a word far more often than a town
    }
    if ((keyScript == PlaceMatcher.ARABIC || keyScript == PlaceMatcher.HAN
        || keyScript == PlaceMatcher.HANGUL) && !homeOrContext
        && !override && p.population() < FOREIGN_UNCASED_POPULATION) {
      return; // no capitals to tell a name from a word: a foreign town needs its country
    }
    if (g.commonWord) {
      // a country named right after a Han name proves nothing (中国发展), after "Salto, " it does
      boolean evidence = strongCue || adjacent && keyScript != PlaceMatcher.HAN;
      if (adjacent && (strongCue || PlaceMatcher.katakana(key.charAt(0)))) {
        // its country next to it and a municipal word, or katakana (a foreign name) right
        // after it: フランス・ナント市 is Nantes, a partner
        accept(g, p, "common-word+country", 0.7);
      } else if (evidence && (inSentence || homeOrContext)) {
        accept(g, p, "common-word+cue", 0.6);
      } else if (g.capitalisedInside) {
        // a word the language also has, written as a name inside a sentence, and a large city
        // of the language's home countries: Portuguese "visitou Porto", Turkish "Van'da"
        g.places.values().stream().map(Entry::place)
            .filter(q -> isMajor(q) && home.contains(q.countryCode()))
            .max(Comparator.comparingLong(Place::population))
            .ifPresent(q -> accept(g, q, "common-word+capital", 0.7));
      }
      return;
    }
    if (g.surname && !g.cue && !(isMajor(p) && homeOrContext && best.form() != Form.ALIAS
        && (g.apostropheSuffix || !lang.equals("tr")))) {
      // a person's surname: "Başkanı Ekrem İmamoğlu ... İmamoğlu ve Lopez"; but a large city
      // of the article's countries right after a name is the place ("Cumhurbaşkanı Erdoğan
      // Ankara'da"), in Turkish only with its case suffix ("Başkanı Erkan Aydın" is a person),
      // and by its own name, not an alias ("Bürgermeister Li Feng Ming" is not Fengcheng)
      return;
    }
    if (g.allPartOfName && !strong
        && !(isMajor(p) && homeOrContext && best.form() != Form.ALIAS)) {
      return; // only inside longer capitalised names: "Mary Smith", "Croix-Rouge"
    }
    if (g.allWeak && !strong && !isMajor(p)) {
      return; // a capital at a sentence start proves nothing
    }
    if (g.hanShort && !strong && !(p.population() >= HAN_SHORT_POPULATION || isCapital(p))) {
      return;
    }
    if (adjacent && (isMajor(p) || isMid(p) || p.kind() == Place.Kind.DISTRICT
        || readings.size() == 1)) {
      accept(g, p, "adjacent-country", 0.9);
      return;
    }
    if (p.kind() == Place.Kind.DISTRICT) {
      if (inContext || strong || home.contains(p.countryCode())) {
        accept(g, p, "district", inContext || strong ? 0.8 : 0.7);
      }
      return;
    }
    boolean ambiguous = second != null;
    long secondPop = second == null ? 0 : rivalPopulation(best, second);
    if (isMajor(p)) {
      if (!ambiguous) {
        accept(g, p, "unique-name", inContext || strong ? 0.95 : 0.9);
      } else if (inContext && !secondInContext) {
        accept(g, p, "country-context", 0.9);
      } else if (override) {
        accept(g, p, "override", 0.85);
      } else if (p.population() >= 10 * secondPop
          || onlyAnAlias(best, second) && p.population() >= secondPop) {
        accept(g, p, "population", inContext ? 0.85 : 0.75);
      } else if (homeOrContext) {
        accept(g, p, "ambiguous", 0.5);
      }
      return;
    }
    if (isMid(p)) {
      if (inContext && !(secondInContext && isMid(second.place()))) {
        accept(g, p, "country-context", 0.8);
      } else if (strong && (!ambiguous || p.population() >= 10 * secondPop)) {
        accept(g, p, "cue", 0.7);
      } else if (override) {
        accept(g, p, "override", 0.7);
      } else if (strong && inContext) {
        accept(g, p, "ambiguous", 0.5);
      } else if (ambiguous && home.contains(p.countryCode())
          && !home.contains(second.place().countryCode()) && best.form() != Form.ALIAS) {
        accept(g, p, "home-country", 0.6);
      } else if (!ambiguous && best.form() != Form.ALIAS && homeOrContext) {
        accept(g, p, "unique-name", home.contains(p.countryCode()) && !g.allWeak ? 0.7 : 0.6);
      }
      return;
    }
    // small places: only with a cue, in a country the article is about; a town or village
    // whose name is its own ("gemeente Tholen") may be a partner, a shared name may not unless
    // only its own country is named, nor a Han or Hangul name of up to three characters (a word
    // too often; a longer kana name such as グリンデルワルト is not)
    if (strong && homeOrContext && (inContext || !ambiguous)) {
      boolean word = (keyScript == PlaceMatcher.HAN || keyScript == PlaceMatcher.HANGUL)
          && key.length() <= 3;
      boolean settled = inContext && !secondInContext;
      accept(g, p, "cue", ambiguous && !settled || word ? 0.65 : 0.7);
    } else if (override) {
      accept(g, p, "override", 0.65);
    } else if (!ambiguous && home.contains(p.countryCode()) && best.form() != Form.ALIAS
        && g.capitalisedInside && g.sentences.size() >= REPEATED_SMALL_PLACE) {
      accept(g, p, "repeated", 0.7);
    }
  }

  /**
   * Municipalities the gazetteer lacks (rule {@code unlisted}), read after every other name. A
   * Han district is in its parent's country, named as that country reads it, or is the
   * gazetteer's place of that name there (rule {@code after-parent}). A name is in the country
   * named next to it (here or at another occurrence); else in the one country (of the language's
   * home countries, if it has any) of the places accepted in its sentences, the nearest one's
   * when there are several; else of the whole article; else in the language's only home
   * country. A person's surname and a name whose country stays open are not read.
   */
  private void resolveUnlisted(Collection<Group> groups, Map<PlaceMatcher.Match, Group> groupOf,
      String lang, Set<String> articleCountries, List<Set<String>> sentenceCountries) {
    if (groups.stream().noneMatch(g -> g.unlisted)) {
      return;
    }
    List<Set<String>> inSentence = new ArrayList<>();
    sentenceCountries.forEach(c -> inSentence.add(new TreeSet<>(c)));
    Set<String> inArticle = new TreeSet<>(articleCountries);
    for (Group g : groups) {
      if (g.chosen != null && g.confidence >= LIST_ANCHOR_CONFIDENCE) {
        inArticle.add(g.chosen.countryCode());
        g.sentences.forEach(s -> inSentence.get(s).add(g.chosen.countryCode()));
      }
    }
    Set<String> home = homeCountries(lang);
    Set<String> among = home.isEmpty() ? null : home;
    Map<String, String> namedBeside = new HashMap<>(); // key → the country named next to it
    for (Group g : groups) {
      if (g.unlisted && g.adjacentCountry != null) {
        namedBeside.merge(g.occurrences.get(0).match().key(), g.adjacentCountry,
            (a, b) -> a.equals(b) ? a : "");
      }
    }
    for (Group g : groups) {
      if (!g.unlisted || g.mode != Mode.ANY || g.surname) {
        continue;
      }
      String beside = namedBeside.getOrDefault(g.occurrences.get(0).match().key(), "");
      String country = g.adjacentCountry != null ? g.adjacentCountry
          : beside.isEmpty() ? null : beside;
      double confidence = UNLISTED_ADJACENT_CONFIDENCE;
      Group parent = g.parent == null ? null : groupOf.get(g.parent);
      if (parent != null && parent.chosen != null) {
        country = parent.chosen.countryCode();
        confidence = UNLISTED_DISTRICT_CONFIDENCE;
      }
      if (country == null) {
        confidence = UNLISTED_CONFIDENCE;
        Set<String> near = new TreeSet<>();
        g.sentences.forEach(s -> near.addAll(inSentence.get(s)));
        country = only(near, among);
        if (country == null && near.stream().filter(c -> among == null || among.contains(c))
            .count() > 1) {
          country = nearestCountry(g, groups, among); // "Mezitli ... ve Çatalköy Belediye"
        }
        country = country != null ? country : only(inArticle, among);
        country = country != null || home.size() != 1 ? country : home.iterator().next();
      }
      String key = g.occurrences.get(0).match().key();
      Optional<Place> namesake = sameNameIn(g, country, groups);
      if (namesake.isPresent()) {
        accept(g, namesake.get(), g.parent != null ? "after-parent" : "unlisted", confidence);
        continue;
      }
      if (g.parent != null && country != null) {
        String in = country;
        Optional<Place> known = matcher.gazetteer().lookupEntries(key).stream().map(Entry::place)
            .filter(p -> p.countryCode().equals(in) && p.kind() != Place.Kind.COUNTRY)
            .findFirst();
        if (known.isPresent()) {
          accept(g, known.get(), "after-parent", confidence); // the gazetteer has it there
          continue;
        }
      }
      String name = g.parent == null ? g.occurrences.get(0).surface()
          : country == null ? null : transliterated().districtName(key, country);
      if (country != null && name != null) {
        Optional<Place> listed =
            g.parent == null || !TransliteratedNames.KOREAS.contains(country) ? Optional.empty()
                : listedAs(name, country);
        accept(g, listed.orElse(unlistedPlace(name, country, "PPL")),
            listed.isPresent() ? "after-parent" : "unlisted", confidence);
      }
    }
  }

  /** Latin endings a Korean district or city has in the gazetteer (Yeonsu-gu, Yongin-si). */
  private static final List<String> DISTRICT_ENDINGS = List.of("", "-gu", "-si", "-gun");

  /**
   * The Korean district or town of {@code country} the gazetteer lists under a Latin name read
   * from Han characters, with or without its ending (延寿 after 仁川: 연수, Yeonsu-gu), if it has
   * one place of that name there (Nam-gu, which the gazetteer has twice, stays the city's own
   * unlisted Nam).
   */
  private Optional<Place> listedAs(String name, String country) {
    for (String ending : DISTRICT_ENDINGS) {
      List<Place> places = matcher.gazetteer()
          .lookupEntries(SurfaceNormalizer.normalize(name + ending)).stream()
          .map(Entry::place)
          .filter(e -> e.countryCode().equals(country) && e.kind() != Place.Kind.COUNTRY)
          .distinct().toList();
      if (!places.isEmpty()) {
        return places.size() == 1 ? Optional.of(places.get(0)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A place the gazetteer lacks, by its name: id {@code unlisted:CC:ascii-name}. */
  private static Place unlistedPlace(String name, String country, String featureCode) {
    String ascii = Ascii.fold(name);
    return new Place(UNLISTED_ID_PREFIX + country + ":" + SurfaceNormalizer.normalize(ascii), name,
        ascii, country, featureCode, 0, "", Place.Kind.CITY, Double.NaN, Double.NaN);
  }

  /**
   * The place another group of the same name was read as in {@code country} (延壽 after 仁川廣域市
   * is the 延壽區 the article names again), so that one place keeps one id in an article.
   */
  private static Optional<Place> sameNameIn(Group g, String country, Collection<Group> groups) {
    String key = g.occurrences.get(0).match().key();
    return groups.stream()
        .filter(o -> o != g && !o.unlisted && o.chosen != null && o.chosen.countryCode()
            .equals(country) && o.chosen.kind() != Place.Kind.COUNTRY
            && o.occurrences.get(0).match().key().equals(key))
        .map(o -> o.chosen).findFirst();
  }

  /** Han suffixes of a county or district (县, 区). */
  private static final String HAN_COUNTY_SUFFIXES = "县区縣區";

  /**
   * Chinese counties and districts by their own names: GeoNames often lists a county or district
   * (如东县, 顺德区) under its seat town's name (Juegang, Daliang), while the partner is the county
   * (Rudong, Shunde). A Han name written with 县 or 区 read as a Chinese place whose Latin name
   * sounds otherwise than the name's pinyin becomes the county's own place ({@code
   * unlisted:CN:rudong}); one whose name matches (海淀区, Haidian) stays.
   */
  private void countiesByTheirOwnNames(Collection<Group> groups,
      List<SurfaceNormalizer.Normalized> texts) {
    for (Group g : groups) {
      Place p = g.chosen;
      if (p == null || !TransliteratedNames.CHINESE.contains(p.countryCode())
          || p.kind() == Place.Kind.COUNTRY) {
        continue;
      }
      Occurrence o = g.occurrences.get(0);
      String key = o.match().key();
      if (PlaceMatcher.scriptClass(key.charAt(0)) != PlaceMatcher.HAN) {
        continue;
      }
      String text = texts.get(o.sentence()).text();
      String name;
      if (HAN_COUNTY_SUFFIXES.indexOf(key.charAt(key.length() - 1)) >= 0) {
        name = key.substring(0, key.length() - 1);
      } else if (o.match().normEnd() < text.length()
          && HAN_COUNTY_SUFFIXES.indexOf(text.charAt(o.match().normEnd())) >= 0) {
        name = key;
      } else {
        continue;
      }
      String latin = transliterated().districtName(name, p.countryCode());
      if (latin == null || TransliteratedNames.skeleton(latin)
          .equals(TransliteratedNames.skeleton(p.asciiName()))) {
        continue;
      }
      g.chosen = unlistedPlace(latin, p.countryCode(), "ADM3");
    }
  }

  /**
   * The country of the accepted place nearest to the first occurrence of {@code g} in its
   * sentence (within {@code among} unless null), else null.
   */
  private static String nearestCountry(Group g, Collection<Group> groups, Set<String> among) {
    Occurrence at = g.occurrences.get(0);
    String country = null;
    int distance = Integer.MAX_VALUE;
    for (Group other : groups) {
      if (other.chosen == null || other.unlisted || other.confidence < LIST_ANCHOR_CONFIDENCE
          || among != null && !among.contains(other.chosen.countryCode())) {
        continue;
      }
      for (Occurrence o : other.occurrences) {
        int d = Math.abs(o.match().start() - at.match().start());
        if (o.sentence() == at.sentence() && d < distance) {
          distance = d;
          country = other.chosen.countryCode();
        }
      }
    }
    return country;
  }

  /** The one country of {@code countries} (within {@code among} unless null), else null. */
  private static String only(Set<String> countries, Set<String> among) {
    String one = null;
    for (String c : countries) {
      if (among == null || among.contains(c)) {
        if (one != null) {
          return null;
        }
        one = c;
      }
    }
    return one;
  }

  /**
   * One name, one place per article: occurrences of a name with nothing next to them to decide
   * ("… وبريزبان شريكة لها") take the place the same name was read as where its country stood
   * next to it ("مدينة بريزبان الأسترالية"), when that is one place, whether the passes above
   * left them unread or read them otherwise ("韩国丽水市" is Yeosu, so the bare 丽水市 of the next
   * sentence is no Lishui, the larger).
   */
  private static void oneSensePerName(Collection<Group> groups) {
    Map<String, Group> decided = new HashMap<>();
    Set<String> conflicting = new HashSet<>();
    for (Group g : groups) {
      if (g.chosen != null && (g.adjacentCountry != null || g.adjacentSubdivision != null)) {
        Group other = decided.putIfAbsent(g.name, g);
        if (other != null && !other.chosen.id().equals(g.chosen.id())) {
          conflicting.add(g.name);
        }
      }
    }
    for (Group g : groups) {
      Group by = decided.get(g.name);
      if (g.adjacentCountry == null && g.adjacentSubdivision == null && by != null
          && !conflicting.contains(g.name) && !g.surname
          && (g.chosen == null || !g.chosen.id().equals(by.chosen.id()))) {
        accept(g, by.chosen, by.rule, by.confidence);
      }
    }
  }

  /**
   * Names listed with accepted cities: a name the passes above left unread, separated from an
   * accepted city or district of its sentence only by a comma or a conjunction ("Körmend
   * (Hongarije), Ubbergen, Kranenburg en Groesbeek"; a country in between is skipped), is read
   * as if a cue stood next to it, so a small town of a country the article is about is accepted
   * (rule {@code list}). Repeated while the list grows; common words, surnames and names only
   * seen inside longer names ("Gilbert Annette et Lian Yimin") stay out.
   */
  private void resolveListed(Map<String, Group> groups, List<String> normalised, String lang,
      Set<String> articleCountries, List<Set<String>> sentenceCountries) {
    resolveLongLists(groups, normalised, lang, articleCountries, sentenceCountries);
    for (int round = 0; round < MAX_LIST_ROUNDS; round++) {
      Map<Integer, List<int[]>> anchors = new HashMap<>();
      Map<Integer, List<int[]>> countries = new HashMap<>();
      for (Group g : groups.values()) {
        boolean city = g.chosen != null && g.chosen.kind() != Place.Kind.COUNTRY
            && g.confidence >= LIST_ANCHOR_CONFIDENCE;
        if (!city && g.country == null) {
          continue;
        }
        for (Occurrence o : g.occurrences) {
          (city ? anchors : countries).computeIfAbsent(o.sentence(), k -> new ArrayList<>())
              .add(new int[] {o.match().normStart(), o.match().normEnd()});
        }
      }
      boolean grew = false;
      for (Group g : groups.values()) {
        if (g.chosen != null || g.country != null || g.listed || g.mode != Mode.ANY
            || g.commonWord || g.surname || g.allPartOfName
            || !listedWithAnAnchor(g, anchors, countries, normalised)) {
          continue;
        }
        g.listed = true;
        resolveCity(g, lang, articleCountries, sentenceCountries);
        if (g.chosen != null) {
          g.rule = "list";
          grew = true;
        }
      }
      if (!grew) {
        return;
      }
    }
  }

  /**
   * Names that make a list of {@link #MIN_SELF_LIST} or more by themselves ("Falkensee, Speyer,
   * Saint-Malo i Kowel"), cities already read among them or not, are read as listed (as if a cue
   * stood next to them) though no item was sure enough to anchor the list: several names in a
   * row that each read as a town are towns.
   */
  private void resolveLongLists(Map<String, Group> groups, List<String> normalised, String lang,
      Set<String> articleCountries, List<Set<String>> sentenceCountries) {
    Map<Integer, List<ListItem>> items = new HashMap<>();
    Map<Integer, List<int[]>> countries = new HashMap<>();
    for (Group g : groups.values()) {
      boolean city = g.chosen != null && g.chosen.kind() != Place.Kind.COUNTRY;
      boolean open = g.chosen == null && g.country == null && !g.listed && g.mode == Mode.ANY
          && !g.commonWord && !g.surname && !g.allPartOfName;
      for (Occurrence o : g.occurrences) {
        if (g.country != null) {
          countries.computeIfAbsent(o.sentence(), k -> new ArrayList<>())
              .add(new int[] {o.match().normStart(), o.match().normEnd()});
        } else if (city || open) {
          items.computeIfAbsent(o.sentence(), k -> new ArrayList<>()).add(new ListItem(
              o.match().normStart(), o.match().normEnd(), open ? g : null));
        }
      }
    }
    Set<Group> listed = new LinkedHashSet<>();
    for (Map.Entry<Integer, List<ListItem>> e : items.entrySet()) {
      List<ListItem> inSentence = e.getValue();
      inSentence.sort(Comparator.comparingInt(ListItem::start));
      String text = normalised.get(e.getKey());
      List<int[]> named = countries.getOrDefault(e.getKey(), List.of());
      int runStart = 0;
      for (int i = 1; i <= inSentence.size(); i++) {
        if (i < inSentence.size() && separated(text, inSentence.get(i - 1).end(),
            inSentence.get(i).start(), named)) {
          continue;
        }
        if (i - runStart >= MIN_SELF_LIST) {
          for (ListItem item : inSentence.subList(runStart, i)) {
            if (item.open() != null) {
              listed.add(item.open());
            }
          }
        }
        runStart = i;
      }
    }
    for (Group g : listed) {
      g.listed = true;
      resolveCity(g, lang, articleCountries, sentenceCountries);
      if (g.chosen != null) {
        g.rule = "list";
      }
    }
  }

  /** A name's occurrence in a sentence; {@code open} is its group when no pass has read it. */
  private record ListItem(int start, int end, Group open) {}

  /** Whether only list separators stand between {@code from} and {@code to}, countries aside. */
  private static boolean separated(String text, int from, int to, List<int[]> countries) {
    if (to < from) {
      return false;
    }
    StringBuilder gap = new StringBuilder();
    int at = from;
    for (int[] c : countries) {
      if (c[0] >= from && c[1] <= to && c[0] >= at) {
        gap.append(text, at, c[0]);
        at = c[1];
      }
    }
    gap.append(text, at, to);
    return ListGap.separates(gap);
  }

  /** Whether some occurrence of {@code g} stands in a list next to an anchor (see above). */
  private static boolean listedWithAnAnchor(Group g, Map<Integer, List<int[]>> anchors,
      Map<Integer, List<int[]>> countries, List<String> normalised) {
    for (Occurrence o : g.occurrences) {
      List<int[]> inSentence = anchors.getOrDefault(o.sentence(), List.of());
      String text = normalised.get(o.sentence());
      int start = o.match().normStart();
      int end = o.match().normEnd();
      for (int[] a : inSentence) {
        int from = a[1] <= start ? a[1] : end;
        int to = a[1] <= start ? start : a[0];
        if (!(a[0] < end && a[1] > start)
            && separated(text, from, to, countries.getOrDefault(o.sentence(), List.of()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Moves to the front a large city of the language's home countries whose name the best reading
   * shares while being twenty times smaller: a Russian article's "Казань" next to a Turkish
   * city is Kazan, not the Turkish town of Kazan that the named country favours.
   */
  private static void preferALargeHomeCity(List<Entry> readings, Set<String> home) {
    Place best = readings.get(0).place();
    if (home.contains(best.countryCode())) {
      return;
    }
    for (int i = 1; i < readings.size(); i++) {
      Place p = readings.get(i).place();
      if (home.contains(p.countryCode()) && isMajor(p)
          && p.population() >= HOME_CITY_SIZE_RATIO * best.population()) {
        readings.add(0, readings.remove(i));
        return;
      }
    }
  }

  /**
   * Moves to the front a national capital or a city of a million when the best reading is a
   * place a hundred times smaller that a country in context favoured: Buenos Aires listed
   * beside Bogotá is Argentina's capital, not the Colombian village; a German article's "Stadt
   * Peking" is Beijing, not Pöcking.
   */
  private static void preferAWorldCity(List<Entry> readings) {
    Place best = readings.get(0).place();
    if (isMajor(best)) {
      return;
    }
    for (int i = 1; i < readings.size(); i++) {
      Entry e = readings.get(i);
      Place p = e.place();
      boolean world = p.featureCode().equals("PPLC") && isMajor(p)
          || p.population() >= WORLD_CITY_POPULATION;
      if (world
          && p.population() >= WORLD_CITY_SIZE_RATIO * Math.max(1, best.population())) {
        readings.add(0, readings.remove(i));
        return;
      }
    }
  }

  /**
   * Whether two places share their name and country (Suzhou in Jiangsu and in Anhui, Kansas City
   * in Missouri and in Kansas): such a namesake does not make the reading doubtful, since the
   * partner's name and country, all the tables keep of it, are the same; the larger is read.
   */
  private static boolean namesake(Place best, Place other) {
    return best.countryCode().equals(other.countryCode())
        && (best.name().equals(other.name()) || best.asciiName().equals(other.asciiName()));
  }

  /**
   * The population a namesake weighs against the best reading: a tenth of it when the best is
   * the place's own name and the namesake only an alternate one (Korolev's former name
   * "Kaliningrad" does not make Kaliningrad doubtful), ten times it when the best reading is an
   * alternate name and the namesake's own (Broken Hill is Kabwe's old name, and a town's own),
   * else all of it.
   */
  private static long rivalPopulation(Entry best, Entry rival) {
    boolean ownName = best.form() == Form.NAME || best.form() == Form.ASCII_NAME;
    boolean rivalOwnName = rival.form() == Form.NAME || rival.form() == Form.ASCII_NAME;
    if (ownName && rival.form() == Form.ALIAS) {
      return rival.place().population() / ALIAS_RIVAL_SHARE;
    }
    return best.form() == Form.ALIAS && rivalOwnName
        ? rival.place().population() * ALIAS_RIVAL_SHARE : rival.place().population();
  }

  /**
   * Whether the best reading is a place's own name and the rival's only an alternate name of
   * another place (Zaragoza, and Tijuana's old name): a major place then needs to outweigh a
   * tenth of the rival's population, not ten times it.
   */
  private static boolean onlyAnAlias(Entry best, Entry rival) {
    return (best.form() == Form.NAME || best.form() == Form.ASCII_NAME)
        && rival.form() == Form.ALIAS;
  }

  private static void accept(Group g, Place p, String rule, double confidence) {
    g.chosen = p;
    g.rule = rule;
    g.confidence = confidence;
  }

  /**
   * Whether only nothing, の or ・ stands between two Han or kana names (normalising writes ・
   * as a space).
   */
  private static boolean hanAdjacent(String text, int end, int start) {
    if (end > start) {
      return false;
    }
    String gap = text.substring(end, start);
    return gap.isEmpty() || gap.equals("の") || gap.equals("・") || gap.equals(" ");
  }

  /**
   * The syllable Korean writes onto a Hangul name (시 city, 구 district, 군 county; 성 a Chinese
   * province, 현 a Japanese prefecture), or a space when the match is no Hangul name or none
   * follows.
   */
  private static char hangulSuffix(String text, PlaceMatcher.Match m) {
    return PlaceMatcher.scriptClass(m.key().charAt(0)) == PlaceMatcher.HANGUL
        && m.normEnd() < text.length() ? text.charAt(m.normEnd()) : ' ';
  }

  /** Orders the readings of a name: in-context country, language override, size, rank. */
  private static double score(Entry e, String lang, Set<String> context, Set<String> named,
      Set<String> home) {
    Place p = e.place();
    double s = 0;
    if (named.contains(p.countryCode())
        || context.contains(p.countryCode()) && p.featureCode().equals("PPLC")) {
      s += 8;
    } else if (context.contains(p.countryCode())) {
      // a country only the article's other cities are in: a list of partners from many
      // countries makes every one of them context, so it decides only between places of
      // about one size (Бирмингем beside Миннеаполис is still England's); its national
      // capital it still decides for (Wellington beside Auckland is New Zealand's where
      // Australia is named too)
      s += Math.log10(CITY_CONTEXT_SIZE_RATIO);
    }
    if (rank(e, lang) == 0) {
      s += 4;
    }
    if (home.contains(p.countryCode())) {
      s += 1.5;
    }
    if (isCapital(p)) {
      s += 1;
    }
    s += Math.log10(p.population() + 1); // 0 … ~7.3
    return s;
  }

  static boolean isCapital(Place p) {
    return (p.featureCode().equals("PPLC") || p.featureCode().equals("PPLA"))
        && p.population() >= CAPITAL_POPULATION;
  }

  static boolean isMajor(Place p) {
    return p.kind() == Place.Kind.CITY && (p.population() >= MAJOR_POPULATION || isCapital(p));
  }

  static boolean isMid(Place p) {
    return p.population() >= MID_POPULATION || p.featureCode().equals("PPLA2");
  }

  /** True when the surface is written in a script with letter case (Latin, Cyrillic, Greek). */
  private static boolean isCased(String surface) {
    for (int i = 0; i < surface.length(); ) {
      int cp = surface.codePointAt(i);
      if (Character.isLetter(cp)) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp);
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** True when no letter or digit comes before {@code begin} in the (normalised) sentence. */
  private static boolean sentenceInitial(String text, int begin) {
    for (int i = 0; i < begin; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a one-word name stands next to another capitalised word, as in a person's name
   * ("Mary Smith", "Yang Wei") or an organisation's; not in an all-capitals headline.
   */
  private static boolean nameLike(SurfaceNormalizer.Normalized n, PlaceMatcher.Match m) {
    String text = n.text();
    if (m.key().indexOf(' ') >= 0 || isAllCaps(n.source())) {
      return false;
    }
    int e = m.normEnd();
    if (e < text.length() && text.charAt(e) == ' ' && e + 1 < text.length()
        && Character.isLetter(text.charAt(e + 1))
        && Character.isUpperCase(n.source().codePointAt(n.sourceIndex(e + 1)))) {
      return true;
    }
    int ws = wordBefore(text, m.normStart());
    if (ws >= 0) {
      return !sentenceInitial(text, ws)
          && Character.isUpperCase(n.source().codePointAt(n.sourceIndex(ws)));
    }
    return false;
  }

  /**
   * True when the name follows one or two capitalised words that follow a person's title of the
   * language ("Mayor Jane Paris", "Başkanı Ekrem İmamoğlu", "Bürgermeister Li Feng Ming"): a
   * given name and a surname.
   */
  private boolean afterTitledGivenName(SurfaceNormalizer.Normalized n, PlaceMatcher.Match m,
      String language) {
    String text = n.text();
    if (m.key().indexOf(' ') >= 0) {
      return false;
    }
    int ws = m.normStart();
    for (int words = 0; words < 2; words++) {
      ws = wordBefore(text, ws);
      if (ws < 0 || !Character.isUpperCase(n.source().codePointAt(n.sourceIndex(ws)))) {
        return false;
      }
      if (lexicon.afterTitle(language, text, ws)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a capitalised surname ({@link PlaceLexicon#afterSurname}) stands right before a
   * one-word Latin name: "Gu Jinshan, Delegationsleiter" is a person, not Shanghai's district.
   */
  private boolean afterCapitalisedSurname(SurfaceNormalizer.Normalized n, PlaceMatcher.Match m,
      String language) {
    String text = n.text();
    int ws = wordBefore(text, m.normStart());
    return ws >= 0 && m.key().indexOf(' ') < 0
        && PlaceMatcher.scriptClass(m.key().charAt(0)) == PlaceMatcher.ALPHA
        && Character.isUpperCase(n.source().codePointAt(n.sourceIndex(ws)))
        && lexicon.afterSurname(language, text, m.normStart());
  }

  /**
   * True when a cue that ends in a preposition stands before the name with a person's name
   * inside it: "burgemeester Anna Jansen van Tholen" for "burgemeester van", "Mayor Jane
   * Doe of Springfield" for "mayor of" (one to three capitalised words).
   */
  private boolean cueAcrossAName(SurfaceNormalizer.Normalized n, PlaceMatcher.Match m,
      String language) {
    String text = n.text();
    int prep = wordBefore(text, m.normStart());
    if (prep < 0 || Character.isUpperCase(n.source().codePointAt(n.sourceIndex(prep)))) {
      return false;
    }
    String tail = " " + text.substring(prep, m.normStart());
    int at = prep;
    for (int words = 0; words <= 3; words++) {
      int before = wordBefore(text, at);
      if (before < 0) {
        return false;
      }
      String probe = text.substring(before, at - 1) + tail;
      if (words > 0 && lexicon.cueBefore(language, probe, probe.length())) {
        return true;
      }
      if (!Character.isUpperCase(n.source().codePointAt(n.sourceIndex(before)))) {
        return false;
      }
      at = before;
    }
    return false;
  }

  /**
   * True when a word after the first of a name of several words is capitalised too ("Ostrów
   * Wielkopolski", "Nowy Targ"): a name, wherever in the sentence it stands.
   */
  private static boolean capitalisedLaterWord(String surface) {
    for (int i = 1; i < surface.length(); i++) {
      if (surface.charAt(i - 1) == ' ' && Character.isUpperCase(surface.codePointAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Where the word right before {@code b} (one space apart) starts, or -1 when none is there. */
  private static int wordBefore(String text, int b) {
    if (b < 2 || text.charAt(b - 1) != ' ' || !Character.isLetter(text.charAt(b - 2))) {
      return -1;
    }
    int ws = b - 2;
    while (ws > 0 && Character.isLetter(text.charAt(ws - 1))) {
      ws--;
    }
    return ws;
  }

  /** True when a hyphen joins the name to a word ("Croix-Rouge", "Baden-Württemberg"). */
  private static boolean compound(String text, PlaceMatcher.Match m) {
    int b = m.normStart();
    int e = m.normEnd();
    return (b >= 2 && text.charAt(b - 1) == '-' && Character.isLetter(text.charAt(b - 2)))
        || (e + 1 < text.length() && text.charAt(e) == '-' && Character.isLetter(text.charAt(e + 1)));
  }

  private static boolean isAllCaps(String s) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    return upper > 3 * lower;
  }

  /** "La victoria", "Santa cruz": a name capitalises its last word, a phrase need not. */
  private static boolean lastWordLowerCase(String surface) {
    int space = Math.max(surface.lastIndexOf(' '), surface.lastIndexOf('-'));
    if (space < 0 || space == surface.length() - 1) {
      return false;
    }
    int cp = surface.codePointAt(space + 1);
    return Character.isLowerCase(cp) && surface.length() - space > 4;
  }

  private static int firstCapital(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** True when a cased surface has no capital at all ("nice", but not "cidade de Macau"). */
  private static boolean startsLowerCase(String surface) {
    boolean lower = false;
    for (int i = 0; i < surface.length(); ) {
      int cp = surface.codePointAt(i);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      lower |= Character.isLowerCase(cp);
      i += Character.charCount(cp);
    }
    return lower;
  }

}

