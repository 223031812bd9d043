package io.citylinks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares extracted partnerships with hand labels in the {@code gold.jsonl} format of the dev set
 * ({@code ../shared/dev/real/LABELING.md}): city-pair and country-pair precision/recall/F1, type
 * and year accuracy and topic micro-F1 over the city pairs found, and the share of negative pages
 * (no partnership) given a false one — overall and per language, the figures of SPEC section 6.
 * City names are compared without case, diacritics and punctuation ("İzmir" = "Izmir"). The
 * kinds of errors ({@link ErrorKinds}) are summed over all pages, so they may be printed for pages
 * nobody reads.
 */
public final class GoldScorer {
  /** One labelled page; url may be null. */
  public record GoldDoc(String id, String lang, String url, List<Found> partnerships) {}

  /**
   * One partnership, labelled or extracted. Topics may be empty; year may be null; the place ids
   * are null in labels.
   */
  public record Found(String cityA, String countryA, String idA, String cityB, String countryB,
      String idB, String type, Set<String> topics, Integer year, double confidence) {
    /** A partnership without a confidence (a label). */
    public Found(String cityA, String countryA, String idA, String cityB, String countryB,
        String idB, String type, Set<String> topics, Integer year) {
      this(cityA, countryA, idA, cityB, countryB, idB, type, topics, year, Double.NaN);
    }

    String countryKey() {
      return countryA.compareTo(countryB) <= 0 ? countryA + "|" + countryB
          : countryB + "|" + countryA;
    }

    String label() {
      return cityA + "|" + cityB;
    }
  }

  /**
   * Whether a labelled city name means an extracted place: the same name (without case,
   * diacritics and punctuation), or a name of that place in the gazetteer ("Ghent" for GeoNames'
   * "Gent").
   */
  @FunctionalInterface
  public interface NameMatcher {
    boolean sameCity(String labelled, String extractedName, String extractedId);

    /** Names only. */
    NameMatcher BY_NAME = (labelled, name, id) -> nameKey(labelled).equals(nameKey(name));
  }

  /** Counts behind the figures of one language (or all). */
  public static final class Tally {
    int docs;
    int cityTp;
    int cityPred;
    int cityGold;
    int countryTp;
    int countryPred;
    int countryGold;
    int matched;
    int typeOk;
    int yearOk;
    int topicTp;
    int topicPred;
    int topicGold;
    int negatives;
    int negativesWithPartnership;

    void add(Tally o) {
      docs += o.docs;
      cityTp += o.cityTp;
      cityPred += o.cityPred;
      cityGold += o.cityGold;
      countryTp += o.countryTp;
      countryPred += o.countryPred;
      countryGold += o.countryGold;
      matched += o.matched;
      typeOk += o.typeOk;
      yearOk += o.yearOk;
      topicTp += o.topicTp;
      topicPred += o.topicPred;
      topicGold += o.topicGold;
      negatives += o.negatives;
      negativesWithPartnership += o.negativesWithPartnership;
    }

    public double cityPrecision() {
      return ratio(cityTp, cityPred);
    }

    public double cityRecall() {
      return ratio(cityTp, cityGold);
    }

    public double cityF1() {
      return f1(cityTp, cityPred, cityGold);
    }

    public double countryF1() {
      return f1(countryTp, countryPred, countryGold);
    }

    public double typeAccuracy() {
      return ratio(typeOk, matched);
    }

    public double yearAccuracy() {
      return ratio(yearOk, matched);
    }

    public double topicF1() {
      return f1(topicTp, topicPred, topicGold);
    }

    /** Share of negative pages with a false partnership (NaN without negatives). */
    public double falseNegativeRate() {
      return ratio(negativesWithPartnership, negatives);
    }

    public int docs() {
      return docs;
    }

    public int matched() {
      return matched;
    }
  }

  /**
   * A place the tables recognised in a page (place_mentions): its name, id and country. Only
   * candidate pages (with a relation cue) are read for places.
   */
  public record Recognised(String city, String id, String country) {}

  /**
   * Where the differences from the labels come from, summed over all pages (never per page):
   * for each missed labelled pair the first cause that applies, and for each false pair what
   * the labels say about its cities.
   */
  public static final class ErrorKinds {
    int missed;
    int missedPairedApart;
    int missedPageUnread;
    int missedUnrecognised;
    int missedOtherCountry;
    int missedNotPaired;
    int falsePairs;
    int falseOnNegative;
    int falseBothLabelled;
    int falseOneLabelled;
    int falseNoneLabelled;
    int matched;
    int matchedOtherCountry;

    /** The table jobs/score prints after the bands: a label and a count a line. */
    public String format() {
      Object[][] rows = {
          {"missed labelled pairs", missed},
          {"  both cities found, each in another pair", missedPairedApart},
          {"  the page not read for places (no cue passed)", missedPageUnread},
          {"  a city not recognised as a city in the page", missedUnrecognised},
          {"  a city recognised only in another country", missedOtherCountry},
          {"  both recognised, not paired (cue, floor, pairing)", missedNotPaired},
          {"false pairs", falsePairs},
          {"  on a page labelled without partnerships", falseOnNegative},
          {"  both cities labelled on the page, not together", falseBothLabelled},
          {"  one city labelled on the page", falseOneLabelled},
          {"  neither city labelled on the page", falseNoneLabelled},
          {"found labelled pairs", matched},
          {"  with a city in another country than labelled", matchedOtherCountry}};
      StringBuilder sb = new StringBuilder();
      for (Object[] row : rows) {
        sb.append(String.format(Locale.ROOT, "%-52s %4d%n", row));
      }
      return sb.toString();
    }
  }

  /** One extracted city pair with its confidence, and whether the labels have it. */
  public record Scored(double confidence, boolean correct) {}

  /** The lower bounds of the confidence bands {@link Report#formatBands} prints. */
  static final double[] BANDS = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9};

  /**
   * The figures per language and overall, the differences from the labels, and every extracted
   * pair with its confidence (for the bands).
   */
  public record Report(Map<String, Tally> byLanguage, Tally all, List<String> differences,
      List<Scored> scored, ErrorKinds errors) {
    /** Precision of the extracted pairs whose confidence is at least {@code min} (NaN: none). */
    public double precisionAtLeast(double min) {
      long n = scored.stream().filter(s -> s.confidence() >= min).count();
      long ok = scored.stream().filter(s -> s.confidence() >= min && s.correct()).count();
      return n == 0 ? Double.NaN : (double) ok / n;
    }

    /**
     * A table of the extracted city pairs by confidence band: how many, how many are labelled
     * (precision in the band), and precision and recall of keeping only pairs at or above the
     * band's lower bound, which is what an analyst's {@code confidence >= x} filter gives.
     */
    public String formatBands() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "%-11s %5s %7s %6s %8s %8s%n", "confidence", "found", "correct", "prec", "prec>=", "rec>="));
      for (int i = 0; i < BANDS.length; i++) {
        double lo = BANDS[i];
        double hi = i + 1 < BANDS.length ? BANDS[i + 1] : Double.POSITIVE_INFINITY;
        int n = 0;
        int ok = 0;
        int okAbove = 0;
        for (Scored s : scored) {
          if (s.confidence() >= lo && s.confidence() < hi) {
            n++;
            ok += s.correct() ? 1 : 0;
          }
          if (s.confidence() >= lo && s.correct()) {
            okAbove++;
          }
        }
        String band = i + 1 < BANDS.length
            ? String.format(Locale.ROOT, "%.1f-%.1f", lo, hi)
            : String.format(Locale.ROOT, ">=%.1f", lo);
        sb.append(String.format(Locale.ROOT, "%-11s %5d %7d %6s %8s %8s%n", band, n, ok,
            fmt(ratio(ok, n)), fmt(precisionAtLeast(lo)), fmt(ratio(okAbove, all.cityGold))));
      }
      return sb.toString();
    }

    /** A table for people: one row per language, then all. */
    public String format() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "%-5s %5s %5s %5s %6s %6s %6s %6s %6s %6s %6s %7s%n", "lang", "docs", "gold", "found",
          "cityP", "cityR", "cityF1", "ctryF1", "type", "topF1", "year", "neg-FP"));
      Map<String, Tally> rows = new LinkedHashMap<>(byLanguage);
      rows.put("all", all);
      rows.forEach((lang, t) -> sb.append(String.format(Locale.ROOT,
          "%-5s %5d %5d %5d %6s %6s %6s %6s %6s %6s %6s %7s%n", lang, t.docs, t.cityGold,
          t.cityPred, fmt(t.cityPrecision()), fmt(t.cityRecall()), fmt(t.cityF1()),
          fmt(t.countryF1()), fmt(t.typeAccuracy()), fmt(t.topicF1()), fmt(t.yearAccuracy()),
          t.negatives == 0 ? "-" : t.negativesWithPartnership + "/" + t.negatives)));
      return sb.toString();
    }
  }

  private GoldScorer() {}

  /** Reads a gold.jsonl file. */
  public static List<GoldDoc> readGold(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<GoldDoc> docs = new ArrayList<>();
    try {
      int lineNo = 0;
      for (String line : Files.readAllLines(file)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode d = json.readTree(line);
        if (!d.hasNonNull("id")) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": a gold record needs an id");
        }
        List<Found> ps = new ArrayList<>();
        for (JsonNode p : d.path("partnerships")) {
          JsonNode cities = p.path("cities");
          JsonNode countries = p.path("countries");
          if (cities.size() != 2 || countries.size() != 2) {
            throw new IllegalArgumentException(file + ":" + lineNo
                + ": a partnership needs two cities and two countries");
          }
          Set<String> topics = new TreeSet<>();
          p.path("topics").forEach(t -> topics.add(t.asText()));
          // cities are sorted by name, countries by code: only the sorted pair keys are compared
          ps.add(new Found(cities.get(0).asText(), countries.get(0).asText(), null,
              cities.get(1).asText(), countries.get(1).asText(), null, p.path("type").asText(),
              topics,
              p.path("year").isNumber() ? p.path("year").asInt() : null));
        }
        docs.add(new GoldDoc(d.get("id").asText(), d.path("lang").asText("und"),
            d.hasNonNull("url") ? d.get("url").asText() : null, ps));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return docs;
  }

  /**
   * Scores {@code found} (extracted partnerships by gold document id; a document without an entry
   * has none) against {@code gold}; without the recognised places, a missed pair's city counts
   * as not recognised unless it is in a found pair.
   */
  public static Report score(List<GoldDoc> gold, Map<String, List<Found>> found,
      NameMatcher names) {
    return score(gold, found, Map.of(), names);
  }

  /**
   * Scores {@code found} against {@code gold}; {@code places} (the cities recognised in each
   * page, by gold document id) tell the kinds of errors apart.
   */
  public static Report score(List<GoldDoc> gold, Map<String, List<Found>> found,
      Map<String, List<Recognised>> places, NameMatcher names) {
    Map<String, Tally> byLang = new TreeMap<>();
    List<String> differences = new ArrayList<>();
    List<Scored> scored = new ArrayList<>();
    ErrorKinds errors = new ErrorKinds();
    for (GoldDoc doc : gold) {
      Tally t = byLang.computeIfAbsent(doc.lang(), k -> new Tally());
      List<Found> pred = distinctPairs(found.getOrDefault(doc.id(), List.of()));
      List<Found> labels = distinctPairs(doc.partnerships());
      t.docs++;
      t.cityGold += labels.size();
      t.cityPred += pred.size();
      Set<String> goldCountries = countryKeys(labels);
      Set<String> predCountries = countryKeys(pred);
      t.countryGold += goldCountries.size();
      t.countryPred += predCountries.size();
      for (String c : predCountries) {
        if (goldCountries.contains(c)) {
          t.countryTp++;
        }
      }
      List<Found> unmatched = new ArrayList<>(pred);
      for (Found g : labels) {
        Found p = unmatched.stream().filter(x -> samePair(g, x, names)).findFirst().orElse(null);
        if (p == null) {
          differences.add(doc.id() + ": missed " + g.label() + " ("
              + classifyMissed(g, pred, places.get(doc.id()), names, errors)
              + ")");
          continue;
        }
        unmatched.remove(p);
        errors.matched++;
        if (!g.countryKey().equals(p.countryKey())) {
          errors.matchedOtherCountry++;
        }
        scored.add(new Scored(p.confidence(), true));
        t.cityTp++;
        t.matched++;
        if (g.type().equals(p.type())) {
          t.typeOk++;
        } else {
          differences.add(doc.id() + ": " + g.label() + " type " + p.type() + ", gold "
              + g.type());
        }
        if (Objects.equals(g.year(), p.year())) {
          t.yearOk++;
        } else {
          differences.add(doc.id() + ": " + g.label() + " year " + p.year() + ", gold "
              + g.year());
        }
        Set<String> tp = new HashSet<>(p.topics());
        tp.retainAll(g.topics());
        t.topicTp += tp.size();
        t.topicPred += p.topics().size();
        t.topicGold += g.topics().size();
        if (!p.topics().equals(g.topics())) {
          differences.add(doc.id() + ": " + g.label() + " topics " + p.topics() + ", gold "
              + g.topics());
        }
      }
      for (Found p : unmatched) {
        classifyFalse(p, labels, names, errors);
        scored.add(new Scored(p.confidence(), false));
        differences.add(doc.id() + ": false " + p.label() + " (" + p.type() + ")");
      }
      if (labels.isEmpty()) {
        t.negatives++;
        if (!pred.isEmpty()) {
          t.negativesWithPartnership++;
        }
      }
    }
    Tally all = new Tally();
    byLang.values().forEach(all::add);
    return new Report(byLang, all, differences, scored, errors);
  }

  /**
   * Counts a missed labelled pair under its first cause, which it returns in a few words;
   * {@code places} is null when the page's recognised places are not known.
   */
  private static String classifyMissed(Found g, List<Found> pred, List<Recognised> places,
      NameMatcher names, ErrorKinds errors) {
    errors.missed++;
    boolean aFound = inPairs(g.cityA(), pred, names);
    boolean bFound = inPairs(g.cityB(), pred, names);
    if (aFound && bFound) {
      errors.missedPairedApart++;
      return "paired apart";
    }
    if (places == null) {
      places = List.of(); // not known: the cities count as not recognised
    } else if (places.isEmpty() && pred.isEmpty()) {
      errors.missedPageUnread++;
      return "page not read for places";
    }
    // labels sort cities by name and countries by code: a city's country is one of the two
    List<String> countries = List.of(g.countryA(), g.countryB());
    int a = aFound ? 2 : recognition(g.cityA(), countries, places, names);
    int b = bFound ? 2 : recognition(g.cityB(), countries, places, names);
    if (a == 0 || b == 0) {
      errors.missedUnrecognised++;
      return "not recognised";
    } else if (a == 1 || b == 1) {
      errors.missedOtherCountry++;
      return "recognised in another country";
    }
    errors.missedNotPaired++;
    return "not paired";
  }

  /** 0: no place of that name in the page, 1: only in other countries, 2: in the pair's. */
  private static int recognition(String city, List<String> countries, List<Recognised> places,
      NameMatcher names) {
    int best = 0;
    for (Recognised r : places) {
      if (names.sameCity(city, r.city(), r.id())) {
        best = Math.max(best, countries.contains(r.country()) ? 2 : 1);
      }
    }
    return best;
  }

  private static boolean inPairs(String city, List<Found> pairs, NameMatcher names) {
    return pairs.stream().anyMatch(p -> names.sameCity(city, p.cityA(), p.idA())
        || names.sameCity(city, p.cityB(), p.idB()));
  }

  private static void classifyFalse(Found p, List<Found> labels, NameMatcher names,
      ErrorKinds errors) {
    errors.falsePairs++;
    if (labels.isEmpty()) {
      errors.falseOnNegative++;
      return;
    }
    int labelled = (labelledCity(p.cityA(), p.idA(), labels, names) ? 1 : 0)
        + (labelledCity(p.cityB(), p.idB(), labels, names) ? 1 : 0);
    if (labelled == 2) {
      errors.falseBothLabelled++;
    } else if (labelled == 1) {
      errors.falseOneLabelled++;
    } else {
      errors.falseNoneLabelled++;
    }
  }

  private static boolean labelledCity(String name, String id, List<Found> labels,
      NameMatcher names) {
    return labels.stream().anyMatch(l -> names.sameCity(l.cityA(), name, id)
        || names.sameCity(l.cityB(), name, id));
  }

  /** Whether extracted {@code p} is the labelled pair {@code label} (either order). */
  public static boolean samePair(Found label, Found p, NameMatcher names) {
    return (names.sameCity(label.cityA(), p.cityA(), p.idA())
            && names.sameCity(label.cityB(), p.cityB(), p.idB()))
        || (names.sameCity(label.cityA(), p.cityB(), p.idB())
            && names.sameCity(label.cityB(), p.cityA(), p.idA()));
  }

  /** One entry per city pair (by name), the first one seen. */
  private static List<Found> distinctPairs(Collection<Found> ps) {
    Map<String, Found> m = new LinkedHashMap<>();
    for (Found p : ps) {
      String a = nameKey(p.cityA());
      String b = nameKey(p.cityB());
      m.putIfAbsent(a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a, p);
    }
    return new ArrayList<>(m.values());
  }

  /** A city name for comparison: lower case, no diacritics, letters only. */
  static String nameKey(String name) {
    return SurfaceNormalizer.normalize(name).replaceAll("[^\\p{L}]", "");
  }

  private static Set<String> countryKeys(Collection<Found> ps) {
    Set<String> s = new HashSet<>();
    ps.forEach(p -> s.add(p.countryKey()));
    return s;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static double f1(int tp, int pred, int gold) {
    if (pred + gold == 0) {
      return Double.NaN;
    }
    return 2.0 * tp / (pred + gold);
  }

  private static String fmt(double d) {
    return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.2f", d);
  }
}
