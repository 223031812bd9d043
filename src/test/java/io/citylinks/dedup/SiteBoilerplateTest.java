package io.citylinks.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.citylinks.ingest.ArticleBuilder;
import io.citylinks.spark.TestSpark;
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

/** Menus and footers repeated across a site's pages leave its text; stories stay. */
class SiteBoilerplateTest {
  static final StructType SCHEMA = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("domain", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("raw_text", DataTypes.StringType)
      .add("content_hash", DataTypes.StringType)
      .add("text_chars", DataTypes.IntegerType);

  static final String MENU = "Home\nNews\nCity Council\nContact";
  static final String LONG_PARAGRAPH = "The council reminds residents that the recycling centre "
      + "on Mill Road is open from Monday to Saturday, that bulky waste can be booked for "
      + "collection online or by phone, and that garden waste bins are emptied every second "
      + "week from March until the end of November.";

  final SparkSession spark = TestSpark.session();

  static String footer(int year) {
    return "Add comment\n\nShare on Facebook | Share on X\n\n© " + year + " Riverton City Council";
  }

  static Row article(String id, String domain, String text) {
    return RowFactory.create(id, domain, text, text, ArticleBuilder.contentHash(text),
        text.codePointCount(0, text.length()));
  }

  @Test
  void linesOnThreePagesOfASiteLeaveItsText() {
    linesOnThreePagesLeave(false);
  }

  @Test
  void lineKeysFromIngestionGiveTheSameTexts() {
    linesOnThreePagesLeave(true);
  }

  /** {@code articles} with the line keys ingestion adds to each row. */
  static Dataset<Row> withLineKeys(Dataset<Row> articles) {
    StructType schema = articles.schema()
        .add(SiteBoilerplate.LINE_HASHES, DataTypes.createArrayType(DataTypes.LongType))
        .add(SiteBoilerplate.LONG_LINES, DataTypes.createArrayType(DataTypes.IntegerType));
    int domain = articles.schema().fieldIndex("domain");
    int text = articles.schema().fieldIndex("text");
    return articles.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
      BoilerplateLines.Keys keys = BoilerplateLines.keyLines(
          BoilerplateLines.siteOf(r.getString(domain)), r.getString(text));
      Object[] values = new Object[r.size() + 2];
      for (int i = 0; i < r.size(); i++) {
        values[i] = r.get(i);
      }
      values[r.size()] = keys.hashes();
      values[r.size() + 1] = keys.longLines();
      return RowFactory.create(values);
    }, org.apache.spark.sql.Encoders.row(schema));
  }

  private void linesOnThreePagesLeave(boolean withKeys) {
    String library = "Riverton opens a new library in the old station building.";
    String market = "The Saturday market moves to the harbour square.";
    String bridge = "Repairs to the Mill Road bridge are finished.";
    String once = "The mayor thanked the volunteers who helped with the move.";
    String copy = "Road works on Station Street start on Monday.\n\nThe works last two weeks.";
    String trees = "Lakeside plants two hundred trees along the river.";
    String youth = "Lakeside elects its first youth council.";
    List<Row> rows = new ArrayList<>(List.of(
        article("a1", "riverton.example",
            MENU + "\n\n" + library + "\n\n" + LONG_PARAGRAPH + "\n\n" + footer(2023)),
        article("a2", "riverton.example",
            MENU + "\n\n" + market + "\n\n" + LONG_PARAGRAPH + "\n\n" + footer(2024)),
        article("a3", "riverton.example",
            MENU + "\n\n" + bridge + "\n" + once + "\n\n" + LONG_PARAGRAPH + "\n\n" + footer(2024)),
        // Nothing but the site's own chrome: kept whole rather than emptied.
        article("a7", "riverton.example", MENU + "\n\n" + footer(2022)),
        // The same menu on two pages of another site is not that site's boilerplate (yet).
        article("b1", "lakeside.example", MENU + "\n\n" + trees + "\n\nAdd comment"),
        article("b2", "lakeside.example", MENU + "\n\n" + youth + "\n\nAdd comment"),
        // Articles without a domain are one site of their own.
        article("n1", null, "Subscribe to our newsletter\n\n" + library),
        article("n2", null, "Subscribe to our newsletter\n\n" + market),
        article("n3", null, "Subscribe to our newsletter!\n" + bridge)));
    // Three exact copies of one page are one page: their own lines are no boilerplate.
    for (String id : new String[] {"a4", "a5", "a6"}) {
      rows.add(article(id, "riverton.example", MENU + "\n\n" + copy + "\n\n" + footer(2024)));
    }
    Dataset<Row> articles = spark.createDataFrame(rows, SCHEMA);
    if (withKeys) {
      articles = withLineKeys(articles);
    }

    Dataset<Row> cleaned = SiteBoilerplate.remove(articles, 3, 0.05);

    assertEquals(SCHEMA, cleaned.schema());
    Map<String, String> expected = new TreeMap<>(Map.of(
        "a1", library + "\n\n" + LONG_PARAGRAPH,
        "a2", market + "\n\n" + LONG_PARAGRAPH,
        "a3", bridge + "\n" + once + "\n\n" + LONG_PARAGRAPH,
        "a7", MENU + "\n\n" + footer(2022),
        "b1", MENU + "\n\n" + trees + "\n\nAdd comment",
        "b2", MENU + "\n\n" + youth + "\n\nAdd comment",
        "n1", library,
        "n2", market,
        "n3", bridge));
    for (String id : new String[] {"a4", "a5", "a6"}) {
      expected.put(id, copy);
    }
    Map<String, String> texts = new TreeMap<>();
    Map<String, Row> byId = new TreeMap<>();
    for (Row r : cleaned.collectAsList()) {
      texts.put(r.getString(0), r.getString(2));
      byId.put(r.getString(0), r);
    }
    assertEquals(expected, texts);
    Map<String, Row> input = new TreeMap<>();
    rows.forEach(r -> input.put(r.getString(0), r));
    for (Row r : byId.values()) {
      String text = r.getString(2);
      assertEquals(input.get(r.getString(0)).getString(3), r.getString(3), "raw_text is kept");
      assertEquals(ArticleBuilder.contentHash(text), r.getString(4), r.getString(0));
      assertEquals(text.length(), r.getInt(5), r.getString(0));
    }
  }

  @Test
  void aLeadOnAFewPagesOfABigSiteIsAStoryNotBoilerplate() {
    String lead = "Riverton and Lakeside renew their partnership for another five years.";
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      String story = "Story number " + (char) ('a' + i % 26) + (char) ('a' + i / 26) + ".";
      rows.add(article("p" + i, "big.example",
          MENU + "\n\n" + (i < 3 ? lead + "\n\n" : "") + story));
    }
    Map<String, String> texts = new TreeMap<>();
    for (Row r : SiteBoilerplate.remove(spark.createDataFrame(rows, SCHEMA), 3, 0.05)
        .filter("article_id IN ('p0', 'p9')").collectAsList()) {
      texts.put(r.getString(0), r.getString(2));
    }
    // The menu is on 70 of 70 pages; the lead on 3, under 5% of them.
    assertEquals(Map.of("p0", lead + "\n\nStory number aa.", "p9", "Story number ja."), texts);
  }

  @Test
  void nothingToRemoveLeavesTheRowsAlone() {
    Dataset<Row> articles = spark.createDataFrame(List.of(
        article("x1", "quiet.example", "One story.\n\nAdd comment"),
        article("x2", "quiet.example", "Another story.\n\nAdd comment")), SCHEMA);
    assertSame(articles, SiteBoilerplate.remove(articles, 3, 0.05));
    assertEquals(1, SiteBoilerplate.remove(articles, 2, 0.05).filter("text = 'One story.'").count());
  }

  @Test
  void badArgumentsAreNamed() {
    Dataset<Row> articles = spark.createDataFrame(List.of(
        article("x1", "quiet.example", "One story.")), SCHEMA);
    assertEquals("site boilerplate: minPages must be at least 2, got 1",
        assertThrows(IllegalArgumentException.class,
            () -> SiteBoilerplate.remove(articles, 1, 0.05)).getMessage());
    assertEquals("site boilerplate: minShare must be between 0 and 1, got 1.5",
        assertThrows(IllegalArgumentException.class,
            () -> SiteBoilerplate.remove(articles, 3, 1.5)).getMessage());
    assertEquals("site boilerplate: articles have no column 'domain' (columns: article_id, text, "
            + "raw_text, content_hash, text_chars)",
        assertThrows(IllegalArgumentException.class,
            () -> SiteBoilerplate.remove(articles.drop("domain"), 3, 0.05)).getMessage());
  }
}
