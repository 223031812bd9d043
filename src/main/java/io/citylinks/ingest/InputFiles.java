package io.citylinks.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the input files under each {@code --input} path, recursively, through Hadoop's FileSystem
 * (so local paths, HDFS and object stores work alike). Files and directories with
 * {@linkplain InputNames#isHidden hidden names} below an input path are skipped, as Spark's own
 * file sources do (e.g. a generator's {@code _ground_truth.jsonl}); the log says how many.
 */
public final class InputFiles {
  private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);

  private InputFiles() {}

  /** One input file: its fully qualified path, size and modification time. */
  public record InputFile(String path, long size, long modificationTime) implements Serializable {}

  /**
   * Fails fast, before Spark starts, on a local {@code --input} path that does not exist (remote
   * ones, {@code scheme://...}, are checked when listed).
   */
  public static void requireLocalPathsExist(List<String> inputs) {
    for (String input : inputs) {
      if (!input.contains("://") && !java.nio.file.Files.exists(java.nio.file.Paths.get(input))) {
        throw new InputUnreadableException("--input: path does not exist: " + input, null);
      }
    }
  }

  public static List<InputFile> list(List<String> inputs, Configuration hadoopConf) {
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("no --input path given");
    }
    List<InputFile> files = new ArrayList<>();
    for (String input : inputs) {
      Path root = new Path(input);
      try {
        FileSystem fs = root.getFileSystem(hadoopConf);
        if (!fs.exists(root)) {
          throw new InputUnreadableException("--input: path does not exist: " + input, null);
        }
        Path qualifiedRoot = fs.makeQualified(root);
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualifiedRoot, true);
        List<String> hiddenExamples = new ArrayList<>();
        long hidden = 0;
        while (it.hasNext()) {
          LocatedFileStatus status = it.next();
          if (isHidden(qualifiedRoot, status.getPath())) {
            if (hidden++ < 5) {
              hiddenExamples.add(status.getPath().toString());
            }
          } else {
            files.add(new InputFile(status.getPath().toString(), status.getLen(),
                status.getModificationTime()));
          }
        }
        if (hidden > 0) {
          LOG.info("{}: skipped {} files with hidden names ('_' or '.' first), e.g. {}", input,
              hidden, hiddenExamples);
        }
      } catch (FileNotFoundException e) {
        throw new InputUnreadableException("--input: path does not exist: " + input, e);
      } catch (IOException e) {
        throw new InputUnreadableException("--input: cannot list " + input + ": "
            + e.getMessage(), e);
      }
    }
    files.sort(Comparator.comparing(InputFile::path));
    return dedupe(files);
  }

  private static List<InputFile> dedupe(List<InputFile> sorted) {
    List<InputFile> out = new ArrayList<>(sorted.size());
    for (InputFile f : sorted) {
      if (out.isEmpty() || !out.get(out.size() - 1).path().equals(f.path())) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (InputNames.isHidden(p.getName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Packs files into about {@code tasks} groups of similar total size (largest first, each into
   * the lightest group), so one Spark task reads each group and big files spread across cores.
   */
  public static List<List<InputFile>> pack(List<InputFile> files, int tasks) {
    int n = Math.max(1, Math.min(tasks, files.size()));
    List<List<InputFile>> groups = new ArrayList<>(n);
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    List<InputFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(InputFile::size).reversed()
        .thenComparing(InputFile::path));
    for (InputFile f : bySize) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      groups.get(lightest).add(f);
      load[lightest] += Math.max(1, f.size());
    }
    return groups;
  }
}
