package io.citylinks.eval;

import io.citylinks.eval.GoldScorer.Found;
import io.citylinks.eval.GoldScorer.GoldDoc;
import io.citylinks.extract.partnership.Candidate;
import io.citylinks.extract.partnership.PartnershipExtractor;
import io.citylinks.extract.places.DevPlaceReport;
import io.citylinks.extract.places.PlaceMatcher;
import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import io.citylinks.ingest.dates.FoundDate;
import io.citylinks.ingest.dates.PublishedDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Developer's quick loop over a labelled set of text pages without Spark: date line, sentences,
 * places and partnerships as the pipeline finds them, scored by {@link GoldScorer}. Usage:
 * {@code DevPartnershipReport DOCS_DIR GOLD_JSONL [-v] [--aggregate]} ({@code --aggregate}: the
 * tables only, no page's differences — for the blind set). The figures of record come from
 * {@code jobs/run} then {@code jobs/score}, which read the tables.
 */
public final class DevPartnershipReport {
  public static void main(String[] args) throws IOException {
    Path docs = Path.of(args[0]);
    List<GoldDoc> gold = GoldScorer.readGold(Path.of(args[1]));
    boolean verbose = Arrays.asList(args).contains("-v");
    boolean aggregate = Arrays.asList(args).contains("--aggregate");
    Map<String, List<Found>> found = new HashMap<>();
    Map<String, List<GoldScorer.Recognised>> places = new HashMap<>();
    for (GoldDoc g : gold) {
      Path doc = docs.resolve(g.id() + ".txt");
      if (!Files.isRegularFile(doc)) {
        continue;
      }
      String page = Files.readString(doc);
      found.put(g.id(), extract(page, g.lang(), verbose && !aggregate ? g.id() : null));
      places.put(g.id(), recognised(page, g.lang()));
    }
    GoldScorer.Report report = GoldScorer.score(gold, found, places, GazetteerNames.shared());
    if (!aggregate) {
      report.differences().forEach(System.out::println);
    }
    System.out.print(report.format());
    System.out.print(report.formatBands());
    System.out.print(report.errors().format());
    System.out.print(unrecognised(docs, gold, found, places));
  }

  /**
   * Of the labelled cities of missed pairs that no found pair and no recognised place has, how
   * many the gazetteer matches in the page's text (a reading the resolver turned down) and how
   * many it does not (a spelling or place it lacks), summed over all pages (the second also by
   * language).
   */
  private static String unrecognised(Path docs, List<GoldDoc> gold, Map<String, List<Found>> found,
      Map<String, List<GoldScorer.Recognised>> places) throws IOException {
    GazetteerNames names = GazetteerNames.shared();
    Gazetteer gazetteer = Gazetteer.shared();
    PlaceMatcher matcher = new PlaceMatcher(gazetteer);
    int matched = 0;
    int unmatched = 0;
    Map<String, Integer> unmatchedByLang = new TreeMap<>();
    for (GoldDoc g : gold) {
      List<Found> pred = found.getOrDefault(g.id(), List.of());
      List<GoldScorer.Recognised> seen = places.getOrDefault(g.id(), List.of());
      Set<String> inText = null;
      for (Found label : g.partnerships()) {
        for (String city : List.of(label.cityA(), label.cityB())) {
          boolean known = pred.stream().anyMatch(p -> names.sameCity(city, p.cityA(), p.idA())
                  || names.sameCity(city, p.cityB(), p.idB()))
              || seen.stream().anyMatch(r -> names.sameCity(city, r.city(), r.id()));
          if (known) {
            continue;
          }
          if (inText == null) {
            inText = matchedPlaceIds(matcher, gazetteer,
                Files.readString(docs.resolve(g.id() + ".txt")), g.lang());
          }
          List<String> countries = List.of(label.countryA(), label.countryB());
          Set<String> finalInText = inText;
          boolean inGazetteerText = gazetteer.lookupEntries(SurfaceNormalizer.normalize(city))
              .stream().anyMatch(e -> countries.contains(e.place().countryCode())
                  && finalInText.contains(e.place().id()));
          if (inGazetteerText) {
            matched++;
          } else {
            unmatched++;
            unmatchedByLang.merge(g.lang(), 1, Integer::sum);
          }
        }
      }
    }
    return String.format(Locale.ROOT, "%-52s %4d%n%-52s %4d %s%n",
        "unrecognised labelled cities the gazetteer matches", matched,
        "unrecognised labelled cities it does not match", unmatched, unmatchedByLang);
  }

  private static Set<String> matchedPlaceIds(PlaceMatcher matcher, Gazetteer gazetteer,
      String page, String lang) {
    Set<String> ids = new HashSet<>();
    for (String sentence : DevPlaceReport.sentences(page)) {
      for (PlaceMatcher.Match m : matcher.find(sentence, lang)) {
        for (String key : m.keys()) {
          gazetteer.lookupEntries(key).forEach(e -> ids.add(e.place().id()));
        }
      }
    }
    return ids;
  }

  /** The places the resolver recognises in a page, as the tables' place_mentions hold them. */
  private static List<GoldScorer.Recognised> recognised(String page, String lang) {
    List<String> sentences = DevPlaceReport.sentences(PublishedDates.splitDateLine(page).rest());
    List<GoldScorer.Recognised> out = new ArrayList<>();
    for (PlaceMention m : PlaceResolver.shared().resolve(sentences, lang)) {
      out.add(new GoldScorer.Recognised(m.name(), m.placeId(), m.country()));
    }
    return out;
  }

  /** Partnerships of one page in the seed/dev text format. */
  static List<Found> extract(String page, String lang, String printAs) {
    return extract(page, lang, printAs, null);
  }

  /**
   * As above; when {@code features} is not null, the confidence model's features of each
   * partnership are added to it in the same order, and pairs under the model's floor are kept
   * (what {@link ConfidenceModelFitter} fits on).
   */
  static List<Found> extract(String page, String lang, String printAs, List<double[]> features) {
    PublishedDates.DateLineSplit split = PublishedDates.splitDateLine(page);
    FoundDate date = split.date() != null ? split.date()
        : PublishedDates.fromText(split.rest(), lang).orElse(null);
    Integer year = date == null ? null : date.date().getYear();
    List<String> sentences = DevPlaceReport.sentences(split.rest());
    List<Found> out = new ArrayList<>();
    for (Candidate c : PartnershipExtractor.extract(sentences, lang, year, features)) {
      out.add(new Found(c.a().name(), c.a().country(), c.a().placeId(), c.b().name(),
          c.b().country(), c.b().placeId(), c.type(), new TreeSet<>(c.topics()), c.year(),
          c.confidence()));
      if (printAs != null) {
        System.out.printf("   %s: %s/%s - %s/%s %s %s %s %.2f | %s%n", printAs, c.a().name(),
            c.a().country(), c.b().name(), c.b().country(), c.type(), c.topics(), c.year(),
            c.confidence(), sentences.get(c.evidenceIdx()).strip());
      }
    }
    return out;
  }

  private DevPartnershipReport() {}
}
