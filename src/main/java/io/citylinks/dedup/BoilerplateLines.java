package io.citylinks.dedup;

import io.citylinks.text.TextLines;
import io.citylinks.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-page side of site-boilerplate removal, plain Java: how a line is normalised and hashed
 * (per site), which distinct lines a page has, and a page's text without its boilerplate lines.
 * {@link SiteBoilerplate} puts it on Spark.
 */
public final class BoilerplateLines {
  /**
   * Menus, share buttons and footers are short. A longer line is a candidate only when it occurs
   * on {@value #LONG_LINE_MIN_PAGES} pages or more: a paragraph on three pages is a story run
   * three times (or quoted), a paragraph on twenty is a disclaimer.
   */
  static final int MAX_CANDIDATE_CHARS = 200;
  static final int LONG_LINE_MIN_PAGES = 20;

  private BoilerplateLines() {}

  /** One distinct line of a page: its hash within the site, and whether it is a long line. */
  public record LineKey(long hash, boolean longLine) {}

  /**
   * CCNet's normalisation: {@link TextNormalizer#contentKey} (NFKC, lower case, combining marks,
   * punctuation and symbols dropped, white space collapsed) with every digit written as 0, so
   * "© 2023 City Council" and "© 2024 City Council" are one line.
   */
  public static String normalize(String line) {
    String key = TextNormalizer.contentKey(line);
    StringBuilder out = null;
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isDigit(cp)) {
        if (out == null) {
          out = new StringBuilder(key.length()).append(key, 0, i);
        }
        out.append('0');
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? key : out.toString();
  }

  /** The site of an article: its domain, or "" for articles without one (one site together). */
  public static String siteOf(String domain) {
    return domain == null ? "" : domain;
  }

  /**
   * 64-bit hash of {@code site + "\u0000" + normalizedLine}: FNV-1a over the UTF-16 units,
   * finished with MurmurHash3's mixer. Fixed, so every executor and every run agrees; collisions
   * among even a billion distinct lines stay improbable (about 2^-64 per pair).
   */
  public static long lineHash(String site, String normalizedLine) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < site.length(); i++) {
      h = (h ^ site.charAt(i)) * 0x100000001b3L;
    }
    h *= 0x100000001b3L; // the "\u0000" separator: xor with 0 leaves h, the multiply remains
    for (int i = 0; i < normalizedLine.length(); i++) {
      h = (h ^ normalizedLine.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Pages a line needs to occur on to be boilerplate; long lines need more (see above). */
  public static int minPages(boolean longLine, int minPages) {
    return longLine ? Math.max(LONG_LINE_MIN_PAGES, minPages) : minPages;
  }

  /**
   * The key of each line of a page, computed once at ingestion so later passes need not
   * normalise the text again.
   *
   * @param hashes one per line of {@link TextLines#split} (blank ones included): the line's hash
   *     within its site ({@link #lineHash} of {@link #normalize}), 0 for a line without words
   * @param longLines indices of the lines whose normalised form is longer than
   *     {@value #MAX_CANDIDATE_CHARS} characters, ascending
   */
  public record Keys(long[] hashes, int[] longLines) {
    /** The distinct keys (each counted once however often its line repeats). */
    public List<LineKey> distinct() {
      List<LineKey> out = new ArrayList<>();
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < hashes.length; i++) {
        if (hashes[i] != 0 && seen.add(hashes[i])) {
          out.add(new LineKey(hashes[i], Arrays.binarySearch(longLines, i) >= 0));
        }
      }
      return out;
    }
  }

  /** The keys of every line of {@code text} on {@code site}. */
  public static Keys keyLines(String site, String text) {
    if (text == null || text.isEmpty()) {
      return new Keys(new long[0], new int[0]);
    }
    String[] lines = TextLines.split(text);
    long[] hashes = new long[lines.length];
    List<Integer> longLines = new ArrayList<>(0);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String norm = normalize(lines[i]);
      if (norm.isEmpty()) {
        continue; // separators ("|", "***") are never candidates
      }
      hashes[i] = lineHash(site, norm);
      if (norm.codePointCount(0, norm.length()) > MAX_CANDIDATE_CHARS) {
        longLines.add(i);
      }
    }
    return new Keys(hashes, longLines.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The distinct normalised lines of a page (each counted once however often it repeats). */
  public static List<LineKey> distinctLines(String site, String text) {
    return keyLines(site, text).distinct();
  }

  /**
   * {@code text} without the lines whose hash is in {@code sortedBoilerplate}, blank lines tidied
   * ({@link TextLines#without}). The very {@code text} instance comes back when no line goes, or
   * when every line that has words would go: a page that is all "boilerplate" is a page whose
   * site repeats it, not a page with nothing to say.
   */
  public static String strip(String site, String text, long[] sortedBoilerplate) {
    if (text == null || text.isEmpty() || sortedBoilerplate.length == 0) {
      return text;
    }
    return strip(text, keyLines(site, text).hashes(), sortedBoilerplate);
  }

  /**
   * {@link #strip(String, String, long[])} with the text's line hashes already known
   * ({@link #keyLines}): the text is only split when one of its lines goes.
   */
  public static String strip(String text, long[] lineHashes, long[] sortedBoilerplate) {
    if (text == null || text.isEmpty() || sortedBoilerplate.length == 0) {
      return text;
    }
    boolean[] dropped = null;
    int dropCount = 0;
    int wordLines = 0;
    for (int i = 0; i < lineHashes.length; i++) {
      if (lineHashes[i] == 0) {
        continue;
      }
      wordLines++;
      if (Arrays.binarySearch(sortedBoilerplate, lineHashes[i]) >= 0) {
        if (dropped == null) {
          dropped = new boolean[lineHashes.length];
        }
        dropped[i] = true;
        dropCount++;
      }
    }
    if (dropCount == 0 || dropCount == wordLines) {
      return text;
    }
    String[] lines = TextLines.split(text);
    if (lines.length != lineHashes.length) {
      throw new IllegalArgumentException("the text has " + lines.length + " lines but "
          + lineHashes.length + " line hashes were given");
    }
    return TextLines.without(lines, dropped);
  }

}
