package io.citylinks.config;

import java.util.Locale;

/** Storage format of the tables. */
public enum OutputFormat {
  DELTA,
  PARQUET;

  /** The Spark data source name. */
  public String sparkName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutputFormat parse(String value) {
    for (OutputFormat f : values()) {
      if (f.sparkName().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown table format '" + value + "' (expected delta or parquet)");
  }
}
