package io.citylinks.extract;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import io.citylinks.config.ExtractSettings;
import io.citylinks.spark.Tables;
import java.util.Arrays;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Canonical articles → the rows of {@code place_mentions} and {@code partnership_mentions},
 * through the extraction pipeline ({@link ExtractionPipeline}).
 */
public final class ExtractStep {
  private ExtractStep() {}

  /**
   * Runs the extraction pipeline over the canonical articles of {@code articles} (columns
   * article_id, text, lang, is_canonical and, when known, year). With scope {@code candidates},
   * only articles that may report a partnership ({@link PartnershipCues}) are read. The result has
   * one row per article read: article_id, places, partnerships and evidences (the text of each
   * partnership's evidence sentence). Callers that derive both tables should persist it.
   */
  public static Dataset<Row> annotate(Dataset<Row> articles, ExtractSettings settings) {
    Dataset<Row> canonical = articles.filter(col("is_canonical"))
        .select(col("article_id"), col("text"), col("lang"),
            Arrays.asList(articles.columns()).contains("year")
                ? col("year").cast(DataTypes.IntegerType)
                : lit(null).cast(DataTypes.IntegerType).as("year"));
    if (!settings.allArticles()) {
      canonical = canonical.filter((FilterFunction<Row>) r ->
          PartnershipCues.shared().mayReportPartnership(r.getString(1),
              r.isNullAt(2) ? null : r.getString(2)));
    }
    PipelineModel model = ExtractionPipeline.build(canonical, settings);
    return model.transform(canonical)
        .select(col("article_id"), col("places"), col("partnerships"),
            expr("transform(partnerships, p -> trim(element_at(sentence.result, "
                + "p.evidence_idx + 1)))").as("evidences"));
  }

  /** Rows of {@code place_mentions} from {@link #annotate}'s result. */
  public static Dataset<Row> placeMentions(Dataset<Row> annotated, String runId) {
    return annotated.select(col("article_id"), explode(col("places")).as("p"))
        .select(col("article_id"), col("p.sentence_idx").as("sentence_idx"),
            col("p.start").as("start"), col("p.end").as("end"), col("p.surface").as("surface"),
            col("p.place_id").as("geoname_id"), col("p.name").as("city"),
            col("p.country").as("country"), col("p.kind").as("kind"),
            col("p.confidence").as("confidence"), col("p.rule").as("rule"),
            lit(runId).as("run_id"))
        .to(Tables.PLACE_MENTIONS.schema());
  }

  /**
   * Rows of {@code partnership_mentions} from {@link #annotate}'s result. The event id is the
   * same for every mention of the same city pair, type and year, so mentions of one event in
   * several articles share it.
   */
  public static Dataset<Row> partnershipMentions(Dataset<Row> annotated, String runId) {
    return annotated.select(col("article_id"), col("evidences"),
            posexplode(col("partnerships")).as(new String[] {"i", "p"}))
        .select(col("article_id"),
            substring(sha2(concat_ws("|", col("p.a.place_id"), col("p.b.place_id"),
                col("p.type"), coalesce(col("p.year").cast("string"), lit(""))), 256), 1, 16)
                .as("event_id"),
            col("p.a.name").as("city_a"), col("p.a.country").as("country_a"),
            col("p.b.name").as("city_b"), col("p.b.country").as("country_b"),
            col("p.a.place_id").as("geoname_id_a"), col("p.b.place_id").as("geoname_id_b"),
            col("p.type").as("type"), col("p.topics").as("topics"), col("p.year").as("year"),
            expr("element_at(evidences, i + 1)").as("evidence"),
            col("p.evidence_idx").as("sentence_idx"), col("p.confidence").as("confidence"),
            lit(runId).as("run_id"))
        .to(Tables.PARTNERSHIP_MENTIONS.schema());
  }
}
