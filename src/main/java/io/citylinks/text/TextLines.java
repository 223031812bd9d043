package io.citylinks.text;

/**
 * Line-level editing of a clean text, shared by the stages that drop lines from it (repeated
 * paragraphs, site boilerplate): they decide which lines go, this puts the rest back together.
 */
public final class TextLines {
  private TextLines() {}

  /** The lines of {@code text}, blank ones included ('\n' separated, as cleanText writes). */
  public static String[] split(String text) {
    return text.split("\n", -1);
  }

  /**
   * The lines not marked in {@code dropped}, joined by '\n'. Blank lines stay paragraph
   * separators, but at most one in a row and none at the start or end, so removing a paragraph
   * leaves no hole behind.
   */
  public static String without(String[] lines, boolean[] dropped) {
    StringBuilder out = new StringBuilder();
    boolean blankPending = false;
    for (int i = 0; i < lines.length; i++) {
      if (dropped[i]) {
        continue;
      }
      String line = lines[i];
      if (line.isBlank()) {
        blankPending = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(blankPending ? "\n\n" : "\n");
      }
      out.append(line);
      blankPending = false;
    }
    return out.toString();
  }
}
