package io.citylinks.report;

import java.util.Locale;

/** Escapes text for HTML and inline SVG: element content and double-quoted attribute values. */
public final class Html {
  private Html() {}

  /**
   * {@code & < > " '} become character references; C0 control characters other than tab and
   * line breaks, which HTML does not allow, become U+FFFD. Null becomes the empty string.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An integer with thousands separators, the same on every machine: 12,345. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
