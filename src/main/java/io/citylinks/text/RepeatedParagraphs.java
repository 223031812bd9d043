package io.citylinks.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collapses the paragraphs a page repeats (the title again above the story, the lead once as a
 * teaser and once as the story's first paragraph) so that each is read once. A paragraph is a
 * line; lines are compared by {@link TextNormalizer#contentKey}, so case, spacing and punctuation
 * do not matter. Plain Java, deterministic: the same text always gives the same result.
 */
public final class RepeatedParagraphs {
  /**
   * A line at least this long (normalised code points) is dropped when a longer line contains it.
   * Shorter lines ("Photo", a date, a name) occur inside longer ones by coincidence; a 40-character
   * run of the same words is a copy.
   */
  static final int MIN_CONTAINED_CHARS = 40;
  /**
   * Containment compares every long line with every longer one: quadratic. Pages with more
   * distinct lines than this (lists, forum dumps) only get exact repeats removed.
   */
  static final int MAX_LINES_FOR_CONTAINMENT = 1_000;

  private RepeatedParagraphs() {}

  /**
   * {@code text} without the lines whose normalised form equals an earlier line's, and without the
   * lines of {@value #MIN_CONTAINED_CHARS}+ normalised characters wholly contained in a longer line
   * of the same text; the longer line stays where it is. Only what is said again elsewhere goes,
   * never a word found nowhere else: a lead re-spelled in the story (one Persian seed writes
   * Guangzhou two ways) is not contained, and both stay. Lines that normalise to nothing
   * (punctuation only) are never dropped. Blank lines stay paragraph separators, at most one in a
   * row. A text with nothing repeated is returned unchanged.
   */
  public static String collapse(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String[] lines = TextLines.split(text);
    String[] keys = new String[lines.length];
    boolean[] dropped = new boolean[lines.length];
    Set<String> seen = new HashSet<>();
    List<String> distinct = new ArrayList<>();
    boolean anyDropped = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String key = TextNormalizer.contentKey(lines[i]);
      if (key.isEmpty()) {
        continue;
      }
      keys[i] = key;
      if (seen.add(key)) {
        distinct.add(key);
      } else {
        dropped[i] = true;
        anyDropped = true;
      }
    }
    Set<String> contained = containedLines(distinct);
    if (!contained.isEmpty()) {
      for (int i = 0; i < lines.length; i++) {
        if (keys[i] != null && contained.contains(keys[i])) {
          dropped[i] = true;
          anyDropped = true;
        }
      }
    }
    return anyDropped ? TextLines.without(lines, dropped) : text;
  }

  /**
   * The distinct keys of {@value #MIN_CONTAINED_CHARS}+ code points contained in a longer key.
   * Only strictly longer keys contain, so the longest of a chain of copies always stays.
   */
  private static Set<String> containedLines(List<String> distinct) {
    if (distinct.size() < 2 || distinct.size() > MAX_LINES_FOR_CONTAINMENT) {
      return Set.of();
    }
    List<String> longestFirst = new ArrayList<>(distinct);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    Set<String> contained = new HashSet<>();
    for (int j = 1; j < longestFirst.size(); j++) {
      String candidate = longestFirst.get(j);
      if (candidate.codePointCount(0, candidate.length()) < MIN_CONTAINED_CHARS) {
        continue;
      }
      for (int k = 0; k < j && longestFirst.get(k).length() > candidate.length(); k++) {
        if (longestFirst.get(k).contains(candidate)) {
          contained.add(candidate);
          break;
        }
      }
    }
    return contained;
  }
}
