package io.citylinks.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Rule: what a browser does not show is not main text. Pages carry hidden copies of their
 * story (schema.org markup, app data, print versions) and hidden menus; an element with the
 * {@code hidden} attribute, {@code aria-hidden="true"}, an inline {@code display:none} or
 * {@code visibility:hidden}, or an {@code <input type=hidden>} is removed — unless it holds most
 * of the page's text, as on pages that hide their body until a script shows it.
 */
final class HiddenElements {
  private HiddenElements() {}

  /** Removes the hidden elements under {@code root} (not {@code root} itself). */
  static void remove(Element root) {
    List<Element> hidden = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e != root && isHidden(e)) {
        hidden.add(e);
      }
    }
    if (hidden.isEmpty()) {
      return;
    }
    int total = -1;
    for (Element e : hidden) {
      if (e.parent() == null) {
        continue; // inside a hidden element removed already
      }
      if (total < 0) {
        total = TextBlocks.textLength(root);
      }
      if (TextBlocks.textLength(e) * 2 <= total) {
        e.remove();
      }
    }
  }

  static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    if (e.hasAttr("aria-hidden") && e.attr("aria-hidden").equalsIgnoreCase("true")) {
      return true;
    }
    if (e.normalName().equals("input") && e.attr("type").equalsIgnoreCase("hidden")) {
      return true;
    }
    if (!e.hasAttr("style")) {
      return false;
    }
    String style = e.attr("style").toLowerCase(Locale.ROOT);
    if (!style.contains("none") && !style.contains("hidden")) {
      return false;
    }
    String compact = style.replace(" ", "").replace("\t", "").replace("\n", "");
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }
}
