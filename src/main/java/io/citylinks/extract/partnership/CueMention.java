package io.citylinks.extract.partnership;

import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A relation cue found in a sentence.
 *
 * @param sentenceIdx the sentence's number in the article (0-based)
 * @param start offset of the cue's first character in the sentence
 * @param end offset after its last character
 * @param cue the cue as listed (normalised)
 * @param type what it signals ({@link RelationCue#TYPES})
 * @param strong whether it names a partnership on its own
 */
public record CueMention(int sentenceIdx, int start, int end, String cue, String type,
    boolean strong) implements Serializable {

  /** The cues of {@code lang} in each sentence, in order. */
  public static List<CueMention> find(TermLexicon<RelationCue> lexicon, List<String> sentences,
      String lang) {
    List<CueMention> found = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      if (sentence == null || sentence.isEmpty()) {
        continue;
      }
      SurfaceNormalizer.Normalized n = SurfaceNormalizer.normalizeText(sentence);
      int coveredTo = -1;
      for (TermLexicon.Hit<RelationCue> h : lexicon.find(n.text(), lang)) {
        if (h.end() <= coveredTo) {
          continue; // inside a longer cue ("kardeş şehir" covers "kardeş")
        }
        coveredTo = Math.max(coveredTo, h.end());
        if (h.value().type().equals(RelationCue.IGNORE)) {
          continue;
        }
        int[] range = n.sourceRange(h.start(), h.end());
        found.add(new CueMention(i, range[0], range[1], h.term(), h.value().type(),
            h.value().strong()));
      }
    }
    return found;
  }
}
