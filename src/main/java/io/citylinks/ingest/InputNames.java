package io.citylinks.ingest;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The naming rules of inputs, shared by files under {@code --input} and members of bundles: which
 * names are hidden (skipped, as Spark's file sources skip them), and the safe name a bundle member
 * is read under. Names are only ever strings here: nothing is unpacked onto disk.
 */
public final class InputNames {
  private InputNames() {}

  /**
   * A file or directory name starting with '_' or '.': metadata by convention (Spark's
   * {@code _SUCCESS} and {@code _temporary}, a generator's {@code _ground_truth.jsonl}, macOS's
   * {@code .DS_Store} and {@code __MACOSX/}), never an article.
   */
  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  /** True when any part of a '/'-separated relative name is hidden. */
  static boolean hasHiddenPart(String relativeName) {
    for (String part : relativeName.split("/")) {
      if (isHidden(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name a bundle member is read under: relative, '/'-separated, with no '.' or '..' part.
   * The rewriting is lexical, as GNU tar and Info-ZIP unzip do when they extract: a leading '/'
   * or drive letter is dropped, '\' counts as a separator (Windows zip tools write it), '.' and
   * empty parts go, and '..' removes the part before it or, at the start, itself. So
   * {@code ../x.html} is read as {@code x.html}, {@code /abs/y.txt} as {@code abs/y.txt} and
   * {@code ./a/b.html} as {@code a/b.html}. Empty when nothing is left (e.g. {@code ..}).
   */
  public static String safeMemberName(String rawName) {
    String name = rawName.replace('\\', '/');
    if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
      name = name.substring(2); // C:/dir/x.html
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
