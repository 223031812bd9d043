package io.citylinks.ingest.dates;

import java.time.LocalDate;

/**
 * A publication date and how much of it is known (the 1st of the month or year stands in for what
 * is not), with where it was found: metadata, date_line, text, url or warc.
 */
public record FoundDate(LocalDate date, Precision precision, String source) {
  /** How much of the date the source gave. */
  public enum Precision { DAY, MONTH, YEAR }

  FoundDate withSource(String newSource) {
    return new FoundDate(date, precision, newSource);
  }
}
