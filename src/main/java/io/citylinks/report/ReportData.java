package io.citylinks.report;

import java.time.Instant;
import java.util.List;

/**
 * What the report shows, read from one warehouse: plain values, so the charts render and test
 * without Spark. Lists are in a fixed order, so the same warehouse gives the same report.
 */
public record ReportData(Source source, Totals totals, List<CountryPairCount> countryPairs,
    List<YearTypeCount> eventsByYearType, List<TopicYearCount> topicsByYear,
    List<CityPair> topCityPairs) {

  public ReportData {
    countryPairs = List.copyOf(countryPairs);
    eventsByYearType = List.copyOf(eventsByYearType);
    topicsByYear = List.copyOf(topicsByYear);
    topCityPairs = List.copyOf(topCityPairs);
  }

  /** Where the figures come from; the last run's fields are null when no run is recorded. */
  public record Source(String warehouse, String database, String lastRunId, String lastRunStatus,
      Instant lastRunAt) {}

  /** Row counts of the tables. */
  public record Totals(long articles, long canonicalArticles, long events, long mentions,
      long runs) {}

  /** Partnership events of one country pair ({@code countryA <= countryB}). */
  public record CountryPairCount(String countryA, String countryB, long events) {}

  /** Partnership events of one year (null: the year is unknown) and type. */
  public record YearTypeCount(Integer year, String type, long events) {}

  /** Sum of {@code num_events} of one topic and year (null: unknown) in the aggregate. */
  public record TopicYearCount(String topic, Integer year, long events) {}

  /** Events of one type. */
  public record TypeCount(String type, long events) {}

  /** A sentence that reports the partnership, with the article it is from. */
  public record Evidence(String sentence, String lang, String domain, String publishedDate) {}

  /** One city pair: its events, the articles reporting them, and some evidence. */
  public record CityPair(String cityA, String countryA, String cityB, String countryB,
      long events, long articles, List<TypeCount> types, Integer firstYear, Integer lastYear,
      List<Evidence> evidence) {

    public CityPair {
      types = List.copyOf(types);
      evidence = List.copyOf(evidence);
    }
  }
}
