package io.citylinks.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every job, defined once: {@code jobs/run} and {@code jobs/nightly} return all
 * of them, the other jobs those that apply. Their {@code --help} lists them from here.
 */
public enum ExitCode {
  OK(0, "done (also: nothing new to read)"),
  FAILED(1, "failed (message on stderr, runs.status = failed); a re-run is safe"),
  USAGE(2, "bad arguments or configuration"),
  INPUT(3, "an --input path is missing or cannot be listed"),
  PARTIAL(4, "done, but some records were rejected (see rejected_records)"),
  BUSY(5, "another process holds the warehouse: retry later");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** What a finished run returns: {@link #PARTIAL} when it rejected any record. */
  public static int ofRun(long rejectedRecords) {
    return (rejectedRecords > 0 ? PARTIAL : OK).code;
  }

  /** The list picocli prints under "Exit codes:" in a command's help, code to meaning. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode c : values()) {
      list.put(Integer.toString(c.code), c.meaning);
    }
    return list;
  }
}
