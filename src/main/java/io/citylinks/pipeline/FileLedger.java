package io.citylinks.pipeline;

import io.citylinks.ingest.InputFiles.InputFile;
import io.citylinks.spark.TableWriter;
import io.citylinks.spark.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The ledger of input files that runs have read ({@code processed_files}): path, size,
 * modification time and SHA-256. A file is new when its content was never read: a file listed
 * again with the same size and time is known without reading it; one that changed size or time,
 * or appears under a new path, is hashed, and read only if that hash is new (so a touched,
 * renamed or copied file is not read twice, and a file rewritten in place is read again).
 *
 * <p>A ledger rather than Structured Streaming's file source: the readers take whole files
 * (WARC, zip and tar members, compressed streams), not lines, and the ledger's rows are written
 * in the same run as the tables, after them, so a crash before that write simply makes the next
 * run read the same files again, which the merges make harmless.
 */
final class FileLedger {
  private FileLedger() {}

  /** The files of this listing to read, and the ledger rows of every listed file. */
  record Plan(List<InputFile> toRead, List<Row> ledgerRows, int alreadyRead) {}

  static Plan plan(SparkSession spark, TableWriter tables, List<InputFile> listed, String runId) {
    Map<String, Row> byPath = new HashMap<>();
    Map<String, String> runByHash = new HashMap<>(); // the run that read those bytes
    Dataset<Row> ledger = tables.readOrNull(Tables.PROCESSED_FILES);
    if (ledger != null) {
      for (Row r : ledger.select("path", "size", "modification_time", "sha256", "run_id")
          .collectAsList()) {
        byPath.put(r.getString(0), r);
        if (r.getString(3) != null) {
          runByHash.putIfAbsent(r.getString(3), r.getString(4));
        }
      }
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<InputFile> toRead = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    int known = 0;
    for (InputFile f : listed) {
      Row seen = byPath.get(f.path());
      Timestamp modified = new Timestamp(f.modificationTime());
      if (seen != null && seen.getLong(1) == f.size() && modified.equals(seen.getTimestamp(2))) {
        rows.add(seen);
        known++;
        continue;
      }
      String sha = sha256(f.path(), hadoop);
      String readBy = sha == null ? null : runByHash.putIfAbsent(sha, runId);
      if (readBy == null) { // new bytes, or unreadable (the reader says why in rejected_records)
        toRead.add(f);
        rows.add(RowFactory.create(f.path(), f.size(), modified, sha, runId));
      } else {
        // The same bytes were read before, under this or another name: record the new name.
        rows.add(RowFactory.create(f.path(), f.size(), modified, sha, readBy));
        known++;
      }
    }
    return new Plan(toRead, rows, known);
  }

  /** Records the listed files as read: the last write of a run. */
  static void record(SparkSession spark, TableWriter tables, List<Row> rows) {
    tables.merge(Tables.PROCESSED_FILES,
        spark.createDataFrame(rows, Tables.PROCESSED_FILES.schema()), false);
  }

  /** Every listed file as read by a full run, replacing the ledger. */
  static void replace(SparkSession spark, TableWriter tables, List<InputFile> files,
      String runId) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<Row> rows = new ArrayList<>();
    for (InputFile f : files) {
      rows.add(RowFactory.create(f.path(), f.size(), new Timestamp(f.modificationTime()),
          sha256(f.path(), hadoop), runId));
    }
    tables.overwrite(Tables.PROCESSED_FILES,
        spark.createDataFrame(rows, Tables.PROCESSED_FILES.schema()));
  }

  /** The file's SHA-256 in hex, or null when it cannot be read. */
  static String sha256(String path, Configuration hadoop) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path p = new Path(path);
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      return null;
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
