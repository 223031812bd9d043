package io.citylinks.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text clean-up shared by every reader: {@link #cleanText} for the stored article text and
 * {@link #contentKey} for exact-duplicate hashing.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * NFC; line breaks unified to \n; control and zero-width characters removed except ZWNJ
   * (U+200C, which spells Persian words); runs of spaces collapsed; lines trimmed; at most one
   * blank line in a row. NFC rather than NFKC: this is the text analysts read.
   */
  public static String cleanText(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    StringBuilder line = new StringBuilder();
    int blankRun = 0;
    boolean started = false;
    int n = s.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? s.charAt(i) : '\n';
      if (c == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          continue;
        }
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
          end--;
        }
        line.setLength(end);
        if (line.length() == 0) {
          blankRun++;
        } else {
          if (started) {
            out.append(blankRun > 0 ? "\n\n" : "\n");
          }
          out.append(line);
          started = true;
          blankRun = 0;
        }
        line.setLength(0);
        continue;
      }
      if (c == '\t' || c == '\u00A0' || c == '\u3000' || Character.isSpaceChar(c)) {
        if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
          line.append(' ');
        }
        continue;
      }
      if (isInvisible(c)) {
        continue;
      }
      line.append(c);
    }
    return out.toString();
  }

  private static boolean isInvisible(char c) {
    if (c == '\u200C') {
      return false; // ZWNJ is part of Persian spelling
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
      return true;
    }
    return c == '\u200B' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
        || (c >= '\u200E' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * The text reduced to what makes two copies "the same": NFKC, lower case, non-spacing marks,
   * punctuation and symbols dropped, all white space folded to single spaces.
   */
  public static String contentKey(String text) {
    int firstWide = 0;
    while (firstWide < text.length() && text.charAt(firstWide) < 0x80) {
      firstWide++;
    }
    // NFKC leaves ASCII as it is (most lines of Latin-script text), and any normalised text.
    String s = firstWide == text.length() || Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      int cp;
      boolean word;
      if (c < 0x80) {
        cp = c;
        word = WORD_ASCII[c];
        i++;
      } else {
        cp = Character.isHighSurrogate(c) ? s.codePointAt(i) : c;
        i += Character.charCount(cp);
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK) {
          continue; // diacritics and harakat, and the dot that lower-casing İ leaves behind
        }
        word = Character.isLetterOrDigit(cp) || type == Character.COMBINING_SPACING_MARK;
      }
      if (word) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(cp);
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /** ASCII letters and digits: the characters of an ASCII text that its content key keeps. */
  private static final boolean[] WORD_ASCII = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      WORD_ASCII[c] = Character.isLetterOrDigit(c);
    }
  }
}
