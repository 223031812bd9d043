package io.citylinks.extract.places.gazetteer;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Arrays;

/**
 * Turns a place name or a piece of text into the form the gazetteer's keys are written in, so
 * that the builder, the loader and the matcher compare like with like: Unicode NFKC with case
 * folding (Turkish İ and ı both become i), Latin, Greek and Cyrillic diacritics removed (except
 * й), Arabic and Persian letter variants unified (ي ى→ی, ك→ک, ة ۀ→ه, أ إ آ ٱ→ا, ؤ→و, ئ→ی),
 * harakat, tatweel, zero-width joiners and bidi marks removed, Traditional Han folded to
 * Simplified, apostrophes and dashes unified to {@code '} and {@code -}, Arabic-Indic and Persian
 * digits to ASCII, and runs of white space collapsed to one space.
 *
 * <p>Every output character remembers the input character it came from ({@link
 * #normalizeText}), so a matcher working on normalised text can report offsets in the original.
 * Pure functions over immutable tables: safe to share between threads.
 */
public final class SurfaceNormalizer {
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private SurfaceNormalizer() {}

  /** The lookup key of a name: normalised, trimmed, inner white space collapsed. */
  public static String normalize(String surface) {
    StringBuilder out = new StringBuilder(surface.length());
    boolean lastSpace = true; // drops leading white space
    for (int i = 0; i < surface.length(); ) {
      int cp = surface.codePointAt(i);
      i += Character.charCount(cp);
      String folded = foldCodePoint(cp);
      for (int k = 0; k < folded.length(); k++) {
        char c = folded.charAt(k);
        if (c == ' ') {
          if (lastSpace) {
            continue;
          }
          lastSpace = true;
        } else {
          lastSpace = false;
        }
        out.append(c);
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    return out.toString();
  }

  /**
   * Normalised text with a map back to the input: {@code text().charAt(i)} came from the input
   * character at {@code sourceIndex(i)}.
   */
  public static Normalized normalizeText(String input) {
    StringBuilder out = new StringBuilder(input.length());
    int[] toSource = new int[input.length() + 8];
    int n = 0;
    boolean lastSpace = false;
    for (int i = 0; i < input.length(); ) {
      int cp = input.codePointAt(i);
      String folded = foldCodePoint(cp);
      for (int k = 0; k < folded.length(); k++) {
        char c = folded.charAt(k);
        if (c == ' ') {
          if (lastSpace) {
            continue;
          }
          lastSpace = true;
        } else {
          lastSpace = false;
        }
        if (n == toSource.length) {
          toSource = Arrays.copyOf(toSource, n * 2 + 8);
        }
        toSource[n++] = i;
        out.append(c);
      }
      i += Character.charCount(cp);
    }
    return new Normalized(input, out.toString(), Arrays.copyOf(toSource, n));
  }

  /** The normalised form of one code point (empty when it is dropped). */
  static String foldCodePoint(int cp) {
    if (cp < BMP_TABLE.length) {
      String mapped = BMP_TABLE[cp];
      return mapped != null ? mapped : String.valueOf((char) cp);
    }
    return computeFold(cp);
  }

  // Folding one code point takes a few ICU calls; text is folded character by character, so the
  // whole BMP is folded once at class initialisation (null = unchanged).
  private static final String[] BMP_TABLE = buildBmpTable();

  private static String[] buildBmpTable() {
    String[] table = new String[0x10000];
    char[] simplified = HanFolding.table();
    for (int cp = 0; cp < table.length; cp++) {
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        continue;
      }
      String folded;
      if (cp >= HanFolding.BASE && cp < HanFolding.END && simplified[cp - HanFolding.BASE] != 0) {
        folded = String.valueOf(simplified[cp - HanFolding.BASE]);
      } else {
        folded = computeFold(cp);
      }
      if (!(folded.length() == 1 && folded.charAt(0) == cp)) {
        table[cp] = folded.intern();
      }
    }
    return table;
  }

  private static String computeFold(int cp) {
    String special = special(cp);
    if (special != null) {
      return special;
    }
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? String.valueOf((char) (cp + 32)) : String.valueOf((char) cp);
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return " ";
    }
    String nf = NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
    StringBuilder sb = new StringBuilder(nf.length());
    for (int k = 0; k < nf.length(); ) {
      int c = nf.codePointAt(k);
      k += Character.charCount(c);
      String part = stripMarks(c);
      for (int j = 0; j < part.length(); ) {
        int pc = part.codePointAt(j);
        j += Character.charCount(pc);
        String sp = special(pc);
        sb.append(sp != null ? sp : new String(Character.toChars(pc)));
      }
    }
    return sb.toString();
  }

  /** Removes the diacritics of Latin, Greek, Cyrillic and Arabic letters, never those of й. */
  private static String stripMarks(int cp) {
    if (cp < 0xC0 || cp == 'й' || cp == 'Й') {
      return new String(Character.toChars(cp));
    }
    int script = UScript.getScript(cp);
    boolean markRemoval =
        script == UScript.LATIN || script == UScript.GREEK || script == UScript.CYRILLIC
            || script == UScript.ARABIC || script == UScript.INHERITED;
    if (!markRemoval) {
      return new String(Character.toChars(cp));
    }
    if (isDroppedMark(cp)) {
      return "";
    }
    String d = NFD.normalize(new String(Character.toChars(cp)));
    StringBuilder sb = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); ) {
      int c = d.codePointAt(k);
      k += Character.charCount(c);
      if (!isDroppedMark(c)) {
        sb.appendCodePoint(c);
      }
    }
    return sb.toString();
  }

  private static boolean isDroppedMark(int cp) {
    return (cp >= 0x0300 && cp <= 0x036F) // combining diacritical marks
        || (cp >= 0x1AB0 && cp <= 0x1AFF)
        || (cp >= 0x1DC0 && cp <= 0x1DFF)
        || (cp >= 0x064B && cp <= 0x065F) // harakat, hamza above/below
        || cp == 0x0670 // superscript alef
        || (cp >= 0x06D6 && cp <= 0x06ED) // Quranic annotation
        || (cp >= 0x08D3 && cp <= 0x08FF);
  }

  /** Mappings NFKC and case folding do not make; null when none applies. */
  private static String special(int cp) {
    switch (cp) {
      case 'I':
        return "i";
      case 0x0130: // İ
      case 0x0131: // ı
        return "i";
      case 0x0640: // tatweel
      case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0x2060: case 0xFEFF:
      case 0x00AD: // soft hyphen
      case 0x061C: // Arabic letter mark
        return "";
      case 0x064A: case 0x0649: case 0x06D0: // ي ى ې → ی
        return "\u06CC";
      case 0x0643: // ك → ک
        return "\u06A9";
      case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: // ة ۀ ہ ە → ه
        return "\u0647";
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: // آ أ إ ٱ → ا
        return "\u0627";
      case 0x0624: // ؤ → و
        return "\u0648";
      case 0x0626: // ئ → ی
        return "\u06CC";
      case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x02BB: case 0x02B9: case 0x0060:
      case 0x00B4: case 0x2032: case 0xFF07:
        return "'";
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      case 0xFE63: case 0xFF0D:
        return "-";
      case 0x30FB: // katakana middle dot, as in GeoNames' "den・hagu"
        return " ";
      case 0x3000:
        return " ";
      default:
        if (cp >= 0x0660 && cp <= 0x0669) {
          return String.valueOf((char) ('0' + cp - 0x0660));
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
          return String.valueOf((char) ('0' + cp - 0x06F0));
        }
        return null;
    }
  }

  static boolean isHan(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
  }

  static boolean isCyrillic(int cp) {
    return cp >= 0x0400 && cp <= 0x04FF;
  }

  /** Normalised text and the input index each of its characters came from. */
  public record Normalized(String source, String text, int[] toSource) {
    /** Input index of the normalised character at {@code i}. */
    public int sourceIndex(int i) {
      return toSource[i];
    }

    /** Input range {@code [start, end)} covering the normalised range {@code [from, to)}. */
    public int[] sourceRange(int from, int to) {
      if (from < 0 || to > text.length() || from >= to) {
        throw new IllegalArgumentException("bad normalised range [" + from + "," + to + ")");
      }
      int start = toSource[from];
      int last = toSource[to - 1];
      int end = last + Character.charCount(source.codePointAt(last));
      return new int[] {start, end};
    }
  }

  /**
   * Traditional→Simplified for single Han characters, from ICU's transliterator: GeoNames often
   * lists only one of the two forms (葉卡捷琳堡 but not 叶卡捷琳堡), while mainland news uses the
   * simplified one.
   */
  private static final class HanFolding {
    static final int BASE = 0x3400;
    static final int END = 0xA000;

    static char[] table() {
      Transliterator t = Transliterator.getInstance("Traditional-Simplified");
      char[] table = new char[END - BASE];
      for (int cp = BASE; cp < END; cp++) {
        if (!UCharacter.isLetter(cp)) {
          continue;
        }
        String s = t.transliterate(String.valueOf((char) cp));
        if (s.length() == 1 && s.charAt(0) != cp) {
          table[cp - BASE] = s.charAt(0);
        }
      }
      return table;
    }
  }
}
