package io.citylinks.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.config.NearDuplicateSettings;
import io.citylinks.spark.TestSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Exact and near copies clustered on real Spark, and a second run matched against the first. */
class NearDuplicatesTest {
  static final NearDuplicateSettings SETTINGS = new NearDuplicateSettings(42, 3, 5, 0.5, 0.7, 1000);
  static final StructType SCHEMA = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("content_hash", DataTypes.StringType)
      .add("canonical_url", DataTypes.StringType)
      .add("payload_digest", DataTypes.StringType)
      .add("published_date", DataTypes.DateType)
      .add("text_chars", DataTypes.IntegerType);

  static final String STORY = SampleText.words(11, 300);
  static final String OTHER_STORY = SampleText.words(12, 300);
  static final String CHINESE = "两市代表团在市政府会见时表示将在智慧城市公共交通和文化旅游领域加强合作"
      + "双方同意每年互派青年交流团并在明年春天举办友好城市图片展览市长感谢客人的来访";

  final SparkSession spark = TestSpark.session();

  static Row article(String id, String text, String date, String canonicalUrl, String digest) {
    return RowFactory.create(id, text, "hash-" + text.hashCode(), canonicalUrl, digest,
        date == null ? null : Date.valueOf(date), text.length());
  }

  Dataset<Row> frame(Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  static Map<String, String> clusters(NearDuplicates.Result r, Dataset<Row> articles) {
    Map<String, String> out = new TreeMap<>();
    List<String> all = new ArrayList<>();
    articles.select("article_id").collectAsList().forEach(x -> all.add(x.getString(0)));
    for (String id : all) {
      out.put(id, id + " canonical");
    }
    for (Row x : r.clusters().collectAsList()) {
      out.put(x.getString(0), x.getString(1) + (x.getBoolean(2) ? " canonical" : ""));
    }
    return out;
  }

  @Test
  void clustersExactAndNearCopiesAndKeepsOtherStoriesApart() {
    String cutShort = STORY.substring(0, STORY.length() * 2 / 3);
    Dataset<Row> articles = frame(
        article("a-copy", STORY, "2024-03-02", null, null),
        article("b-original", STORY.replace("council", "City Council") , "2024-03-01", null, null),
        article("c-ticker", "BREAKING | " + STORY + "\nShare this story", "2024-03-05", null,
            null),
        article("d-cut", cutShort, null, null, null),
        article("e-other", OTHER_STORY, "2024-03-01", null, null),
        article("f-rescrape", SampleText.words(13, 200), "2024-04-01", "https://x.org/p/9", null),
        article("g-rescrape", SampleText.words(14, 200), "2024-04-02", "https://x.org/p/9", null),
        article("h-zh", CHINESE, "2024-05-01", null, null),
        article("i-zh", "快讯：" + CHINESE.substring(0, CHINESE.length() - 4), "2024-05-02", null,
            null),
        article("j-empty", "— …", null, null, "sha1:AAA"),
        article("k-empty", "… —", null, null, "sha1:AAA"),
        article("l-empty", "...", null, null, null));
    NearDuplicates.Result r = NearDuplicates.cluster(articles, null, SETTINGS, "run-1");

    Map<String, String> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("a-copy", "b-original"),
        Map.entry("b-original", "b-original canonical"),
        Map.entry("c-ticker", "b-original"),
        Map.entry("d-cut", "b-original"),
        Map.entry("e-other", "e-other canonical"),
        Map.entry("f-rescrape", "f-rescrape canonical"),
        Map.entry("g-rescrape", "f-rescrape"),
        Map.entry("h-zh", "h-zh canonical"),
        Map.entry("i-zh", "h-zh"),
        Map.entry("j-empty", "j-empty canonical"),
        Map.entry("k-empty", "j-empty"),
        Map.entry("l-empty", "l-empty canonical")));
    assertEquals(expected, clusters(r, articles));
    assertEquals(12, r.signatures().count());
    assertEquals(List.of("b-original"), r.signatures().filter("article_id = 'd-cut'")
        .select("dup_cluster_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void laterRunMatchesNewArticlesAgainstStoredSignatures() {
    Dataset<Row> first = frame(
        article("m-first", STORY, "2024-03-01", null, null),
        article("n-first", STORY + " Extra closing line of the report.", "2024-03-03", null, null),
        article("o-first", OTHER_STORY, "2024-03-01", null, null));
    NearDuplicates.Result one = NearDuplicates.cluster(first, null, SETTINGS, "run-1");
    // Stored and read back, as the pipeline does between runs.
    String table = "near_dup_history_" + System.nanoTime();
    one.signatures().write().format("delta").saveAsTable(table);

    Dataset<Row> second = frame(
        article("a-later", "Reprinted: " + STORY, "2024-02-01", null, null),
        article("z-new", SampleText.words(15, 300), "2024-03-09", null, null),
        article("z-new-copy", SampleText.words(15, 300), "2024-03-10", null, null));
    Dataset<Row> history = spark.table(table)
        .join(first.select("article_id", "published_date", "text_chars"), "article_id");
    NearDuplicates.Result two = NearDuplicates.cluster(second, history, SETTINGS, "run-2");
    Map<String, String> expected = new TreeMap<>(Map.of(
        // Published earlier than the stored original: the canonical, as in one run over all.
        "a-later", "a-later canonical",
        "m-first", "a-later",
        "n-first", "a-later",
        "z-new", "z-new canonical",
        "z-new-copy", "z-new"));
    assertEquals(expected, clusters(two, second));
    // ... which one run over all six articles gives.
    assertEquals(expected, clusters(NearDuplicates.cluster(first.unionByName(second), null,
        SETTINGS, "run-all"), second));
  }
}
