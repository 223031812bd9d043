package io.citylinks.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.dedup.MinHasher.Signature;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHasherTest {
  private final MinHasher hasher = new MinHasher(32, 4, 5);

  @Test
  void sameWordsGiveTheSameSignatureWhateverTheCaseAndPunctuation() {
    Signature a = hasher.sign(SampleText.words(1, 120));
    Signature b = hasher.sign(SampleText.words(1, 120).toUpperCase().replace(" ", " ,  "));
    assertArrayEquals(a.values(), b.values());
    assertArrayEquals(a.bands(), b.bands());
    assertEquals(116, a.shingles());
  }

  @Test
  void estimateIsCloseToTheTrueJaccardSimilarity() {
    String base = SampleText.words(2, 400);
    String half = base.substring(0, base.length() / 2) + " " + SampleText.words(3, 200);
    long[] x = MinHasher.shingleHashes(base, 5);
    long[] y = MinHasher.shingleHashes(half, 5);
    Set<Long> sx = new HashSet<>();
    for (long v : x) {
      sx.add(v);
    }
    int common = 0;
    for (long v : y) {
      common += sx.contains(v) ? 1 : 0;
    }
    double truth = common / (double) (x.length + y.length - common);
    double estimate = MinHasher.jaccard(hasher.sign(base).values(), hasher.sign(half).values());
    assertTrue(Math.abs(truth - estimate) < 0.1, truth + " vs " + estimate);
  }

  @Test
  void copyCutShortIsContainedInItsOriginal() {
    String original = SampleText.words(4, 400);
    String cut = original.substring(0, original.length() / 3);
    Signature a = hasher.sign(original);
    Signature b = hasher.sign(cut);
    double j = MinHasher.jaccard(a.values(), b.values());
    assertTrue(j < 0.5, "jaccard " + j);
    assertTrue(MinHasher.containment(j, a.shingles(), b.shingles()) > 0.8);
  }

  @Test
  void unspacedScriptsAreShingledByCharacter() {
    // Han characters are tokens of their own; the Latin word in between is one token.
    assertEquals(8, MinHasher.tokenHashes("成都市与叶卡捷 Ural").length);
    assertEquals(2, MinHasher.shingleHashes("成都市与叶卡", 5).length);
  }

  @Test
  void textWithoutWordsHasNoBands() {
    Signature s = hasher.sign(" — … ");
    assertEquals(0, s.shingles());
    assertEquals(0, s.bands().length);
  }

  @Test
  void signatureBytesRoundTrip() {
    Signature s = hasher.sign(SampleText.words(5, 50));
    assertArrayEquals(s.values(), Signature.values(s.valueBytes()));
  }
}
