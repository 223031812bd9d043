package io.citylinks.dedup;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures and LSH band hashes of a text, plain Java. A text is cut into shingles of
 * {@code shingleSize} consecutive words, or of that many characters where the text is written
 * mostly without spaces (Han, kana, Thai…), so "the same words in the same order" means the same
 * thing in every language.
 *
 * <p>Each of the {@code bands × rows} hash functions is a multiply-shift hash of the shingle's
 * 64-bit hash: two multiplications per shingle and function, several times faster than hashing
 * the shingle text again per function. The seeds are fixed, so signatures written by one run stay
 * comparable with the next run's.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SEED = 0x5DEECE66DL;

  private final int bands;
  private final int rows;
  private final int shingleSize;
  private final long[] multipliers;
  private final long[] addends;

  /** A text's signature: empty ({@code shingles == 0}) when the text has no word at all. */
  public record Signature(int shingles, int[] values, long[] bands) {
    public byte[] valueBytes() {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4);
      for (int v : values) {
        b.putInt(v);
      }
      return b.array();
    }

    public static int[] values(byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int[] v = new int[bytes.length / 4];
      for (int i = 0; i < v.length; i++) {
        v[i] = b.getInt();
      }
      return v;
    }
  }

  public MinHasher(int bands, int rows, int shingleSize) {
    if (bands < 1 || rows < 1 || shingleSize < 1) {
      throw new IllegalArgumentException("bands, rows and shingle size must be positive, got "
          + bands + ", " + rows + ", " + shingleSize);
    }
    this.bands = bands;
    this.rows = rows;
    this.shingleSize = shingleSize;
    int n = bands * rows;
    multipliers = new long[n];
    addends = new long[n];
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < n; i++) {
      multipliers[i] = rnd.nextLong() | 1L;
      addends[i] = rnd.nextLong();
    }
  }

  public int permutations() {
    return bands * rows;
  }

  public Signature sign(String text) {
    long[] shingles = shingleHashes(text, shingleSize);
    int n = bands * rows;
    int[] values = new int[n];
    long[] bandHashes = new long[0];
    if (shingles.length == 0) {
      return new Signature(0, values, bandHashes);
    }
    Arrays.fill(values, -1); // unsigned maximum
    for (long s : shingles) {
      for (int i = 0; i < n; i++) {
        int v = (int) ((multipliers[i] * s + addends[i]) >>> 32);
        if (Integer.compareUnsigned(v, values[i]) < 0) {
          values[i] = v;
        }
      }
    }
    bandHashes = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = b;
      for (int r = 0; r < rows; r++) {
        h = mix(h * 31 + values[b * rows + r]);
      }
      bandHashes[b] = h;
    }
    return new Signature(shingles.length, values, bandHashes);
  }

  /** Share of equal values: an unbiased estimate of the two texts' shingle Jaccard similarity. */
  public static double jaccard(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException(
          "signatures of different lengths: " + a.length + " and " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) a.length;
  }

  /**
   * How much of the smaller text's shingles the larger one holds, from the Jaccard estimate and
   * the two set sizes: |A∩B| = J(|A|+|B|)/(1+J). A copy cut short has a low Jaccard similarity
   * with its original but a containment near 1.
   */
  public static double containment(double jaccard, int shinglesA, int shinglesB) {
    double common = jaccard * (shinglesA + shinglesB) / (1 + jaccard);
    return Math.min(1.0, common / Math.max(1, Math.min(shinglesA, shinglesB)));
  }

  /** Distinct 64-bit hashes of the text's shingles, sorted. */
  public static long[] shingleHashes(String text, int k) {
    long[] tokens = tokenHashes(text);
    if (tokens.length == 0) {
      return tokens;
    }
    int count = Math.max(1, tokens.length - k + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0;
      for (int j = i; j < Math.min(tokens.length, i + k); j++) {
        h = h * 0x9E3779B97F4A7C15L + tokens[j];
      }
      out[i] = mix(h);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  /**
   * Hashes of the text's tokens: words (letters and digits, case-folded) in spaced scripts, single
   * characters in unspaced ones. Punctuation and spacing never matter.
   */
  static long[] tokenHashes(String text) {
    long[] out = new long[Math.max(8, text.length() / 4)];
    int n = 0;
    long h = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean unspaced = unspaced(cp);
      if (Character.isLetterOrDigit(cp) && !unspaced) {
        h = h * 1_000_003L + Character.toLowerCase(cp);
        inWord = true;
        continue;
      }
      if (inWord) {
        out = add(out, n++, mix(h));
        h = 0;
        inWord = false;
      }
      if (unspaced) {
        out = add(out, n++, mix(cp + 0x1_0000_0000L));
      }
    }
    if (inWord) {
      out = add(out, n++, mix(h));
    }
    return Arrays.copyOf(out, n);
  }

  private static long[] add(long[] a, int i, long v) {
    long[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
    out[i] = v;
    return out;
  }

  private static boolean unspaced(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR || s == Character.UnicodeScript.TIBETAN;
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
