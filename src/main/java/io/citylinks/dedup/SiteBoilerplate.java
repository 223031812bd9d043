package io.citylinks.dedup;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.citylinks.dedup.BoilerplateLines.LineKey;
import io.citylinks.ingest.ArticleBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes site boilerplate from article text, the way CCNet does for Common Crawl: a normalised
 * line that occurs on at least {@code minPages} distinct pages of one site, and on at least
 * {@code minShare} of them (its menu, "Add comment", share buttons, footer), is dropped from
 * {@code text} of every page of that site;
 * {@code raw_text} keeps it, and {@code content_hash} and {@code text_chars} follow the new text.
 * Pages are counted by distinct {@code content_hash}, so exact copies of one page never make its
 * own lines look like boilerplate. The share keeps a big site's stories whole: a lead that one
 * outlet ran on three of its thousand pages is not its menu.
 */
public final class SiteBoilerplate {
  private static final Logger LOG = LoggerFactory.getLogger(SiteBoilerplate.class);
  /** The local property setJobDescription writes (its constant is private to Spark). */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  /** One row per distinct line of a page: the line's hash within its site, and the page. */
  private static final StructType PAGE_LINES = new StructType()
      .add("site", DataTypes.LongType, false)
      .add("line_hash", DataTypes.LongType, false)
      .add("long_line", DataTypes.BooleanType, false)
      .add("page", DataTypes.LongType, false);

  private SiteBoilerplate() {}

  /**
   * {@code articles} (at least {@code domain}, {@code text}, {@code content_hash}) with the
   * boilerplate lines of each site removed from {@code text}; every column stays, in its place.
   * Two passes: one counts pages per (site, line) with partial aggregation and collects the
   * boilerplate line hashes to the driver (a few per site), the other filters the lines against
   * their broadcast. Lazy but for the first pass, which runs here; {@code articles} is read by
   * both, so persist it first when it is costly to compute.
   */
  public static Dataset<Row> remove(Dataset<Row> articles, int minPages, double minShare) {
    if (minPages < 2) {
      throw new IllegalArgumentException(
          "site boilerplate: minPages must be at least 2, got " + minPages);
    }
    if (!(minShare >= 0 && minShare <= 1)) {
      throw new IllegalArgumentException(
          "site boilerplate: minShare must be between 0 and 1, got " + minShare);
    }
    StructType schema = articles.schema();
    for (String column : new String[] {"domain", "text", "content_hash"}) {
      if (!Arrays.asList(schema.fieldNames()).contains(column)) {
        throw new IllegalArgumentException("site boilerplate: articles have no column '" + column
            + "' (columns: " + String.join(", ", schema.fieldNames()) + ")");
      }
    }
    long[] boilerplate = boilerplateHashes(articles, minPages, minShare);
    LOG.info("site boilerplate: {} lines occur on at least {} pages and {}% of the pages of "
        + "their site", boilerplate.length, minPages, minShare * 100);
    if (boilerplate.length == 0) {
      return articles;
    }
    Broadcast<long[]> hashes = JavaSparkContext.fromSparkContext(
        articles.sparkSession().sparkContext()).broadcast(boilerplate);
    return articles.map(new StripLines(hashes, schema), Encoders.row(schema));
  }

  /** The sorted hashes of the (site, line) pairs that qualify as boilerplate. */
  static long[] boilerplateHashes(Dataset<Row> articles, int minPages, double minShare) {
    // Every column a long or a flag: Spark aggregates them in hash tables, without sorting.
    Dataset<Row> pageLines = articles.select(col("domain"), col("content_hash"), col("text"))
        .flatMap(new PageLineKeys(), Encoders.row(PAGE_LINES))
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Exact copies of a page share its key: distinct (line, page) pairs count pages, not copies.
    Dataset<Row> counts = pageLines.select("site", "line_hash", "long_line", "page").distinct()
        .groupBy("site", "line_hash", "long_line")
        .agg(count(lit(1)).as("pages"));
    Dataset<Row> sitePages = pageLines.select("site", "page").distinct()
        .groupBy("site")
        .agg(count(lit(1)).as("site_pages"));
    Dataset<Row> qualifying = counts.join(sitePages, "site")
        .filter(col("pages").geq(when(col("long_line"),
            lit(BoilerplateLines.minPages(true, minPages)))
            .otherwise(lit(BoilerplateLines.minPages(false, minPages)))))
        .filter(col("pages").geq(ceil(col("site_pages").multiply(minShare))))
        .select("line_hash");
    SparkContext sc = articles.sparkSession().sparkContext();
    String previous = sc.getLocalProperty(JOB_DESCRIPTION);
    sc.setJobDescription("site boilerplate: count the pages of each line of each site");
    List<Row> rows;
    try {
      rows = qualifying.collectAsList();
    } finally {
      sc.setJobDescription(previous);
    }
    pageLines.unpersist();
    long[] hashes = new long[rows.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = rows.get(i).getLong(0);
    }
    Arrays.sort(hashes);
    return hashes;
  }

  /** A page as its distinct lines, each with the page's key (its content hash, as a long). */
  private static final class PageLineKeys implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Row r) {
      String site = BoilerplateLines.siteOf(r.getString(0));
      String text = r.getString(2);
      long page = pageKey(r.getString(1), text);
      long siteKey = BoilerplateLines.lineHash(site, "");
      List<Row> out = new ArrayList<>();
      for (LineKey line : BoilerplateLines.distinctLines(site, text)) {
        out.add(RowFactory.create(siteKey, line.hash(), line.longLine(), page));
      }
      return out.iterator();
    }

    /** The first 64 bits of the content hash: enough to tell a site's pages apart. */
    private static long pageKey(String contentHash, String text) {
      if (contentHash != null && contentHash.length() >= 16) {
        try {
          return Long.parseUnsignedLong(contentHash.substring(0, 16), 16);
        } catch (NumberFormatException e) {
          // not hex: hash it like a line below
        }
      }
      return BoilerplateLines.lineHash("", contentHash != null ? contentHash
          : text == null ? "" : text);
    }
  }

  /** Second pass: each row's text without its site's boilerplate lines. */
  private static final class StripLines implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<long[]> hashes;
    private final int domain;
    private final int text;
    private final int contentHash;
    private final int textChars;

    StripLines(Broadcast<long[]> hashes, StructType schema) {
      this.hashes = hashes;
      this.domain = schema.fieldIndex("domain");
      this.text = schema.fieldIndex("text");
      this.contentHash = schema.fieldIndex("content_hash");
      this.textChars = Arrays.asList(schema.fieldNames()).contains("text_chars")
          ? schema.fieldIndex("text_chars") : -1;
    }

    @Override
    public Row call(Row r) {
      String before = r.getString(text);
      String after = BoilerplateLines.strip(
          BoilerplateLines.siteOf(r.getString(domain)), before, hashes.value());
      if (after == before) {
        return r; // strip returns the same instance when nothing goes
      }
      Object[] values = new Object[r.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      values[text] = after;
      values[contentHash] = ArticleBuilder.contentHash(after);
      if (textChars >= 0) {
        values[textChars] = after.codePointCount(0, after.length());
      }
      return RowFactory.create(values);
    }
  }
}
