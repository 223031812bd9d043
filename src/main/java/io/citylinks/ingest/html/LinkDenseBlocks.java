package io.citylinks.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a block that is mostly link text (a related-stories list item, "Share on ...", a
 * "read more" teaser) is not main text; links inside running prose stay.
 */
final class LinkDenseBlocks {
  /** Share of a block's characters in links at and above which the block is dropped. */
  static final double MAX_LINK_DENSITY = 0.5;

  private LinkDenseBlocks() {}

  static List<TextBlocks.Block> drop(List<TextBlocks.Block> blocks) {
    List<TextBlocks.Block> kept = new ArrayList<>(blocks.size());
    for (TextBlocks.Block b : blocks) {
      if (b.linkDensity() < MAX_LINK_DENSITY) {
        kept.add(b);
      }
    }
    return kept;
  }
}
