package io.citylinks.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.citylinks.config.IngestSettings;
import io.citylinks.dedup.BoilerplateLines;
import io.citylinks.dedup.SiteBoilerplate;
import io.citylinks.ingest.InputFiles.InputFile;
import io.citylinks.spark.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark adapter of ingestion: packs the input files into tasks by size, reads each file as a
 * stream of records on the executors and builds articles with {@link ArticleBuilder}. Readable
 * records and rejections come out of one pass as one dataset, split by {@link IngestResult}.
 */
public final class IngestStep {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStep.class);
  static final String KIND_ARTICLE = "article";
  static final String KIND_REJECTED = "rejected";

  /** Articles and rejections side by side: kind says which columns are filled. */
  static final StructType ITEM_SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("article_id", DataTypes.StringType)
      .add("source_file", DataTypes.StringType, false)
      .add("source_entry", DataTypes.StringType)
      .add("source_offset", DataTypes.LongType, false)
      .add("url", DataTypes.StringType)
      .add("canonical_url", DataTypes.StringType)
      .add("payload_digest", DataTypes.StringType)
      .add("domain", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("raw_text", DataTypes.StringType)
      .add("lang", DataTypes.StringType)
      .add("published_date", DataTypes.DateType)
      .add("date_precision", DataTypes.StringType)
      .add("year", DataTypes.IntegerType)
      .add("date_source", DataTypes.StringType)
      .add("charset", DataTypes.StringType)
      .add("content_hash", DataTypes.StringType)
      .add("text_chars", DataTypes.IntegerType)
      // Computed in the same pass, so site boilerplate needs no pass over the text of its own.
      .add(SiteBoilerplate.LINE_HASHES, DataTypes.createArrayType(DataTypes.LongType))
      .add(SiteBoilerplate.LONG_LINES, DataTypes.createArrayType(DataTypes.IntegerType))
      .add("reason", DataTypes.StringType)
      .add("detail", DataTypes.StringType);

  private IngestStep() {}

  /** Reads every file; the result is cached until {@link IngestResult#release()}. */
  public static IngestResult readArticles(SparkSession spark, List<InputFile> files,
      IngestSettings settings) {
    Dataset<Row> items = read(spark, files, settings)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    return new IngestResult(items, null);
  }

  /**
   * Reads every file in one pass and writes what it gives (articles and rejections) as Parquet
   * under {@code stagingDir}, which must not exist; the result reads it back, column by column,
   * until {@link IngestResult#release()} deletes it. Nothing is cached in memory: later passes
   * read only the columns they need (the boilerplate count reads the line hashes, not the
   * text), and an archive larger than the executors' memory is read the same way.
   */
  public static IngestResult readArticles(SparkSession spark, List<InputFile> files,
      IngestSettings settings, String stagingDir) {
    Dataset<Row> items = read(spark, files, settings);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path staging = new Path(stagingDir);
    try {
      if (staging.getFileSystem(conf).exists(staging)) {
        throw new IllegalStateException("ingest staging directory " + staging
            + " exists already");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      items.write().parquet(stagingDir);
    } catch (RuntimeException e) {
      delete(staging, conf);
      throw e;
    }
    return new IngestResult(spark.read().schema(ITEM_SCHEMA).parquet(stagingDir), staging);
  }

  private static Dataset<Row> read(SparkSession spark, List<InputFile> files,
      IngestSettings settings) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long totalBytes = files.stream().mapToLong(InputFile::size).sum();
    int byBytes = (int) Math.min(100_000, totalBytes / settings.targetTaskBytes() + 1);
    int tasks = Math.max(byBytes, jsc.defaultParallelism() * settings.minTasksPerCore());
    // Plain strings travel to the executors whatever spark.serializer is configured.
    List<ArrayList<String>> groups = new ArrayList<>();
    for (List<InputFile> group :
        InputFiles.pack(FileSplit.splitLargeJsonLines(files, settings.targetTaskBytes()), tasks)) {
      ArrayList<String> paths = new ArrayList<>();
      group.forEach(f -> paths.add(f.path()));
      groups.add(paths);
    }
    Map<String, String> hadoopConf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));

    JavaRDD<Row> rows = jsc.parallelize(groups, Math.max(1, groups.size()))
        .mapPartitions(new ReadFiles(settings, hadoopConf));
    return spark.createDataFrame(rows, ITEM_SCHEMA);
  }

  /**
   * The two outputs of ingestion, cached ({@code staging} null) or staged as Parquet files
   * under {@code staging}.
   */
  public record IngestResult(Dataset<Row> items, Path staging) {
    /**
     * Articles, shaped like the articles table without the dedup and run columns, plus the
     * line keys of site boilerplate ({@link SiteBoilerplate#strip} drops them).
     */
    public Dataset<Row> articles() {
      // Stored with raw_text only where it differs from text (see articleRow).
      return items.filter(col("kind").equalTo(KIND_ARTICLE)).drop("kind", "reason", "detail")
          .withColumn("raw_text", coalesce(col("raw_text"), col("text")));
    }

    /** Rejections, shaped like the rejected_records table for the given run. */
    public Dataset<Row> rejected(String runId) {
      return items.filter(col("kind").equalTo(KIND_REJECTED))
          .select(col("source_file"), col("source_entry"), col("source_offset"), col("reason"),
              col("detail"), lit(runId).as("run_id"))
          .to(Tables.REJECTED_RECORDS.schema());
    }

    /**
     * Frees the cache, or deletes the staged files. Never throws: it runs when a run ends,
     * failed or not, and a directory it cannot delete is deleted by a later run.
     */
    public void release() {
      if (staging == null) {
        items.unpersist();
      } else {
        delete(staging, items.sparkSession().sparkContext().hadoopConfiguration());
      }
    }
  }

  /** Deletes a staging directory; one it cannot delete is logged and left to a later run. */
  private static void delete(Path staging, Configuration conf) {
    try {
      staging.getFileSystem(conf).delete(staging, true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete the ingest staging directory {}: {}", staging, e.toString());
    }
  }

  /** Executor side: one task reads its group of files, file after file, record after record. */
  private static final class ReadFiles
      implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<ArrayList<String>>, Row>,
          Serializable {
    private static final long serialVersionUID = 1L;
    private final IngestSettings settings;
    private final Map<String, String> hadoopConf;

    ReadFiles(IngestSettings settings, Map<String, String> hadoopConf) {
      this.settings = settings;
      this.hadoopConf = hadoopConf;
    }

    @Override
    public Iterator<Row> call(Iterator<ArrayList<String>> groups) {
      Configuration conf = new Configuration(false);
      hadoopConf.forEach(conf::set);
      ArticleBuilder builder = new ArticleBuilder(
          LanguageIdentifiers.forLanguages(settings.languages()), settings);
      List<String> files = new ArrayList<>();
      groups.forEachRemaining(files::addAll);
      return new FileRows(files.iterator(), conf, builder, settings.maxRecordBytes());
    }
  }

  /** Flattens the files of a task into rows, opening each file only when the previous is done. */
  private static final class FileRows implements Iterator<Row> {
    private final Iterator<String> files;
    private final Configuration conf;
    private final ArticleBuilder builder;
    private final long maxRecordBytes;
    private RecordStream current;
    private String currentFile;

    FileRows(Iterator<String> files, Configuration conf, ArticleBuilder builder,
        long maxRecordBytes) {
      this.files = files;
      this.conf = conf;
      this.builder = builder;
      this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public boolean hasNext() {
      while (true) {
        if (current != null) {
          try {
            if (current.hasNext()) {
              return true;
            }
          } catch (UncheckedIOException e) {
            closeCurrent();
            current = RecordStream.of(Rejection.of(
                new Origin(FileSplit.parse(currentFile).path(), null, -1),
                Rejection.Reason.UNREADABLE_FILE, e.getCause().toString()));
            continue;
          }
          closeCurrent();
        }
        if (!files.hasNext()) {
          return false;
        }
        currentFile = files.next();
        current = open(currentFile);
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      IngestItem item = current.next();
      if (item instanceof Rejection r) {
        return rejectionRow(r);
      }
      RawRecord raw = (RawRecord) item;
      try {
        return articleRow(builder.build(raw));
      } catch (RecordRejectedException e) {
        return rejectionRow(new Rejection(raw.sourceFile(), raw.sourceEntry(), raw.sourceOffset(),
            e.reason(), e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        return rejectionRow(new Rejection(raw.sourceFile(), raw.sourceEntry(), raw.sourceOffset(),
            Rejection.Reason.PROCESSING_ERROR, e.toString()));
      }
    }

    private RecordStream open(String task) {
      FileSplit split = FileSplit.parse(task);
      String file = split.path();
      Path path = new Path(file);
      Origin origin = new Origin(file, null, 0);
      try {
        FileSystem fs = path.getFileSystem(conf);
        if (split.isRange()) {
          FSDataInputStream in = fs.open(path);
          in.seek(Math.max(0, split.start() - 1));
          return JsonLinesStream.split(origin, new java.io.BufferedInputStream(in, 1 << 16),
              split.start(), split.end(), maxRecordBytes);
        }
        InputStream in = fs.open(path);
        WarcStream.Reopener reopener = offset -> {
          FSDataInputStream s = fs.open(path);
          s.seek(offset);
          return s;
        };
        return InputFormats.open(origin, path.getName(), in, reopener, maxRecordBytes);
      } catch (IOException | RuntimeException e) {
        return RecordStream.of(Rejection.of(origin.at(-1), Rejection.Reason.UNREADABLE_FILE,
            e.toString()));
      }
    }

    private void closeCurrent() {
      try {
        current.close();
      } catch (IOException e) {
        // The records were all read; a failing close loses nothing.
      }
      current = null;
    }
  }

  private static Row articleRow(Article a) {
    BoilerplateLines.Keys keys = BoilerplateLines.keyLines(
        BoilerplateLines.siteOf(a.domain()), a.text());
    return RowFactory.create(KIND_ARTICLE, a.articleId(), a.sourceFile(), a.sourceEntry(),
        a.sourceOffset(), a.url(), a.canonicalUrl(), a.payloadDigest(), a.domain(), a.title(),
        // Most pages repeat no paragraph: their raw_text is their text, cached once.
        a.text(), a.rawText().equals(a.text()) ? null : a.rawText(), a.lang(),
        a.publishedDate() == null ? null : Date.valueOf(a.publishedDate()), a.datePrecision(),
        a.year(), a.dateSource(), a.charset(), a.contentHash(),
        a.text().codePointCount(0, a.text().length()), keys.hashes(), keys.longLines(),
        null, null);
  }

  private static Row rejectionRow(Rejection r) {
    Object[] values = new Object[ITEM_SCHEMA.size()]; // the article columns stay null
    values[ITEM_SCHEMA.fieldIndex("kind")] = KIND_REJECTED;
    values[ITEM_SCHEMA.fieldIndex("source_file")] = r.sourceFile();
    values[ITEM_SCHEMA.fieldIndex("source_entry")] = r.sourceEntry();
    values[ITEM_SCHEMA.fieldIndex("source_offset")] = r.sourceOffset();
    values[ITEM_SCHEMA.fieldIndex("reason")] = r.reason().code();
    values[ITEM_SCHEMA.fieldIndex("detail")] = r.detail();
    return RowFactory.create(values);
  }

}
