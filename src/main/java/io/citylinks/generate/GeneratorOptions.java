package io.citylinks.generate;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link ArchiveGenerator} writes: how many records, where, in which format, from which seed,
 * and the mix (share of partnership articles and of exact, near and reworded copies).
 */
public record GeneratorOptions(
    int docs,
    Path out,
    Format format,
    long seed,
    double partnershipShare,
    double exactDupShare,
    double nearDupShare,
    double rewordedShare,
    int shards,
    boolean gzip) {

  /** Output formats of SPEC section 3. */
  public enum Format {
    JSONL, WARC, TEXT;

    public static Format parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown archive format '" + value + "' (expected jsonl, warc or text)");
      }
    }
  }

  public GeneratorOptions {
    if (docs <= 0) {
      throw new IllegalArgumentException("--docs must be positive, got " + docs);
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is required");
    }
    share("--partnership-share", partnershipShare);
    share("--exact-dup-share", exactDupShare);
    share("--near-dup-share", nearDupShare);
    share("--reworded-share", rewordedShare);
    if (exactDupShare + nearDupShare + rewordedShare > 0.9) {
      throw new IllegalArgumentException("copies can be at most 90% of the archive, got "
          + (exactDupShare + nearDupShare + rewordedShare));
    }
    if (shards < 0) {
      throw new IllegalArgumentException("--shards must be >= 0 (0 = automatic), got " + shards);
    }
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }

  /** Files to write: as asked, or about 25,000 records each (text: one file per record). */
  public int effectiveShards() {
    return shards > 0 ? Math.min(shards, docs) : Math.max(1, (docs + 24_999) / 25_000);
  }

  public static Builder builder(int docs, Path out) {
    return new Builder(docs, out);
  }

  /** Defaults: jsonl, seed 42, 12% partnership news, 5% exact, 8% near, 4% reworded copies. */
  public static final class Builder {
    private final int docs;
    private final Path out;
    private Format format = Format.JSONL;
    private long seed = 42;
    private double partnershipShare = 0.12;
    private double exactDupShare = 0.05;
    private double nearDupShare = 0.08;
    private double rewordedShare = 0.04;
    private int shards;
    private boolean gzip = true;

    private Builder(int docs, Path out) {
      this.docs = docs;
      this.out = out;
    }

    public Builder format(Format v) {
      format = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder partnershipShare(double v) {
      partnershipShare = v;
      return this;
    }

    public Builder exactDupShare(double v) {
      exactDupShare = v;
      return this;
    }

    public Builder nearDupShare(double v) {
      nearDupShare = v;
      return this;
    }

    public Builder rewordedShare(double v) {
      rewordedShare = v;
      return this;
    }

    public Builder shards(int v) {
      shards = v;
      return this;
    }

    public Builder gzip(boolean v) {
      gzip = v;
      return this;
    }

    public GeneratorOptions build() {
      return new GeneratorOptions(docs, out, format, seed, partnershipShare, exactDupShare,
          nearDupShare, rewordedShare, shards, gzip);
    }
  }
}
