package io.citylinks.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the data files of {@code conf/} (word lists, cue phrases, templates): from the directory
 * named by the system property {@code citylinks.conf.dir} when the file is there, else from the
 * copy packaged in the jar, so a cluster run needs no files beside the jar and a user can extend a
 * list without rebuilding.
 */
public final class DataFiles {
  public static final String CONF_DIR_PROPERTY = "citylinks.conf.dir";

  private DataFiles() {}

  /** The file's lines as UTF-8, without a BOM. */
  public static List<String> readLines(String relativePath) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(relativePath), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (lines.isEmpty() && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conf data file " + relativePath, e);
    }
  }

  /**
   * Rows of a tab-separated data file: lines starting with {@code #} (the header that says what
   * each column means) and blank lines are skipped; every row must have at least {@code minColumns}.
   */
  public static List<String[]> readTable(String relativePath, int minColumns) {
    List<String[]> rows = new ArrayList<>();
    int lineNo = 0;
    for (String line : readLines(relativePath)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < minColumns) {
        throw new IllegalArgumentException(
            relativePath + ":" + lineNo + ": expected " + minColumns + " tab-separated columns, found "
                + cols.length + ": " + line);
      }
      rows.add(cols);
    }
    return rows;
  }

  /** Opens a data file, preferring the user's conf dir over the packaged copy. */
  public static InputStream open(String relativePath) throws IOException {
    String dir = System.getProperty(CONF_DIR_PROPERTY);
    if (dir != null && !dir.isBlank()) {
      Path candidate = Paths.get(dir).resolve(relativePath);
      if (Files.isRegularFile(candidate)) {
        return Files.newInputStream(candidate);
      }
    }
    InputStream in = DataFiles.class.getResourceAsStream("/conf/" + relativePath);
    if (in == null) {
      throw new IOException(
          "conf data file not found: " + relativePath + " (looked in "
              + (dir == null ? "" : dir + " and ") + "the jar's conf/)");
    }
    return in;
  }
}
