package io.citylinks.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.List;

/** Settings of the ingestion phase ({@code citylinks.ingest}); validated on construction. */
public record IngestSettings(
    List<String> languages,
    int languagePrefixChars,
    int minTextChars,
    long maxRecordBytes,
    long targetTaskBytes,
    int minTasksPerCore)
    implements Serializable {

  public IngestSettings {
    languages = List.copyOf(languages);
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("citylinks.ingest.languages must not be empty");
    }
    requirePositive("language-prefix-chars", languagePrefixChars);
    requirePositive("max-record-bytes", maxRecordBytes);
    requirePositive("target-task-bytes", targetTaskBytes);
    requirePositive("min-tasks-per-core", minTasksPerCore);
    if (minTextChars < 0) {
      throw new IllegalArgumentException(
          "citylinks.ingest.min-text-chars must be >= 0, got " + minTextChars);
    }
  }

  static IngestSettings from(Config c) {
    return new IngestSettings(
        c.getStringList("languages"),
        c.getInt("language-prefix-chars"),
        c.getInt("min-text-chars"),
        c.getBytes("max-record-bytes"),
        c.getBytes("target-task-bytes"),
        c.getInt("min-tasks-per-core"));
  }

  private static void requirePositive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "citylinks.ingest." + key + " must be positive, got " + value);
    }
  }
}
