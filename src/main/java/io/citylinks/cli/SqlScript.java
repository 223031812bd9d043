package io.citylinks.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at the semicolons that end them: a semicolon inside a quoted
 * string ('...', "...", `...`), a {@code --} line comment or a block comment does not end a
 * statement. Comments stay in the statement (Spark's parser skips them).
 */
final class SqlScript {
  private SqlScript() {}

  /** The statements ended by a semicolon, and the text after the last one (unfinished). */
  record Split(List<String> statements, String remainder) {
    /** True when nothing but blanks and comments follows the last statement. */
    boolean finished() {
      return onlyComments(remainder);
    }
  }

  /** Every statement of a script; the last one needs no semicolon. */
  static List<String> statements(String text) {
    Split split = split(text);
    List<String> out = new ArrayList<>(split.statements());
    add(out, split.remainder());
    return out;
  }

  /** What a prompt runs: the statements ended so far, and the unfinished rest. */
  static Split split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = endOfQuoted(text, i, c);
      } else if (text.startsWith("--", i)) {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length() : eol + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
      } else if (c == ';') {
        add(out, text.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    return new Split(out, text.substring(start));
  }

  private static int endOfQuoted(String text, int open, char quote) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2; // Spark SQL string escapes: \' and \\
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static void add(List<String> out, String statement) {
    if (!onlyComments(statement)) {
      out.add(statement.strip());
    }
  }

  private static boolean onlyComments(String s) {
    return s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\\n]*", "").isBlank();
  }
}
