package io.citylinks.ingest;

/** Where a record comes from: the input file, the bundle member (or null) and the byte offset. */
public record Origin(String file, String entry, long offset) {
  public Origin at(long newOffset) {
    return new Origin(file, entry, newOffset);
  }

  public Origin inEntry(String newEntry) {
    return new Origin(file, entry == null ? newEntry : entry + "!/" + newEntry, 0);
  }

  @Override
  public String toString() {
    return file + (entry == null ? "" : "!/" + entry) + "@" + offset;
  }
}
