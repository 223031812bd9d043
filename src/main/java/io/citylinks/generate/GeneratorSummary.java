package io.citylinks.generate;

/** What a generator run wrote. */
public record GeneratorSummary(int files, long records, long partnershipRecords,
    long copies, long bytes, double seconds) {

  public String describe(String out) {
    return String.format("generated %,d records (%,d about partnerships, %,d copies of others) in "
            + "%,d files, %,.1f MB, in %.1f s into %s; ground truth in %s/_ground_truth.jsonl",
        records, partnershipRecords, copies, files, bytes / 1e6, seconds, out, out);
  }
}
