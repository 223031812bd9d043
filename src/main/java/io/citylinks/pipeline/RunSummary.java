package io.citylinks.pipeline;

import java.time.Duration;
import java.util.Map;

/** What a pipeline run did, for the console summary, the runs table and the benchmark. */
public record RunSummary(
    String runId,
    String mode,
    String status,
    long inputFiles,
    long filesAlreadyRead,
    long inputBytes,
    long recordsRead,
    long articles,
    long rejected,
    long duplicates,
    long placeMentions,
    long partnershipMentions,
    long events,
    Map<String, Long> articlesByLang,
    Map<String, Long> rejectedByReason,
    Map<String, Double> stageSeconds,
    Duration elapsed) {

  /** A few lines a person reads at the end of a run. */
  public String describe(String warehouse, String database, String format) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("citylinks %s run %s: %s in %.1f s%n", mode, runId, status,
        elapsed.toMillis() / 1000.0));
    sb.append(String.format("  input      %,d files%s, %,.1f MB, %,d records read%n", inputFiles,
        filesAlreadyRead == 0 ? "" : String.format(" (%,d read before, skipped)",
            filesAlreadyRead), inputBytes / 1e6, recordsRead));
    sb.append(String.format("  articles   %,d (%,d duplicates: exact and near copies), "
        + "by language %s%n", articles, duplicates, articlesByLang));
    sb.append(String.format("  places     %,d city, district and country mentions%n",
        placeMentions));
    sb.append(String.format("  partners   %,d partnership mentions (city pair, type, topics, "
        + "year)%n", partnershipMentions));
    sb.append(String.format("  events     %,d partnership events (mentions merged across articles "
        + "and outlets)%n", events));
    sb.append(String.format("  rejected   %,d%s%n", rejected,
        rejected == 0 ? "" : " by reason " + rejectedByReason + " (see " + database
            + ".rejected_records)"));
    sb.append(String.format(
        "  tables     %s.{articles, place_mentions, partnership_mentions, partnership_events, "
            + "partnerships_by_country_pair_topic_year, dedup_signatures, rejected_records, "
            + "runs} (%s) in %s%n",
        database, format, warehouse));
    return sb.toString();
  }
}
