package io.citylinks.ingest.html;

import io.citylinks.config.DataFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Rule: elements whose class, id or itemprop names page furniture (share buttons, bylines,
 * related lists, newsletter prompts, comments, ads, captions: {@code
 * conf/ingest/boilerplate-names.tsv}) are not main text, unless they hold most of the text of
 * the block being cleaned (a story wrapped in {@code <div class="post has-comments">} stays).
 */
final class BoilerplateNames {
  static final String FILE = "ingest/boilerplate-names.tsv";

  private final Set<String> exact;
  private final List<String> prefixes;

  private BoilerplateNames(Set<String> exact, List<String> prefixes) {
    this.exact = exact;
    this.prefixes = prefixes;
  }

  private static final class Holder {
    static final BoilerplateNames SHARED = load();
  }

  /** The names of the packaged (or the user's) {@code conf/ingest/boilerplate-names.tsv}. */
  static BoilerplateNames shared() {
    return Holder.SHARED;
  }

  static BoilerplateNames load() {
    Set<String> exact = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    for (String[] row : DataFiles.readTable(FILE, 2)) {
      String name = row[0].strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || name.equals("*")) {
        throw new IllegalArgumentException(FILE + ": empty name in row " + String.join("\t", row));
      }
      if (name.endsWith("*")) {
        prefixes.add(name.substring(0, name.length() - 1));
      } else {
        exact.add(name);
      }
    }
    return new BoilerplateNames(Set.copyOf(exact), List.copyOf(prefixes));
  }

  /**
   * Removes the furniture under {@code root} (never {@code root} itself), outermost first; an
   * element holding half or more of {@code root}'s text is kept and looked into instead.
   */
  void remove(Element root) {
    int total = TextBlocks.textLength(root);
    List<Element> marked = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e != root && marks(e)) {
        marked.add(e);
      }
    }
    for (Element e : marked) {
      if (e.parent() != null && TextBlocks.isInside(e, root) && TextBlocks.textLength(e) * 2 < total) {
        e.remove();
      }
    }
  }

  /** True when the element's class, id or itemprop carries one of the names. */
  boolean marks(Element e) {
    return names(e.className()) || names(e.id()) || names(e.attr("itemprop"));
  }

  private boolean names(String attribute) {
    if (attribute.isEmpty()) {
      return false;
    }
    for (String whole : attribute.split("\\s+")) {
      if (whole.isEmpty()) {
        continue;
      }
      if (matches(whole.toLowerCase(Locale.ROOT))) {
        return true;
      }
      for (String part : parts(whole)) {
        if (matches(part)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matches(String name) {
    if (exact.contains(name)) {
      return true;
    }
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** A class name's parts: split at '-', '_', ':' and lower-to-upper changes, lower-cased. */
  static List<String> parts(String name) {
    List<String> parts = new ArrayList<>(4);
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = c == '-' || c == '_' || c == ':' || c == '.';
      boolean camel = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
      if ((separator || camel) && part.length() > 0) {
        parts.add(part.toString());
        part.setLength(0);
      }
      if (!separator) {
        part.append(Character.toLowerCase(c));
      }
    }
    if (part.length() > 0) {
      parts.add(part.toString());
    }
    return parts;
  }
}
