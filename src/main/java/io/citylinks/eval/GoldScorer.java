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
 * City names are compared without case, diacritics and punctuation ("İzmir" = "Izmir").
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

  /** The figures per language and overall ({@code "all"}). */
  /** One extracted city pair with its confidence, and whether the labels have it. */
  public record Scored(double confidence, boolean correct) {}

  /** The lower bounds of the confidence bands {@link Report#formatBands} prints. */
  static final double[] BANDS = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9};

  /**
   * The figures per language and overall, the differences from the labels, and every extracted
   * pair with its confidence (for the bands).
   */
  public record Report(Map<String, Tally> byLanguage, Tally all, List<String> differences,
      List<Scored> scored) {
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
   * has none) against {@code gold}.
   */
  public static Report score(List<GoldDoc> gold, Map<String, List<Found>> found,
      NameMatcher names) {
    Map<String, Tally> byLang = new TreeMap<>();
    List<String> differences = new ArrayList<>();
    List<Scored> scored = new ArrayList<>();
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
          differences.add(doc.id() + ": missed " + g.label());
          continue;
        }
        unmatched.remove(p);
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
    return new Report(byLang, all, differences, scored);
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
