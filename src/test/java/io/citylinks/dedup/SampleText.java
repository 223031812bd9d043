package io.citylinks.dedup;

import java.util.SplittableRandom;

/** Deterministic filler prose for dedup tests: words drawn from a small invented vocabulary. */
final class SampleText {
  private static final String[] WORDS = ("council harbour bridge museum library festival budget "
      + "school tram river park market garden station square tower road water energy bus "
      + "mayor residents project plan week year morning evening new old large small green "
      + "open closed north south east west repair build visit meet agree report approve "
      + "the a of and in on for with from to by at is was will be has have said").split(" ");

  private SampleText() {}

  /** {@code n} words, the same for the same seed. */
  static String words(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(i % 17 == 0 ? ".\n" : " ");
      }
      sb.append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }
}
