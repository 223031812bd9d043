package io.citylinks.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a block that is mostly link text (a related-stories list item, "Share on ...", a
 * "read more" teaser) is not main text; links inside running prose stay, and a long paragraph
 * may be mostly links (a news digest links every name) as long as some of it is not.
 */
final class LinkDenseBlocks {
  /** Share of a short block's characters in links at and above which it is dropped. */
  static final double MAX_LINK_DENSITY = 0.5;
  /** ...and of a long one ({@link #LONG_WEIGHT} or more). */
  static final double MAX_LONG_LINK_DENSITY = 0.8;
  static final int LONG_WEIGHT = 150;

  private LinkDenseBlocks() {}

  static List<TextBlocks.Block> drop(List<TextBlocks.Block> blocks) {
    List<TextBlocks.Block> kept = new ArrayList<>(blocks.size());
    for (TextBlocks.Block b : blocks) {
      if (!isLinkDense(b)) {
        kept.add(b);
      }
    }
    return kept;
  }

  static boolean isLinkDense(TextBlocks.Block b) {
    double density = b.linkDensity();
    if (density < MAX_LINK_DENSITY) {
      return false;
    }
    return density >= MAX_LONG_LINK_DENSITY || ArticleEdges.weight(b.text()) < LONG_WEIGHT;
  }
}
