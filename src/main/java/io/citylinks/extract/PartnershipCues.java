package io.citylinks.extract;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.citylinks.config.DataFiles;
import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The cheap first filter of extraction: may an article report a city partnership? Yes when it
 * has a strong cue of {@code conf/extract/partnership-cues.tsv} (sister city, kardeş şehir,
 * خواهرخوانده, 友好城市, побратим, memorandum...), or a weak one (delegation, visit, agreement)
 * together with a foreign place (a country or a city the place resolver is sure of). Most municipal news (budgets, roads,
 * weddings, the minister's visit) does not, and skips the Spark NLP and place stages. A small
 * Aho-Corasick automaton over normalised cues, matched inside words, then place resolution for
 * the articles with a weak cue only; thread-safe, one per JVM.
 */
public final class PartnershipCues {
  public static final String FILE = "extract/partnership-cues.tsv";

  /** A rough sentence split, enough for place resolution in the filter. */
  private static final Pattern SENTENCES = Pattern.compile("\\n+|(?<=[.!?。！？؟])\\s+");

  private static volatile PartnershipCues shared;

  /** Value of a cue in the automaton: strong cues pass alone. */
  private final AhoCorasickDoubleArrayTrie<Boolean> trie = new AhoCorasickDoubleArrayTrie<>();
  private final int size;
  private final PlaceResolver resolver;

  private PartnershipCues(PlaceResolver resolver) {
    this.resolver = resolver;
    TreeMap<String, Boolean> cues = new TreeMap<>();
    for (String[] row : DataFiles.readTable(FILE, 3)) {
      String lang = row[0].strip();
      if (!Gazetteer.LANGUAGES.contains(lang)) {
        throw new IllegalArgumentException(FILE + ": language must be one of "
            + Gazetteer.LANGUAGES + ", got '" + lang + "'");
      }
      String strength = row[2].strip();
      if (!strength.equals("strong") && !strength.equals("weak")) {
        throw new IllegalArgumentException(FILE + ": strength must be strong or weak, got '"
            + strength + "' for '" + row[1] + "'");
      }
      String cue = SurfaceNormalizer.normalize(row[1]);
      if (!cue.isEmpty()) {
        cues.merge(cue, strength.equals("strong"), Boolean::logicalOr);
      }
    }
    if (cues.isEmpty()) {
      throw new IllegalArgumentException(FILE + " has no cues");
    }
    trie.build(cues);
    size = cues.size();
  }

  public static PartnershipCues shared() {
    PartnershipCues c = shared;
    if (c == null) {
      synchronized (PartnershipCues.class) {
        c = shared;
        if (c == null) {
          c = new PartnershipCues(PlaceResolver.shared());
          shared = c;
        }
      }
    }
    return c;
  }

  /** Number of distinct normalised cues. */
  public int size() {
    return size;
  }

  /**
   * True when {@code text} may report a partnership: it has a strong cue, or a weak cue and the
   * name or adjective of a country outside the home countries of {@code lang}, or a city there
   * ({@link PlaceResolver}, confidence at least 0.75).
   */
  public boolean mayReportPartnership(String text, String lang) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    SurfaceNormalizer.Normalized normalised = SurfaceNormalizer.normalizeText(text);
    int[] found = {0}; // 1 weak, 2 strong
    trie.parseText(normalised.text(), (int begin, int end, Boolean strong) -> {
      found[0] = Math.max(found[0], strong ? 2 : 1);
      return found[0] < 2; // stop at the first strong cue
    });
    if (found[0] != 1) {
      return found[0] == 2;
    }
    Set<String> home = PlaceResolver.homeCountries(lang);
    for (PlaceMention m : resolver.resolve(List.of(SENTENCES.split(text)), lang)) {
      if (m.confidence() >= 0.75 && !home.contains(m.country())) {
        return true;
      }
    }
    return false;
  }
}
