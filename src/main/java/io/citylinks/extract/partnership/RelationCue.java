package io.citylinks.extract.partnership;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What a cue word of {@code conf/extract/partnership-cues.tsv} says: the relation type it signals
 * and whether it is strong (names a partnership on its own) or weak (common in other news too).
 *
 * @param type one of {@link #TYPES}
 */
public record RelationCue(String type, boolean strong) implements Serializable {
  public static final String TWINNING = "twinning";
  public static final String AGREEMENT = "agreement";
  public static final String VISIT = "visit";
  /** A delegation: a visit by officials. */
  public static final String DELEGATION = "delegation";
  public static final String CONFERENCE = "conference";
  /** A cooperation word: supports a partnership without naming its kind. */
  public static final String COOPERATION = "cooperation";
  /**
   * An official actor (mayor, municipality): not a relation, but a visit or meeting said of
   * officials is a partnership event where one said of tourists or firms is not.
   */
  public static final String OFFICIAL = "official";
  /**
   * A past-relation marker ("since 1989", "for years", "desde hace"): a twinning named in its
   * sentence is the background of the event the article reports, not the event.
   */
  public static final String BACKGROUND = "background";
  /** A host ("hosted by", میزبان, 主办): the city next to it hosts the event the others attend. */
  public static final String HOST = "host";
  /**
   * A diplomat (consul, ambassador): a country's envoy, not a city's. A visit or talk of an article
   * with one and no strong cue or delegation is a courtesy call, not a city partnership.
   */
  public static final String DIPLOMAT = "diplomat";
  /**
   * A word that starts like a cue but is none ("visitors" for "visit"): the longer match wins and
   * is dropped.
   */
  public static final String IGNORE = "ignore";
  /**
   * A tie being ended or suspended ("terminates its sister-city relationship", "beëindigt
   * zusterrelatie", 终止): its sentence makes no partnership, and in an article that ends one
   * a twinning named only as background is no event either.
   */
  public static final String ENDED = "ended";
  /**
   * A tie only recalled ("recalled that", "cabe recordar", "hatırlatarak", "напомним"): the
   * sentence reminds the reader of something known; the relations it names are not the article's
   * news and pair no cities.
   */
  public static final String RECALLED = "recalled";
  /**
   * The two cities spoken of together ("both cities", "beide gemeenten", 两市): a cue sentence
   * that names no city with it speaks of the two cities the sentence before names.
   */
  public static final String BOTH = "both";
  public static final List<String> TYPES = List.of(TWINNING, AGREEMENT, VISIT, DELEGATION,
      CONFERENCE, COOPERATION, OFFICIAL, BACKGROUND, HOST, DIPLOMAT, IGNORE, ENDED, RECALLED, BOTH);

  public static final String FILE = "extract/partnership-cues.tsv";

  private static volatile TermLexicon<RelationCue> shared;

  public RelationCue {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("type must be one of " + TYPES + ", got '" + type + "'");
    }
  }

  /** True for cues that name a relation (twinning, agreement, visit, delegation, conference, cooperation). */
  public boolean isRelation() {
    return namesRelation(type);
  }

  /** True for the types that name a relation, not an official, a background, a host... */
  public static boolean namesRelation(String type) {
    return TYPES.indexOf(type) <= TYPES.indexOf(COOPERATION);
  }

  /** The lexicon of {@link #FILE}, loaded once per JVM. */
  public static TermLexicon<RelationCue> lexicon() {
    TermLexicon<RelationCue> l = shared;
    if (l == null) {
      synchronized (RelationCue.class) {
        l = shared;
        if (l == null) {
          l = TermLexicon.load(FILE, 4, RelationCue::fromRow, Set.of("de", "nl"));
          shared = l;
        }
      }
    }
    return l;
  }

  private static RelationCue fromRow(String[] row) {
    String strength = row[3].strip();
    if (!strength.equals("strong") && !strength.equals("weak")) {
      throw new IllegalArgumentException("strength must be strong or weak, got '" + strength + "'");
    }
    return new RelationCue(row[2].strip(), strength.equals("strong"));
  }
}
