package io.citylinks.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import io.citylinks.config.ExtractSettings;
import io.citylinks.spark.Tables;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Canonical articles → rows of {@code place_mentions}, through the extraction pipeline. */
public final class PlaceMentionsStep {
  private PlaceMentionsStep() {}

  /**
   * {@code articles} has at least article_id, text, lang and is_canonical. With scope
   * {@code candidates}, only articles that may report a partnership ({@link PartnershipCues}) are
   * read.
   */
  public static Dataset<Row> placeMentions(Dataset<Row> articles, ExtractSettings settings,
      String runId) {
    Dataset<Row> canonical = articles.filter(col("is_canonical"))
        .select(col("article_id"), col("text"), col("lang"));
    if (!settings.allArticles()) {
      canonical = canonical.filter((FilterFunction<Row>) r ->
          PartnershipCues.shared().mayReportPartnership(r.getString(1),
              r.isNullAt(2) ? null : r.getString(2)));
    }
    PipelineModel model = ExtractionPipeline.build(canonical, settings);
    return model.transform(canonical)
        .select(col("article_id"), explode(col("places")).as("p"))
        .select(col("article_id"), col("p.sentence_idx").as("sentence_idx"),
            col("p.start").as("start"), col("p.end").as("end"), col("p.surface").as("surface"),
            col("p.place_id").as("geoname_id"), col("p.name").as("city"),
            col("p.country").as("country"), col("p.kind").as("kind"),
            col("p.confidence").as("confidence"), col("p.rule").as("rule"),
            lit(runId).as("run_id"))
        .to(Tables.PLACE_MENTIONS.schema());
  }
}
