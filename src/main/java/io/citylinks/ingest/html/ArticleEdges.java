package io.citylinks.ingest.html;

import java.util.List;
import java.util.Set;

/**
 * Rule: what stands before a story's first paragraph (kicker, headline, byline, dateline) and
 * after its last (tags, author's e-mail, "more on this") is not main text, unless it reads like
 * a paragraph itself: a lead of one short sentence is kept, a headline or a date is not.
 */
final class ArticleEdges {
  /** A block this long (in {@link #weight} units) is a paragraph whatever its punctuation. */
  static final int PARAGRAPH_WEIGHT = 100;
  /** A sentence-like block this long may open or close a story. */
  static final int SENTENCE_WEIGHT = 25;

  private static final Set<String> LIST_ITEMS = Set.of("li", "dd", "dt", "td", "th");

  /** A block of this many lines (broken by {@code <br>}) is a list of its own. */
  static final int MIN_LINES = 3;

  private ArticleEdges() {}

  private static int lines(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** {@code blocks} from the first paragraph-like block to the last one. */
  static List<TextBlocks.Block> trim(List<TextBlocks.Block> blocks) {
    int first = 0;
    while (first < blocks.size() && !isParagraph(blocks.get(first))) {
      first++;
    }
    int last = blocks.size() - 1;
    while (last >= first && !isParagraph(blocks.get(last))) {
      last--;
    }
    return first > last ? List.of() : blocks.subList(first, last + 1);
  }

  /** The first {@code <h1>} among the blocks before {@code first} (left out by the trim), or null. */
  static String headline(List<TextBlocks.Block> blocks, TextBlocks.Block first) {
    for (TextBlocks.Block b : blocks) {
      if (b == first) {
        return null;
      }
      if (b.heading() && b.tag().equals("h1")) {
        return b.text();
      }
    }
    return null;
  }

  /**
   * A block that reads like running text: not a heading, few links, long or a sentence; or, free
   * of links, an item of a list or table or a paragraph of several broken lines (a story may be
   * a list of dates, results or opening hours).
   */
  static boolean isParagraph(TextBlocks.Block b) {
    if (b.heading() || LinkDenseBlocks.isLinkDense(b) || isAddressOrNotice(b.text())) {
      return false;
    }
    if (b.linkChars() == 0 && (LIST_ITEMS.contains(b.tag()) || lines(b.text()) >= MIN_LINES)) {
      return true;
    }
    int weight = weight(b.text());
    return weight >= PARAGRAPH_WEIGHT || (weight >= SENTENCE_WEIGHT && endsSentence(b.text()));
  }

  /**
   * Length of a text in characters, where a Chinese, Japanese or Korean character counts three
   * (it carries about as much as a short word does).
   */
  static int weight(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!Character.isWhitespace(cp)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        w += script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
            || script == Character.UnicodeScript.KATAKANA
            || script == Character.UnicodeScript.HANGUL ? 3 : 1;
      }
      i += Character.charCount(cp);
    }
    return w;
  }

  /** A bare web address, or a copyright notice: never the story's first or last paragraph. */
  static boolean isAddressOrNotice(String text) {
    String s = text.strip();
    return s.indexOf('©') >= 0 || ((s.startsWith("http://") || s.startsWith("https://")
        || s.startsWith("www.")) && s.indexOf(' ') < 0);
  }

  /** Ends with a full stop, question or exclamation mark, colon or closing quote (any script). */
  static boolean endsSentence(String text) {
    int end = text.length();
    while (end > 0 && (Character.isWhitespace(text.charAt(end - 1))
        || Character.isSpaceChar(text.charAt(end - 1)) || text.charAt(end - 1) == '\u200b')) {
      end--; // no-break and other Unicode spaces too
    }
    if (end == 0) {
      return false;
    }
    int cp = text.codePointBefore(end);
    return switch (cp) {
      case '.', '!', '?', ':', ';', '…', '"', '\'', '”', '’', '»', '«', ')', '。', '！', '？', '：',
          '」', '』', '؟', '۔', '।', '॥', '።' -> true;
      default -> false;
    };
  }
}
