package io.citylinks.extract.partnership;

import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a partnership covers: the topics of SPEC section 5, from the words of
 * {@code conf/extract/topics.tsv} in the sentences about it — the sentences that pair the two
 * cities, the two after each, the article's cooperation sentences ("the agreement covers trade,
 * education and tourism") and, for a conference, the sentences that introduce the forum before
 * its guests are named — but not the page's other text (menus, related headlines, the comment
 * box), not the names of places (Commerce City), and not sentences about another pair of the
 * same article: a sentence that follows another pair's sentence more closely than any of this
 * pair's is that pair's. "Smart city technologies" are smart_city only.
 */
public final class Topics {
  public static final String FILE = "extract/topics.tsv";
  public static final List<String> ALL = List.of("smart_city", "technology", "transport",
      "energy", "environment", "culture", "education", "sports", "trade", "agriculture",
      "tourism", "health", "urban_planning");

  /** Sentences after each pairing sentence that still speak about the pair. */
  private static final int FOLLOWING = 2;
  /** Shorter "sentences" (blank lines, "Dr", a stray heading) are skipped. */
  private static final int MIN_SENTENCE = 20;
  private static final String SMART_CITY = "smart_city";
  private static final String TECHNOLOGY = "technology";

  private static volatile TermLexicon<String> shared;

  private Topics() {}

  /** The lexicon of {@link #FILE}, loaded once per JVM. */
  public static TermLexicon<String> lexicon() {
    TermLexicon<String> l = shared;
    if (l == null) {
      synchronized (Topics.class) {
        l = shared;
        if (l == null) {
          l = TermLexicon.load(FILE, 3, row -> {
            String topic = row[2].strip();
            if (!ALL.contains(topic)) {
              throw new IllegalArgumentException("topic must be one of " + ALL + ", got '"
                  + topic + "'");
            }
            return topic;
          }, Set.of());
          shared = l;
        }
      }
    }
    return l;
  }

  /**
   * The topics of {@code pair}, sorted.
   *
   * @param pairs all partnerships of the article (a sentence about another pair is not read)
   */
  public static List<String> of(TermLexicon<String> lexicon, List<String> sentences,
      List<PlaceMention> places, List<CueMention> cues, Candidate pair, List<Candidate> pairs,
      String lang) {
    Set<Integer> said = new TreeSet<>(pair.support());
    if (pair.type().equals(RelationCue.CONFERENCE)) {
      // a forum's guests share what the forum is about, said where the forum is introduced
      // before they are named (not in later lines: tags, related headlines)
      int first = pair.support().stream().min(Integer::compare).orElse(0);
      for (CueMention c : cues) {
        if (c.type().equals(RelationCue.CONFERENCE) && c.sentenceIdx() < first) {
          said.add(c.sentenceIdx());
        }
      }
    }
    Set<Integer> scope = new TreeSet<>();
    for (int s : said) {
      scope.add(s);
      // the next two sentences that say something (blank lines and stray fragments do not count)
      for (int next = s + 1, taken = 0; next < sentences.size() && taken < FOLLOWING; next++) {
        if (sentences.get(next).strip().length() >= MIN_SENTENCE) {
          scope.add(next);
          taken++;
        }
      }
    }
    Map<Integer, Set<String>> named = new HashMap<>();
    for (PlaceMention m : places) {
      named.computeIfAbsent(m.sentenceIdx(), k -> new HashSet<>()).add(m.placeId());
    }
    Set<String> own = Set.of(pair.a().placeId(), pair.b().placeId());
    for (CueMention c : cues) {
      String t = c.type();
      if (t.equals(RelationCue.COOPERATION) || t.equals(RelationCue.TWINNING)
          || t.equals(RelationCue.AGREEMENT)) {
        scope.add(c.sentenceIdx());
      }
    }
    Set<String> others = new HashSet<>();
    for (Candidate p : pairs) {
      others.add(p.a().placeId());
      others.add(p.b().placeId());
    }
    others.removeAll(own);
    TreeSet<Integer> pairSentences = new TreeSet<>();
    for (Candidate p : pairs) {
      pairSentences.addAll(p.support());
    }
    Set<String> topics = new TreeSet<>();
    for (int s : scope) {
      if (s >= sentences.size()) {
        continue;
      }
      Integer latest = pairSentences.floor(s);
      if (latest != null && !pair.support().contains(latest)) {
        continue; // said after another pair's sentence: of that pair
      }
      Set<String> ids = named.getOrDefault(s, Set.of());
      if (!pair.support().contains(s) && ids.stream().anyMatch(others::contains)
          && ids.stream().noneMatch(own::contains)) {
        continue;
      }
      String text = SurfaceNormalizer.normalizeText(withoutPlaces(sentences.get(s), s, places))
          .text();
      int smartCityEnd = -1;
      for (TermLexicon.Hit<String> h : lexicon.find(text, lang)) {
        if (h.value().equals(SMART_CITY)) {
          smartCityEnd = h.end();
        } else if (h.value().equals(TECHNOLOGY) && smartCityEnd >= 0
            && h.start() - smartCityEnd <= 2) {
          continue; // "smart city technologies" are the smart city, not another field
        }
        topics.add(h.value());
      }
    }
    return List.copyOf(topics);
  }

  /** The sentence with its places' names blanked: Commerce City names no trade. */
  private static String withoutPlaces(String sentence, int idx, List<PlaceMention> places) {
    StringBuilder b = null;
    for (PlaceMention m : places) {
      if (m.sentenceIdx() == idx && m.start() >= 0 && m.end() <= sentence.length()
          && m.start() < m.end()) {
        if (b == null) {
          b = new StringBuilder(sentence);
        }
        for (int i = m.start(); i < m.end(); i++) {
          b.setCharAt(i, ' ');
        }
      }
    }
    return b == null ? sentence : b.toString();
  }
}
