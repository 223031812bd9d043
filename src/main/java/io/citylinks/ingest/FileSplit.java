package io.citylinks.ingest;

import io.citylinks.ingest.InputFiles.InputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one reader opens: a whole file, or a byte range of a large uncompressed JSON Lines file,
 * so a single multi-GB feed spreads over all cores. Encoded as a string for the task list:
 * {@code path} or {@code path#start-end}.
 */
record FileSplit(String path, long start, long end) {
  private static final String RANGE = "#citylinks-range=";

  boolean isRange() {
    return end >= 0;
  }

  static FileSplit parse(String task) {
    int at = task.lastIndexOf(RANGE);
    if (at < 0) {
      return new FileSplit(task, 0, -1);
    }
    String[] range = task.substring(at + RANGE.length()).split("-");
    return new FileSplit(task.substring(0, at), Long.parseLong(range[0]),
        Long.parseLong(range[1]));
  }

  /** Large uncompressed JSON Lines files become ranges of about {@code targetBytes}. */
  static List<InputFile> splitLargeJsonLines(List<InputFile> files, long targetBytes) {
    List<InputFile> out = new ArrayList<>();
    for (InputFile f : files) {
      String name = f.path().toLowerCase(Locale.ROOT);
      boolean splittable = name.endsWith(".jsonl") || name.endsWith(".ndjson");
      if (!splittable || f.size() <= targetBytes * 3 / 2) {
        out.add(f);
        continue;
      }
      for (long start = 0; start < f.size(); start += targetBytes) {
        long end = Math.min(f.size(), start + targetBytes);
        out.add(new InputFile(f.path() + RANGE + start + "-" + end, end - start,
            f.modificationTime()));
      }
    }
    return out;
  }
}
