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

  /** The distinct normalised lines of a page (each counted once however often it repeats). */
  public static List<LineKey> distinctLines(String site, String text) {
    List<LineKey> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (String line : TextLines.split(text)) {
      if (line.isBlank()) {
        continue;
      }
      String norm = normalize(line);
      if (!norm.isEmpty() && seen.add(norm)) {
        out.add(new LineKey(lineHash(site, norm),
            norm.codePointCount(0, norm.length()) > MAX_CANDIDATE_CHARS));
      }
    }
    return out;
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
    String[] lines = TextLines.split(text);
    boolean[] dropped = new boolean[lines.length];
    int dropCount = 0;
    int wordLines = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String norm = normalize(lines[i]);
      if (norm.isEmpty()) {
        continue; // separators ("|", "***") are never candidates
      }
      wordLines++;
      if (Arrays.binarySearch(sortedBoilerplate, lineHash(site, norm)) >= 0) {
        dropped[i] = true;
        dropCount++;
      }
    }
    if (dropCount == 0 || dropCount == wordLines) {
      return text;
    }
    return TextLines.without(lines, dropped);
  }
}
