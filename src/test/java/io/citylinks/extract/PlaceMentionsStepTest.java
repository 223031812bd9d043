package io.citylinks.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.spark.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark NLP front end and the place stage on real Spark: offsets land in the article text. */
class PlaceMentionsStepTest {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("lang", DataTypes.StringType).add("is_canonical", DataTypes.BooleanType);
  static final String EN = "Council news.\nThe mayor of Izmir welcomed a delegation from Chengdu. "
      + "Both cities will work on transport.";
  static final String TR = "İzmir Büyükşehir Belediyesi, Çin'den gelen Harbin heyetini ağırladı.";
  /** Municipal news with places but no partnership cue. */
  static final String ROADS = "The council of Izmir repaired the roads near the harbour.";

  @TempDir Path dir;

  private Dataset<Row> articles(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("a1", EN, "en", true),
        RowFactory.create("a2", TR, "tr", true),
        RowFactory.create("a3", EN, "en", false),
        RowFactory.create("a4", ROADS, "en", true)), ARTICLES);
  }

  @Test
  void mentionsPointIntoTheArticleText() {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extract");
    List<Row> rows = PlaceMentionsStep.placeMentions(articles(spark), config.extract(), "r1")
        .orderBy("article_id", "start").collectAsList();
    String found = rows.stream().map(r -> r.getString(0) + ":" + r.getString(5) + ":"
        + r.getInt(2) + "-" + r.getInt(3)).collect(Collectors.joining(" "));
    int izmir = EN.indexOf("Izmir");
    int chengdu = EN.indexOf("Chengdu");
    assertTrue(found.contains("a1:311046:" + izmir + "-" + (izmir + 5)), found);
    assertTrue(found.contains("a1:1815286:" + chengdu + "-" + (chengdu + 7)), found);
    assertTrue(found.contains("a2:2037013:"), found);
    assertTrue(found.contains("a2:country:CN:"), found);
    for (Row r : rows) {
      String text = r.getString(0).equals("a1") ? EN : TR;
      assertTrue(r.getString(0).equals("a1") || r.getString(0).equals("a2"), r.toString());
      assertEquals(r.getString(4), text.substring(r.getInt(2), r.getInt(3)), r.toString());
    }
    assertTrue(rows.stream().noneMatch(r -> r.getString(0).equals("a3")), "only canonical articles");
    assertTrue(rows.stream().noneMatch(r -> r.getString(0).equals("a4")),
        "scope candidates: no partnership cue, no place recognition");
  }

  @Test
  void scopeAllReadsEveryCanonicalArticle() {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extractall", "extract.scope=all");
    List<Row> rows = PlaceMentionsStep.placeMentions(articles(spark), config.extract(), "r1")
        .filter("article_id = 'a4'").collectAsList();
    assertEquals(1, rows.size(), rows.toString());
    assertEquals("311046", rows.get(0).getString(5));
  }

  @Test
  void savedModelGivesTheSameMentions() throws Exception {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extract");
    Dataset<Row> input = articles(spark).select("article_id", "text", "lang");
    PipelineModel model = ExtractionPipeline.build(input, config.extract());
    model.write().overwrite().save(dir.resolve("model").toString());
    PipelineModel loaded = PipelineModel.load(dir.resolve("model").toString());
    assertEquals(model.transform(input).select("places").collectAsList(),
        loaded.transform(input).select("places").collectAsList());
  }
}
