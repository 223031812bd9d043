package io.citylinks.ingest.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Rule: where a page marks its story, start from the mark, and leave Readability (the costly
 * step) for pages that mark nothing. Tried in order: the element marked {@code
 * itemprop="articleBody"} (schema.org); the page's only {@code <article>}, or on a page of
 * several (a story with teasers, a blog's listing) the one article whose own text (links and
 * nested articles left out) dwarfs every other's; the one outermost element whose class or id
 * names a story's body ({@code article-body}, {@code post-content}, {@code entry-content}...).
 * Null when the page marks nothing usable.
 */
final class MainBlock {
  /** Below this many characters a marked element is not trusted to be the story. */
  static final int MIN_CHARS = 200;
  /** A chosen article or named story body has at least this many characters of its own... */
  static final int MIN_DOMINANT_CHARS = 500;
  /** ...and, among several articles, this many times the next one's. */
  static final int DOMINANCE = 3;

  private MainBlock() {}

  static Element find(Element body) {
    Element marked = markedArticleBody(body);
    if (marked == null) {
      marked = onlyOrDominantArticle(body);
    }
    if (marked == null) {
      marked = namedStoryBody(body);
    }
    return marked;
  }

  static Element markedArticleBody(Element body) {
    Element best = null;
    int bestChars = -1;
    for (Element e : body.getElementsByAttributeValue("itemprop", "articleBody")) {
      int chars = TextBlocks.textLength(e);
      if (chars > bestChars) {
        bestChars = chars;
        best = e;
      }
    }
    return bestChars >= MIN_CHARS ? best : null;
  }

  static Element onlyOrDominantArticle(Element body) {
    List<Element> articles = new ArrayList<>();
    for (Element a : body.getElementsByTag("article")) {
      if (!insideArticle(a)) {
        articles.add(a);
      }
    }
    if (articles.size() == 1) {
      Element only = articles.get(0);
      return TextBlocks.textLength(only) >= MIN_CHARS ? only : null;
    }
    Element best = null;
    int bestChars = 0;
    int secondChars = 0;
    for (Element a : articles) {
      int chars = ownChars(a);
      for (Element nested : a.getElementsByTag("article")) {
        if (nested != a) {
          chars -= ownChars(nested);
        }
      }
      if (chars > bestChars) {
        secondChars = bestChars;
        bestChars = chars;
        best = a;
      } else if (chars > secondChars) {
        secondChars = chars;
      }
    }
    return bestChars >= MIN_DOMINANT_CHARS && bestChars >= DOMINANCE * secondChars ? best : null;
  }

  static Element namedStoryBody(Element body) {
    Element found = null;
    for (Element e : body.getAllElements()) {
      if ((namesStoryBody(e.className()) || namesStoryBody(e.id()))
          && (found == null || !TextBlocks.isInside(e, found))) {
        if (found != null) {
          return null; // two stories, or a story and a teaser: no mark to trust
        }
        found = e;
      }
    }
    return found != null && TextBlocks.textLength(found) >= MIN_DOMINANT_CHARS ? found : null;
  }

  /** A class or id such as {@code article-body}, {@code postContent} or {@code entry_text}. */
  static boolean namesStoryBody(String attribute) {
    if (attribute.isEmpty()) {
      return false;
    }
    for (String whole : attribute.split(" ")) {
      boolean story = false;
      boolean text = false;
      for (String p : BoilerplateNames.parts(whole)) {
        story |= p.equals("article") || p.equals("post") || p.equals("entry")
            || p.equals("story");
        text |= p.equals("body") || p.equals("content") || p.equals("text");
      }
      if (story && text) {
        return true;
      }
    }
    return false;
  }

  private static int ownChars(Element e) {
    return TextBlocks.textLength(e) - TextBlocks.linkTextLength(e);
  }

  private static boolean insideArticle(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("article")) {
        return true;
      }
    }
    return false;
  }
}
