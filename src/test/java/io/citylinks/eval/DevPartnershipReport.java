package io.citylinks.eval;

import io.citylinks.eval.GoldScorer.Found;
import io.citylinks.eval.GoldScorer.GoldDoc;
import io.citylinks.extract.partnership.Candidate;
import io.citylinks.extract.partnership.PartnershipExtractor;
import io.citylinks.extract.places.DevPlaceReport;
import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import io.citylinks.ingest.dates.FoundDate;
import io.citylinks.ingest.dates.PublishedDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  }

  /** The places the resolver recognises in a page, as the tables' place_mentions hold them. */
  private static List<GoldScorer.Recognised> recognised(String page, String lang) {
    List<String> sentences = Arrays.asList(DevPlaceReport.SENTENCES.split(
        PublishedDates.splitDateLine(page).rest()));
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
    List<String> sentences = Arrays.asList(DevPlaceReport.SENTENCES.split(split.rest()));
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
