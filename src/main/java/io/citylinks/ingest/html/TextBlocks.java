package io.citylinks.ingest.html;

import io.citylinks.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's text cut into blocks (paragraphs, headings, list items, table cells, lines
 * broken by {@code <br>}), each with the figures the block rules look at: its length, how much
 * of it is link text, whether it is a heading.
 */
final class TextBlocks {
  static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5",
      "h6", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "section", "article",
      "header", "footer", "pre", "dd", "dt", "dl", "figcaption", "figure", "main", "aside",
      "address", "hr", "form", "nav", "center", "title");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private TextBlocks() {}

  /** One block of text. {@code chars}: non-space characters; {@code linkChars}: those in links. */
  record Block(String text, int chars, int linkChars, boolean heading, String tag) {
    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /** The blocks of {@code root} in document order, leaving out the subtrees {@code skip} names. */
  static List<Block> of(Element root, Set<String> skip) {
    List<Block> blocks = new ArrayList<>();
    if (root == null) {
      return blocks;
    }
    NodeTraversor.filter(new NodeFilter() {
      final StringBuilder text = new StringBuilder();
      int chars;
      int linkChars;
      int inLink;
      int inHeading;
      boolean heading;
      final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = t.getWholeText();
          int n = nonSpace(s);
          if (n == 0 && text.length() == 0) {
            return FilterResult.CONTINUE; // layout white space between blocks
          }
          if (n > 0 && text.length() == 0) {
            heading = inHeading > 0;
          }
          if (n == 0 && text.charAt(text.length() - 1) == '\n') {
            return FilterResult.CONTINUE; // layout white space after a line break
          }
          text.append(s.replace('\n', ' ').replace('\r', ' '));
          chars += n;
          if (inLink > 0) {
            linkChars += n;
          }
        } else if (node instanceof Element e) {
          String name = e.normalName();
          if (skip.contains(name)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (name.equals("br")) {
            // A line break stays inside its block: lines of one paragraph are judged together.
            if (text.length() > 0) {
              text.append('\n');
            }
            return FilterResult.CONTINUE;
          }
          if (BLOCKS.contains(name)) {
            flush();
            open.push(name);
          }
          if (name.equals("a")) {
            inLink++;
          } else if (HEADINGS.contains(name)) {
            inHeading++;
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
          String name = e.normalName();
          if (name.equals("a")) {
            inLink--;
          } else if (HEADINGS.contains(name)) {
            inHeading--;
          }
          if (BLOCKS.contains(name)) {
            flush();
            open.poll();
          }
        }
        if (node == root) {
          flush();
        }
        return FilterResult.CONTINUE;
      }

      private void flush() {
        if (chars > 0) {
          blocks.add(new Block(text.toString().strip(), chars, linkChars, heading,
              open.isEmpty() ? "" : open.peek()));
        }
        text.setLength(0);
        chars = 0;
        linkChars = 0;
        heading = false;
      }
    }, root);
    return blocks;
  }

  /** The blocks one per line, cleaned as every stored text is. */
  static String join(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      sb.append(b.text()).append('\n');
    }
    return TextNormalizer.cleanText(sb.toString());
  }

  /** Non-space characters of the text under {@code e}. */
  static int textLength(Element e) {
    int[] n = {0};
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t) {
        n[0] += nonSpace(t.getWholeText());
      }
    }, e);
    return n[0];
  }

  /** Non-space characters of the link text under {@code e}. */
  static int linkTextLength(Element e) {
    int n = 0;
    for (Element a : e.getElementsByTag("a")) {
      n += textLength(a);
    }
    return n;
  }

  static int nonSpace(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0') {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code ancestor} is above {@code e} (false once {@code e} was removed from it). */
  static boolean isInside(Element e, Element ancestor) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}
