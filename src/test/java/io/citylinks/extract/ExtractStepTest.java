package io.citylinks.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.spark.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

/**
 * The extraction pipeline on real Spark: place offsets land in the article text, partnerships
 * come out with their pair, type, topics, year and evidence, and a saved model gives the same.
 */
class ExtractStepTest {
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
    List<Row> rows = ExtractStep.placeMentions(ExtractStep.annotate(articles(spark), config.extract()), "r1")
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
  void partnershipsComeWithPairTypeTopicsYearAndEvidence() {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extract");
    Dataset<Row> input = articles(spark).withColumn("year",
        org.apache.spark.sql.functions.lit(2024));
    List<Row> rows = ExtractStep.partnershipMentions(
            ExtractStep.annotate(input, config.extract()), "r1")
        .orderBy("article_id").collectAsList();
    String found = rows.stream().map(r -> r.getAs("article_id") + ":" + r.getAs("city_a") + "/"
        + r.getAs("country_a") + "-" + r.getAs("city_b") + "/" + r.getAs("country_b") + ":"
        + r.getAs("type") + ":" + r.getList(r.fieldIndex("topics")) + ":" + r.getAs("year"))
        .collect(Collectors.joining(" "));
    assertEquals("a1:Chengdu/CN-İzmir/TR:visit:[transport]:2024 a2:Harbin/CN-İzmir/TR:visit:[]:2024",
        found);
    Row a1 = rows.get(0);
    assertEquals("The mayor of Izmir welcomed a delegation from Chengdu", a1.getAs("evidence"));
    assertEquals("1815286", a1.getAs("geoname_id_a"));
    assertEquals("311046", a1.getAs("geoname_id_b"));
    assertEquals(16, ((String) a1.getAs("event_id")).length());
    double confidence = a1.getAs("confidence");
    assertTrue(confidence > 0.3 && confidence < 1, "confidence " + confidence);
  }

  @Test
  void anAbbreviationsFullStopDoesNotEndTheSentence() {
    // "m.in." (among others) stands between the cue and the list of partners; "r." (year) goes
    // on into its sentence too
    String pl = "Rada miasta obradowała w środę. Miastami partnerskimi Lublina są m.in. Lwów, "
        + "Drezno i Wilno. W 2019 r. prezydent Lublina odwiedził Drezno.";
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extract");
    Dataset<Row> input = spark.createDataFrame(
        List.<Row>of(RowFactory.create("p1", pl, "pl", true)), ARTICLES)
        .withColumn("year", org.apache.spark.sql.functions.lit(2024));
    List<Row> rows = ExtractStep.partnershipMentions(
        ExtractStep.annotate(input, config.extract()), "r1").collectAsList();
    String found = rows.stream().map(r -> r.getAs("city_a") + "-" + r.getAs("city_b") + ":"
        + r.getAs("evidence")).sorted().collect(Collectors.joining("\n"));
    String list = "Miastami partnerskimi Lublina są m.in. Lwów, Drezno i Wilno";
    for (String partner : List.of("Lviv", "Dresden", "Vilnius")) {
      assertTrue(rows.stream().anyMatch(r -> r.getAs("evidence").equals(list)
          && Set.of(r.getAs("city_a"), r.getAs("city_b")).equals(Set.of(partner, "Lublin"))),
          found);
    }
  }

  @Test
  void scopeAllReadsEveryCanonicalArticle() {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extractall", "extract.scope=all");
    List<Row> rows = ExtractStep.placeMentions(ExtractStep.annotate(articles(spark), config.extract()), "r1")
        .filter("article_id = 'a4'").collectAsList();
    assertEquals(1, rows.size(), rows.toString());
    assertEquals("311046", rows.get(0).getString(5));
  }

  @Test
  void savedModelGivesTheSameMentions() throws Exception {
    SparkSession spark = TestSpark.session();
    CitylinksConfig config = TestSpark.config("extract");
    Dataset<Row> input = articles(spark).select("article_id", "text", "lang")
        .withColumn("year", org.apache.spark.sql.functions.lit(2024));
    PipelineModel model = ExtractionPipeline.build(input, config.extract());
    model.write().overwrite().save(dir.resolve("model").toString());
    PipelineModel loaded = PipelineModel.load(dir.resolve("model").toString());
    List<Row> expected = model.transform(input).select("places", "partnerships").collectAsList();
    assertEquals(expected, loaded.transform(input).select("places", "partnerships")
        .collectAsList());
    assertTrue(expected.stream().anyMatch(r -> !r.getList(1).isEmpty()), expected.toString());
  }
}
