package io.citylinks.config;

import com.typesafe.config.Config;
import java.io.Serializable;

/**
 * Settings of near-duplicate detection ({@code citylinks.dedup.near-duplicates}); validated on
 * construction.
 *
 * @param bands LSH bands
 * @param rows MinHash values per band (bands × rows hash functions in all)
 * @param shingleSize words per shingle (characters in unspaced scripts)
 * @param minJaccard a candidate pair is a near-copy when its estimated Jaccard similarity
 *     reaches this…
 * @param minContainment …or when the smaller text's share of shingles found in the larger one
 *     reaches this (copies cut short)
 * @param maxBucket LSH buckets with more articles than this give no candidates (logged)
 */
public record NearDuplicateSettings(int bands, int rows, int shingleSize, double minJaccard,
    double minContainment, int maxBucket) implements Serializable {
  public NearDuplicateSettings {
    positive("bands", bands);
    positive("rows", rows);
    positive("shingle-size", shingleSize);
    positive("max-bucket", maxBucket);
    share("min-jaccard", minJaccard);
    share("min-containment", minContainment);
    if (bands * rows > 1024) {
      throw new IllegalArgumentException("citylinks.dedup.near-duplicates: bands × rows must be "
          + "at most 1024, got " + bands + " × " + rows);
    }
  }

  static NearDuplicateSettings from(Config c) {
    return new NearDuplicateSettings(c.getInt("bands"), c.getInt("rows"),
        c.getInt("shingle-size"), c.getDouble("min-jaccard"), c.getDouble("min-containment"),
        c.getInt("max-bucket"));
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "citylinks.dedup.near-duplicates." + key + " must be positive, got " + value);
    }
  }

  private static void share(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "citylinks.dedup.near-duplicates." + key + " must be in (0, 1], got " + value);
    }
  }
}
