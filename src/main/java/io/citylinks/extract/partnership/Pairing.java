package io.citylinks.extract.partnership;

import io.citylinks.extract.places.ListGap;
import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import io.citylinks.extract.places.gazetteer.Gazetteer;
import io.citylinks.extract.places.gazetteer.Place;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which two cities of an article are partners, and how. The article's local
 * municipality — its <em>home</em> city, the most prominent city of the language's home
 * countries (named in the headline and lead, named most often) — is one side unless a sentence
 * names both partners. Only sentences with a relation cue pair cities:
 * <ul>
 *   <li>a cue sentence naming one foreign city pairs it with the home city ("the Chengdu
 *       delegation was received by the mayor");
 *   <li>naming several cities on each side, it pairs each with the nearest city of the other side
 *       ("A–B, C–D and E–F signed twinning agreements"), or one host with every participant;
 *   <li>naming only cities of the home country, it pairs two of them when the cue is a twinning or
 *       an agreement (domestic partnerships: "kardeş belediye protokolü");
 *   <li>naming none but "both cities" ("beide gemeenten", 两市), it pairs the two cities of the
 *       sentence before.
 * </ul>
 * A host cue ("hosted by") pairs every participant with the host; several home-country cities
 * at one foreign conference each attend it; of two adjacent cities of one country the smaller is
 * meant ("Trabzon'un Yomra Belediyesi"). A pair's support next to the article's best pair is
 * weighed by the confidence model (a city named once as the site of something else gets a low
 * confidence), not cut at a fixed ratio: articles often name a main partner many times and
 * further partners once. A pair needs a strong cue, or an official or a delegation within a
 * sentence: a visit needs a delegation, mayor or municipality, not tourists; in an article with a consul or
 * ambassador a visit needs a strong cue or a delegation (a courtesy call is no partnership). A partner
 * must be a sure place, and countries never pair: "a Chinese delegation" names no city.
 */
public final class Pairing {
  /** Weight of a strong and a weak cue in a pair's support. */
  static final double STRONG = 2.0;
  static final double WEAK = 1.0;
  /**
   * A partner must be recognised at least this surely, or be a place name with several
   * candidate places (still a name): a common word let through by a cue next to it ("المدينة",
   * the city; "两市", the two cities) is too weak to be a partner.
   */
  static final double MIN_PARTNER_CONFIDENCE = 0.7;
  /** A forum of the home city has at least this many guest cities. */
  static final int MIN_GUESTS = 3;
  /**
   * The highest confidence of a pair no sentence names together (the home city and a city of a
   * sentence that does not name it): an inference, right in 28 of 37 such pairs on the 208 dev
   * pages (0.76) and in 6 of 19 on the 76 unseen ones (jobs/run + jobs/score and the quick loop,
   * 2026-12-07), so never in the model's sure bands (0.8 and up).
   */
  static final double INFERRED_PAIR_CONFIDENCE = 0.75;
  /** A sentence without a cue adds participants when it lists at least this many. */
  static final int MIN_LISTED = 3;
  /** A heading's cues reach this many sentences after it (a list's items, blank lines too). */
  static final int MAX_LIST_ITEMS = 12;
  /** The headline and lead count double. */
  static final int LEAD_SENTENCES = 2;

  /** Farthest apart two places of one province are when one lies within the other. */
  static final double WITHIN_KM = 20;
  /** Characters between two mentions that make the first the container of the second. */
  private static final Pattern CONTAINER_GAP =
      Pattern.compile("^(?:['’]?\\p{L}{0,4}\\s*|\\s*,\\s*|\\s*\\(\\s*|\\s+)$");

  /**
   * Text between two partners a conjunction joins: "and", "ile", 与, with a city word or a
   * Chinese province of the second (与魁北克省沙威尼根市), the first's municipality ("Nilüfer
   * Belediyesi ile") and the genitive of the second's country, once its name is taken out
   * (大津市とドイツのヴュルツブルク市, "ile Almanya'nın Darmstadt").
   */
  private static final Pattern JOIN = Pattern.compile(
      "^[\\s,]*(?:市|시|city|город\\S*|belediyesi)?\\s*"
      + "(?:and|und|et|y|e|en|i|oraz|и|і|та|ve|ile|with|with the|avec|mit|met|con|com|z|с|со|з"
      + "|与|與|和|同|及|と|과|와|및|و)\\s*(?:の|・|의|的|['’]n?[ıiuü]n)?\\s*"
      + "(?:\\p{IsHan}{2,6}(?:省|州|自治区))?"
      + "\\s*(?:the city of|городом|городами|город|містом|місто"
      + "|şehri|市|city|stad|stadt|ville de|ciudad de|cidade de|città di|miastem|miasto"
      + "|مدينة)?\\s*$");
  /**
   * What may stand between a conference word and the twinning word that names its guests: a
   * case ending and a word or two ("форуме городов-", "Konferenz der "), nothing in Chinese.
   */
  private static final Pattern GATHERING_GAP = Pattern.compile("^\\p{L}{0,3}[\\s-]?"
      + "(?:\\p{L}{1,9}[\\s-]){0,2}$");
  /** Longest text between two partners a conjunction joins. */
  private static final int JOIN_MAX = 24;

  /** A coordinating "and" ending the text between a list's last two items. */
  private static final Pattern LAST_ITEM_JOIN = Pattern.compile(
      "(?:^|[\\s,])(?:and|und|et|y|e|en|i|oraz|и|і|та|ve|ou|or|oder|или|або|lub|veya)\\s*$");

  /** A comma or the like: what stands between two pairs of a list of pairs. */
  private static final Pattern PAIR_APART = Pattern.compile("[,;、，،]");

  enum Type {
    TWINNING, AGREEMENT, CONFERENCE, VISIT, DELEGATION, COOPERATION, OFFICIAL, BACKGROUND, HOST,
    DIPLOMAT,
    /** A twinning named as the background of the event (with "since", "for years"). */
    PAST_TWINNING,
    /** A tie ended or suspended. */
    ENDED,
    /** A relation only recalled. */
    RECALLED,
    /** "Both cities": the cue sentence speaks of the two cities named just before. */
    BOTH
  }

  private Pairing() {}

  /**
   * The partnerships of one article, without topics and years.
   *
   * @param places the article's place mentions, offsets relative to their sentence
   * @param cues the article's relation cues
   */
  public static List<Candidate> pair(List<String> sentences, List<PlaceMention> places,
      List<CueMention> cues, String lang) {
    return pair(sentences, places, cues, lang, null);
  }

  /**
   * As {@link #pair(List, List, List, String)}; when {@code features} is not null, the confidence
   * model's feature vector of each returned pair is added to it, in the same order, and pairs
   * below the model's floor are returned too (to fit the model on).
   */
  public static List<Candidate> pair(List<String> sentences, List<PlaceMention> places,
      List<CueMention> cues, String lang, List<double[]> features) {
    Map<String, String> containerOf = new HashMap<>();
    List<PlaceMention> cities = cities(sentences, places, containerOf);
    if (cities.isEmpty() || cues.isEmpty()) {
      return List.of();
    }
    PlaceMention home = home(cities, lang);
    Map<Integer, List<CueMention>> cuesBySentence = new HashMap<>();
    for (CueMention c : cues) {
      cuesBySentence.computeIfAbsent(c.sentenceIdx(), k -> new ArrayList<>()).add(c);
    }
    cuesBySentence.replaceAll((s, inSentence) -> gatheringsOfPartners(sentences.get(s),
        inSentence));
    Map<Integer, List<PlaceMention>> citiesBySentence = new HashMap<>();
    for (PlaceMention m : cities) {
      List<PlaceMention> inSentence =
          citiesBySentence.computeIfAbsent(m.sentenceIdx(), k -> new ArrayList<>());
      if (inSentence.stream().noneMatch(o -> o.placeId().equals(m.placeId()))) {
        inSentence.add(m);
      }
    }
    inheritHeadingCues(sentences, cuesBySentence, citiesBySentence);
    Set<Integer> officials = new HashSet<>();
    for (CueMention c : cues) {
      if (c.type().equals(RelationCue.OFFICIAL) || c.type().equals(RelationCue.DELEGATION)) {
        officials.add(c.sentenceIdx());
      }
    }
    boolean diplomats = cues.stream().anyMatch(c -> c.type().equals(RelationCue.DIPLOMAT));
    Map<String, Support> pairs = new LinkedHashMap<>();
    // An agreement in an article that reports a twinning (not as background) is the twinning's
    // document: "the agreement was signed by Mytishchi and Dezhou" under "sister cities" news.
    boolean twinningArticle = false;
    boolean endsATie = false;
    for (Map.Entry<Integer, List<CueMention>> e : new TreeMap<>(cuesBySentence).entrySet()) {
      int s = e.getKey();
      EnumMap<Type, Double> weights = weights(e.getValue(), s);
      if (weights.containsKey(Type.ENDED)) {
        // "Weert beëindigt zusterrelatie met Yuhang": a tie ended, no partnership
        endsATie |= citiesBySentence.containsKey(s);
        continue;
      }
      if (weights.containsKey(Type.RECALLED)) {
        continue; // "Cabe recordar que Valdivia firmó convenios con...": known, not news
      }
      twinningArticle |= weights.getOrDefault(Type.TWINNING, 0.0) >= STRONG
          && !weights.containsKey(Type.BACKGROUND);
      List<PlaceMention> named = citiesBySentence.getOrDefault(s, List.of());
      List<PlaceMention> both = weights.remove(Type.BOTH) != null && named.isEmpty()
          ? twoNamedBefore(s, citiesBySentence) : List.of();
      if (named.isEmpty() && both.isEmpty()) {
        continue;
      }
      weights.remove(Type.OFFICIAL);
      weights.remove(Type.HOST);
      weights.remove(Type.DIPLOMAT);
      if (weights.remove(Type.BACKGROUND) != null && weights.containsKey(Type.TWINNING)) {
        weights.put(Type.PAST_TWINNING, weights.remove(Type.TWINNING));
      }
      if (weights.isEmpty()) {
        continue;
      }
      boolean official = officials.contains(s) || officials.contains(s - 1)
          || officials.contains(s + 1);
      if (!both.isEmpty()) {
        // "Burgemeesters van A en B onthulden een tegel. Tussen beide gemeenten bestaat een
        // stedenband.": the pair the sentence speaks of, as if it named them
        PlaceMention a = both.get(0);
        PlaceMention b = both.get(1);
        if (!a.country().equals(b.country()) || weights.containsKey(Type.TWINNING)
            || weights.containsKey(Type.AGREEMENT)) {
          pairs.computeIfAbsent(pairKey(a, b), k -> new Support(a, b))
              .add(s, weights, true, official);
        }
        continue;
      }
      for (PlaceMention[] p : pairsIn(sentences.get(s), named, home, weights, e.getValue(),
          places)) {
        boolean explicit = named.contains(p[0]) && named.contains(p[1]);
        Support support = pairs.computeIfAbsent(pairKey(p[0], p[1]), k -> new Support(p[0], p[1]));
        support.add(s, weights, explicit, official);
        support.joined |= explicit && joined(sentences.get(s), p[0], p[1], places);
      }
    }
    addListedParticipants(citiesBySentence, cuesBySentence, home, pairs, officials);
    shareAmongListed(sentences, citiesBySentence, pairs);
    List<Support> kept = new ArrayList<>();
    double top = 0;
    for (Support p : pairs.values()) {
      if (!p.acceptable()
          || endsATie && p.total() == p.typed(Type.PAST_TWINNING)
          || containerOfAPartner(p, pairs.values(), containerOf)
          || oneWithinTheOther(p.a, p.b)
          || (diplomats && p.courtesyCall())
          || domesticCall(p)) {
        continue;
      }
      kept.add(p);
      top = Math.max(top, p.weight());
    }
    List<Candidate> found = new ArrayList<>();
    ConfidenceModel model = ConfidenceModel.shared();
    boolean forum = hostsAForum(kept, home, cuesBySentence, citiesBySentence);
    for (Support p : kept) {
      String type = p.type();
      if (type.equals(RelationCue.AGREEMENT) && twinningArticle) {
        type = RelationCue.TWINNING;
      }
      if (forum && p.has(home) && p.typed(Type.AGREEMENT) == 0) {
        type = RelationCue.CONFERENCE; // a guest city of the home city's forum
      }
      double[] x = ConfidenceModel.features(p.strong(), p.a.confidence(), p.b.confidence(),
          p.explicit, p.supportingSentences(), kept.size(), home != null && p.has(home),
          p.official, diplomats, top > 0 ? p.weight() / top : 0, type,
          p.a.country().equals(p.b.country()),
          p.typed(Type.PAST_TWINNING) > 0 && p.total() == p.typed(Type.PAST_TWINNING),
          p.joined);
      double confidence = model.confidence(x);
      if (!p.explicit) {
        confidence = Math.min(confidence, INFERRED_PAIR_CONFIDENCE);
      }
      if (features != null) {
        features.add(x); // fitting the model: every pair, however doubtful
      } else if (confidence < model.minConfidence()) {
        continue;
      }
      found.add(Candidate.ordered(p.a, p.b, type, p.sentences, p.evidence, confidence));
    }
    return found;
  }

  /**
   * Cities a sentence lists side by side, each paired with one other city of the sentence ("the
   * municipalities of A, B and C took part in X's conference"), stand in one relation to it: each
   * is as well supported as the best of them, though the article (often the first one's own
   * news) names only that one again.
   */
  private static void shareAmongListed(List<String> sentences,
      Map<Integer, List<PlaceMention>> citiesBySentence, Map<String, Support> pairs) {
    for (Map.Entry<Integer, List<PlaceMention>> e : citiesBySentence.entrySet()) {
      if (e.getValue().size() < 3) {
        continue;
      }
      int s = e.getKey();
      List<PlaceMention> named = e.getValue();
      for (List<PlaceMention> listed : lists(sentences.get(s), named)) {
        if (listed.size() < 2) {
          continue;
        }
        for (PlaceMention other : named) {
          if (listed.contains(other)) {
            continue;
          }
          List<Support> peers = new ArrayList<>();
          for (PlaceMention m : listed) {
            Support p = pairs.get(pairKey(m, other));
            if (p != null && p.sentences.contains(s)) {
              peers.add(p);
            }
          }
          Support best = peers.stream().max(Comparator.comparingInt(Support::supportingSentences)
              .thenComparingDouble(Support::weight)).orElse(null);
          for (Support p : peers) {
            if (p != best) {
              p.listedWith = best;
            }
          }
        }
      }
    }
  }

  /**
   * The mentions of one sentence in text order, cut into runs that only list separators join
   * ({@link ListGap}): "A, B and C visited X" gives [A, B, C] and [X].
   */
  private static List<List<PlaceMention>> lists(String sentence, List<PlaceMention> mentions) {
    List<PlaceMention> sorted = new ArrayList<>(mentions);
    sorted.sort(Comparator.comparingInt(PlaceMention::start));
    List<List<PlaceMention>> lists = new ArrayList<>();
    List<PlaceMention> list = new ArrayList<>();
    for (PlaceMention y : sorted) {
      PlaceMention x = list.isEmpty() ? null : list.get(list.size() - 1);
      if (x != null && !listed(sentence, x, y)) {
        lists.add(list);
        list = new ArrayList<>();
      }
      list.add(y);
    }
    if (!list.isEmpty()) {
      lists.add(list);
    }
    return lists;
  }

  /**
   * Participants a sentence only lists: in an article where a sentence with a conference or
   * twinning cue names the home city (a forum it hosts, a twin-cities gathering), and officials
   * are about, a sentence without a relation cue that names three foreign cities or
   * more and no other city of the home country ("proposals by the representatives of Sukhum,
   * Minsk, Vitebsk...") names more of its partners. Each is paired with the home city, with the
   * type those home-city sentences name most, at a weak cue's weight and without an explicit
   * sentence, so the confidence model sees how thin the evidence is.
   */
  private static void addListedParticipants(Map<Integer, List<PlaceMention>> citiesBySentence,
      Map<Integer, List<CueMention>> cuesBySentence, PlaceMention home,
      Map<String, Support> pairs, Set<Integer> officials) {
    if (home == null || officials.isEmpty()) {
      return;
    }
    EnumMap<Type, Double> articleTypes = new EnumMap<>(Type.class);
    for (Map.Entry<Integer, List<CueMention>> e : cuesBySentence.entrySet()) {
      List<PlaceMention> named = citiesBySentence.getOrDefault(e.getKey(), List.of());
      if (named.stream().noneMatch(m -> m.placeId().equals(home.placeId()))) {
        continue;
      }
      weights(e.getValue(), e.getKey()).forEach((t, w) -> {
        if (t == Type.CONFERENCE || t == Type.TWINNING) {
          articleTypes.merge(t, w, Double::sum);
        }
      });
    }
    if (articleTypes.isEmpty()) {
      return;
    }
    Type main = articleTypes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
        .getKey();
    for (Map.Entry<Integer, List<PlaceMention>> e : new TreeMap<>(citiesBySentence).entrySet()) {
      int s = e.getKey();
      if (cuesBySentence.getOrDefault(s, List.of()).stream()
          .anyMatch(c -> RelationCue.namesRelation(c.type()))) {
        continue; // a sentence with a relation cue was paired above
      }
      List<PlaceMention> foreign = new ArrayList<>();
      boolean otherLocal = false;
      for (PlaceMention m : e.getValue()) {
        if (!m.country().equals(home.country())) {
          foreign.add(m);
        } else if (!m.placeId().equals(home.placeId())) {
          otherLocal = true;
        }
      }
      if (foreign.size() < MIN_LISTED || otherLocal) {
        continue;
      }
      EnumMap<Type, Double> weights = new EnumMap<>(Type.class);
      weights.put(main, WEAK);
      for (PlaceMention f : foreign) {
        pairs.computeIfAbsent(pairKey(home, f), k -> new Support(home, f))
            .add(s, weights, false, true);
      }
    }
  }

  /**
   * A list under a heading: the items after a sentence that ends with a colon and names a
   * relation ("Agreements were signed by:", "Partnerschaften schlossen:") carry its cues, each
   * item naming its own cities ("• A and B;"). The list ends at an item that names no city, at
   * an item that names a relation of its own, or at the next heading.
   */
  static void inheritHeadingCues(List<String> sentences,
      Map<Integer, List<CueMention>> cuesBySentence,
      Map<Integer, List<PlaceMention>> citiesBySentence) {
    for (Map.Entry<Integer, List<CueMention>> e : new TreeMap<>(cuesBySentence).entrySet()) {
      int s = e.getKey();
      String heading = sentences.get(s) == null ? "" : sentences.get(s).strip();
      if (!(heading.endsWith(":") || heading.endsWith("：")) || citiesBySentence.containsKey(s)
          || e.getValue().stream().noneMatch(c -> RelationCue.namesRelation(c.type()))) {
        continue;
      }
      for (int k = s + 1; k < sentences.size() && k <= s + MAX_LIST_ITEMS; k++) {
        String item = sentences.get(k) == null ? "" : sentences.get(k).strip();
        if (item.isEmpty()) {
          continue;
        }
        List<CueMention> own = cuesBySentence.getOrDefault(k, List.of());
        if (!citiesBySentence.containsKey(k)
            || own.stream().anyMatch(c -> RelationCue.namesRelation(c.type()))) {
          break;
        }
        List<CueMention> inherited = new ArrayList<>(own);
        for (CueMention c : e.getValue()) {
          inherited.add(new CueMention(k, 0, 0, c.cue(), c.type(), c.strong()));
        }
        cuesBySentence.put(k, inherited);
        if (item.endsWith(":") || item.endsWith("：")) {
          break;
        }
      }
    }
  }

  /**
   * A visit between two cities of one country with no twinning or agreement word: a mayor at a
   * fair or a ministry in the capital, stands of other cities visited. Of the 22 domestic pairs
   * the 208 real dev pages label, 3 are visits, and extraction found none of them.
   */
  private static boolean domesticCall(Support p) {
    return p.a.country().equals(p.b.country()) && p.type().equals(RelationCue.VISIT)
        && !p.strong();
  }

  /**
   * True when one city of {@code p} is the container of a district the other city also pairs
   * with ("Dongdaemun–Yanqing" and "Dongdaemun–Beijing" when the article writes "Beijing's
   * Yanqing district"): the district is the partner, its city only its address.
   */
  private static boolean containerOfAPartner(Support p, Collection<Support> all,
      Map<String, String> containerOf) {
    if (containerOf.isEmpty()) {
      return false;
    }
    for (Support q : all) {
      if (q == p) {
        continue;
      }
      for (PlaceMention side : new PlaceMention[] {p.a, p.b}) {
        PlaceMention other = side == p.a ? p.b : p.a;
        if (q.has(side)) {
          PlaceMention qOther = q.a.placeId().equals(side.placeId()) ? q.b : q.a;
          if (other.placeId().equals(containerOf.get(qOther.placeId()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the article reports a gathering the home city hosts for several cities: a sentence
   * naming the home city has a conference cue (forum, summit, congress), and the home city pairs
   * with {@link #MIN_GUESTS} cities or more. Its guests' pairs are conferences, whatever ties
   * ("sister cities' forum") the article also names, unless a document is signed.
   */
  private static boolean hostsAForum(List<Support> kept, PlaceMention home,
      Map<Integer, List<CueMention>> cuesBySentence,
      Map<Integer, List<PlaceMention>> citiesBySentence) {
    if (home == null || kept.stream().filter(p -> p.has(home)).count() < MIN_GUESTS) {
      return false;
    }
    for (Map.Entry<Integer, List<CueMention>> e : cuesBySentence.entrySet()) {
      boolean conference = e.getValue().stream()
          .anyMatch(c -> c.type().equals(RelationCue.CONFERENCE));
      if (conference && citiesBySentence.getOrDefault(e.getKey(), List.of()).stream()
          .anyMatch(m -> m.placeId().equals(home.placeId()))) {
        return true;
      }
    }
    return false;
  }

  /** The key of a pair of places, the same in either order. */
  private static String pairKey(PlaceMention x, PlaceMention y) {
    return x.placeId().compareTo(y.placeId()) < 0 ? x.placeId() + "|" + y.placeId()
        : y.placeId() + "|" + x.placeId();
  }

  /**
   * City and district mentions, without the container of an adjacent one ("Trabzon'un Yomra
   * Belediyesi", "Yomra, Trabzon": Yomra is meant); records in {@code containerOf} the place id
   * of each contained mention's container ("북경시 연경구": Yanqing → Beijing).
   */
  static List<PlaceMention> cities(List<String> sentences, List<PlaceMention> places,
      Map<String, String> containerOf) {
    List<PlaceMention> cities = new ArrayList<>();
    for (PlaceMention m : places) {
      if (!m.kind().equals("country")
          && (m.confidence() >= MIN_PARTNER_CONFIDENCE || m.rule().equals("ambiguous"))) {
        cities.add(m);
      }
    }
    Set<PlaceMention> containers = new HashSet<>();
    for (int i = 0; i + 1 < cities.size(); i++) {
      PlaceMention x = cities.get(i);
      PlaceMention y = cities.get(i + 1);
      if (x.sentenceIdx() != y.sentenceIdx() || !x.country().equals(y.country())
          || x.placeId().equals(y.placeId()) || y.start() < x.end()) {
        continue;
      }
      String gap = sentences.get(x.sentenceIdx()).substring(x.end(), y.start());
      if (gap.length() <= 6 && CONTAINER_GAP.matcher(gap).matches()
          && listRun(sentences, cities, i) < MIN_LISTED) {
        PlaceMention container = container(x, y);
        containers.add(container);
        containerOf.put((container == x ? y : x).placeId(), container.placeId());
      }
    }
    cities.removeAll(containers);
    return cities;
  }

  /**
   * How many mentions the list has that joins mention {@code i} to the next ("Saraybosna, Mostar
   * ve Zenica": 3), counting only neighbours of one sentence that list separators join; 1 when
   * the two are not so joined. Items of a list of three are not one within the other.
   */
  private static int listRun(List<String> sentences, List<PlaceMention> cities, int i) {
    int first = i;
    while (first > 0 && listed(sentences, cities.get(first - 1), cities.get(first))) {
      first--;
    }
    int last = i;
    while (last + 1 < cities.size() && listed(sentences, cities.get(last), cities.get(last + 1))) {
      last++;
    }
    return last > i ? last - first + 1 : 1;
  }

  private static boolean listed(List<String> sentences, PlaceMention x, PlaceMention y) {
    return x.sentenceIdx() == y.sentenceIdx() && listed(sentences.get(x.sentenceIdx()), x, y);
  }

  /** Whether {@code y} follows {@code x} in {@code sentence} with only a list separator between. */
  private static boolean listed(String sentence, PlaceMention x, PlaceMention y) {
    return y.start() >= x.end() && ListGap.separates(sentence.substring(x.end(), y.start()));
  }

  /**
   * Whether one of two places lies within the other, as a district within its city ("Mersin" and
   * "Mezitli"): of one province and at most {@value #WITHIN_KM} km apart. A city does not partner
   * its own district.
   */
  static boolean oneWithinTheOther(PlaceMention x, PlaceMention y) {
    if (!x.country().equals(y.country())) {
      return false;
    }
    Gazetteer g = Gazetteer.shared();
    Optional<Place> px = g.byId(x.placeId());
    Optional<Place> py = g.byId(y.placeId());
    if (px.isEmpty() || py.isEmpty() || px.get().admin1().isEmpty()
        || !px.get().admin1().equals(py.get().admin1())) {
      return false;
    }
    return px.get().kmTo(py.get()) <= WITHIN_KM; // false when either has no coordinates
  }

  /**
   * Of two adjacent mentions of one country ("Mersin Yenişehir", "Trabzon'un Yomra"), the one
   * that contains the other: the city of a district, else the more populous place.
   */
  private static PlaceMention container(PlaceMention x, PlaceMention y) {
    if (!x.kind().equals(y.kind())) {
      return x.kind().equals("district") ? y : x;
    }
    Gazetteer g = Gazetteer.shared();
    long px = g.byId(x.placeId()).map(Place::population).orElse(0L);
    long py = g.byId(y.placeId()).map(Place::population).orElse(0L);
    return px >= py ? x : y;
  }

  /**
   * The article's local municipality: among the cities of the language's home countries (all
   * cities when none is there, or for English), the one named most, with the headline and lead
   * counting extra; the first named wins a tie.
   */
  static PlaceMention home(List<PlaceMention> cities, String lang) {
    Set<String> homeCountries = PlaceResolver.homeCountries(lang);
    boolean anyHome = cities.stream().anyMatch(m -> homeCountries.contains(m.country()));
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, PlaceMention> first = new HashMap<>();
    for (PlaceMention m : cities) {
      if (anyHome && !homeCountries.contains(m.country())) {
        continue;
      }
      double w = 1 + (m.sentenceIdx() < LEAD_SENTENCES ? 1.5 : 0);
      score.merge(m.placeId(), w, Double::sum);
      first.putIfAbsent(m.placeId(), m);
    }
    String best = null;
    for (Map.Entry<String, Double> e : score.entrySet()) {
      if (best == null || e.getValue() > score.get(best)) {
        best = e.getKey();
      }
    }
    return first.get(best);
  }

  /**
   * The cues of one sentence, a twinning word that names who meets at a conference ("форум
   * городов-побратимов", 友好城市大会, "Sister Cities summit") made a conference cue: the
   * gathering is the event, not a twinning. The two touch, or only a short word or two without
   * punctuation stands between them.
   */
  private static List<CueMention> gatheringsOfPartners(String sentence, List<CueMention> cues) {
    List<CueMention> out = new ArrayList<>(cues.size());
    for (CueMention c : cues) {
      boolean names = c.type().equals(RelationCue.TWINNING) && cues.stream().anyMatch(o ->
          o.type().equals(RelationCue.CONFERENCE) && GATHERING_GAP.matcher(
              o.start() >= c.end() ? sentence.substring(c.end(), o.start())
                  : o.end() <= c.start() ? sentence.substring(o.end(), c.start()) : "-")
              .matches());
      out.add(names ? new CueMention(c.sentenceIdx(), c.start(), c.end(), c.cue(),
          RelationCue.CONFERENCE, c.strong()) : c);
    }
    return out;
  }

  /**
   * The two cities a "both cities" sentence {@code s} speaks of: those of the nearest of the two
   * sentences before it that names cities, if it names exactly two; else none.
   */
  private static List<PlaceMention> twoNamedBefore(int s,
      Map<Integer, List<PlaceMention>> citiesBySentence) {
    for (int k = s - 1; k >= Math.max(0, s - 2); k--) {
      List<PlaceMention> named = citiesBySentence.getOrDefault(k, List.of());
      if (!named.isEmpty()) {
        return named.size() == 2 ? named : List.of();
      }
    }
    return List.of();
  }

  /**
   * Whether the sentence joins {@code x} and {@code y} by a conjunction alone ("Bursa ile
   * Kazan", "Сергиевым Посадом и городом Вэйхай", 武汉市与泰国曼谷市), with the countries it
   * names between them and a municipal word left aside.
   */
  private static boolean joined(String sentence, PlaceMention x, PlaceMention y,
      List<PlaceMention> places) {
    PlaceMention first = x.start() <= y.start() ? x : y;
    PlaceMention second = first == x ? y : x;
    if (first.end() > second.start()) {
      return false;
    }
    StringBuilder gap = new StringBuilder(sentence.substring(first.end(), second.start()));
    for (PlaceMention c : places) {
      if (c.kind().equals("country") && c.sentenceIdx() == first.sentenceIdx()
          && c.start() >= first.end() && c.end() <= second.start()) {
        int at = gap.indexOf(c.surface());
        if (at >= 0) {
          gap.delete(at, at + c.surface().length());
        }
      }
    }
    return gap.length() <= JOIN_MAX && JOIN.matcher(
        gap.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).matches();
  }

  /** The weight of each relation type among a sentence's cues. */
  private static EnumMap<Type, Double> weights(List<CueMention> cues, int sentence) {
    EnumMap<Type, Double> w = new EnumMap<>(Type.class);
    double lead = sentence < LEAD_SENTENCES ? 2 : 1;
    for (CueMention c : cues) {
      w.merge(Type.valueOf(c.type().toUpperCase(Locale.ROOT)),
          (c.strong() ? STRONG : WEAK) * lead, Double::sum);
    }
    return w;
  }

  /** The city pairs one cue sentence makes, each as {home side, other side}. */
  private static List<PlaceMention[]> pairsIn(String sentence, List<PlaceMention> named,
      PlaceMention home, EnumMap<Type, Double> weights, List<CueMention> cues,
      List<PlaceMention> places) {
    List<PlaceMention[]> pairs = new ArrayList<>();
    PlaceMention host = host(sentence, named, cues);
    if (host != null) {
      // "the mayors of A and B spoke at the summit hosted by C": every participant with C.
      for (PlaceMention m : named) {
        if (!m.placeId().equals(host.placeId())) {
          pairs.add(new PlaceMention[] {m, host});
        }
      }
      if (pairs.isEmpty() && !home.placeId().equals(host.placeId())) {
        pairs.add(new PlaceMention[] {home, host});
      }
      return pairs;
    }
    List<PlaceMention> listed = partnersListedWithHome(sentence, named, home);
    if (!listed.isEmpty()) {
      PlaceMention self = named.stream().filter(m -> m.placeId().equals(home.placeId()))
          .findFirst().orElseThrow();
      for (PlaceMention m : listed) {
        pairs.add(new PlaceMention[] {self, m});
      }
      return pairs;
    }
    List<PlaceMention> local = new ArrayList<>();
    List<PlaceMention> foreign = new ArrayList<>();
    for (PlaceMention m : named) {
      (m.country().equals(home.country()) ? local : foreign).add(m);
    }
    if (foreign.isEmpty()) {
      boolean signed = weights.containsKey(Type.TWINNING) || weights.containsKey(Type.AGREEMENT);
      Set<String> ids = new TreeSet<>();
      local.forEach(m -> ids.add(m.placeId()));
      if (signed && ids.size() == 2 && !ids.contains(home.placeId())) {
        // two other cities of the country sign with each other ("• A and B;" under a heading)
        PlaceMention first = local.get(0);
        PlaceMention second = local.stream().filter(m -> !m.placeId().equals(first.placeId()))
            .findFirst().orElseThrow();
        pairs.add(new PlaceMention[] {first, second});
        return pairs;
      }
      ids.add(home.placeId());
      if (signed && ids.size() == 2) {
        PlaceMention other = local.stream().filter(m -> !m.placeId().equals(home.placeId()))
            .findFirst().orElseThrow();
        PlaceMention self = local.stream().filter(m -> m.placeId().equals(home.placeId()))
            .findFirst().orElse(home);
        pairs.add(new PlaceMention[] {self, other});
      }
      return pairs;
    }
    if (local.isEmpty()) {
      local.add(home);
    }
    if (local.size() == 1) {
      for (PlaceMention f : foreign) {
        pairs.add(new PlaceMention[] {local.get(0), f});
      }
      return pairs;
    }
    if (foreign.size() == 1 && weights.containsKey(Type.CONFERENCE)) {
      // Several home-country cities at one foreign conference: each attends it.
      for (PlaceMention l : local) {
        pairs.add(new PlaceMention[] {l, foreign.get(0)});
      }
      return pairs;
    }
    if (foreign.size() == 1 && oneList(sentence, local)) {
      // "Nazilli ve Söke belediyeleri, X ilçesi ile protokol imzaladı": each signs with X
      for (PlaceMention l : local) {
        pairs.add(new PlaceMention[] {l, foreign.get(0)});
      }
      return pairs;
    }
    if (foreign.size() == 1) {
      PlaceMention f = foreign.get(0);
      PlaceMention nearest =
          local.stream().min(Comparator.comparingInt(l -> distance(sentence, l, f))).orElseThrow();
      PlaceMention self = local.stream().filter(l -> l.placeId().equals(home.placeId()))
          .findFirst().orElse(null);
      if (self != null && self != nearest && (lastItems(sentence, self, nearest, f)
          || !joined(sentence, nearest, f, places)
          && !ListGap.coordinates(gapBetween(sentence, self, nearest)))) {
        // the two are the last items of a list after (or before) the home city: its partners,
        // not each other's ("die dritte Partnerstadt Bielefelds nach Hamm (Westfalen), Zorgeville
        // in Frankreich und Lublin in Polen"); or the nearer is neither joined to the foreign
        // city nor one of the home city's co-signers, only where it happened ("Bağcılar Belediye
        // Başkanı, Gradaçaç'tan gelen heyeti İstanbul'da ağırladı")
        nearest = self;
      }
      pairs.add(new PlaceMention[] {nearest, f});
      return pairs;
    }
    // Several on each side: each with its nearest partner on the other side.
    List<PlaceMention[]> all = new ArrayList<>();
    for (PlaceMention l : local) {
      for (PlaceMention f : foreign) {
        all.add(new PlaceMention[] {l, f});
      }
    }
    all.sort(Comparator.comparingInt(p -> distance(sentence, p[0], p[1])));
    Set<PlaceMention> used = new HashSet<>();
    for (PlaceMention[] p : all) {
      if (!used.contains(p[0]) && !used.contains(p[1])) {
        pairs.add(p);
        used.add(p[0]);
        used.add(p[1]);
      }
    }
    return pairs;
  }

  /** The text between two mentions of a sentence, in either order; "." when they overlap. */
  private static String gapBetween(String sentence, PlaceMention x, PlaceMention y) {
    PlaceMention first = x.start() <= y.start() ? x : y;
    PlaceMention second = first == x ? y : x;
    return first.end() > second.start() ? "." : sentence.substring(first.end(), second.start());
  }

  /**
   * Whether {@code a} and {@code b} lie on one side of {@code self} and a coordinating "and" or
   * "or" stands right before the later of them: the last two items of one list.
   */
  private static boolean lastItems(String sentence, PlaceMention self, PlaceMention a,
      PlaceMention b) {
    PlaceMention first = a.start() <= b.start() ? a : b;
    PlaceMention second = first == a ? b : a;
    boolean oneSide = self.end() <= first.start() || self.start() >= second.end();
    return oneSide && first.end() <= second.start()
        && LAST_ITEM_JOIN.matcher(sentence.substring(first.end(), second.start())
            .toLowerCase(Locale.ROOT)).find();
  }

  /**
   * Whether the mentions (in text order) are the items of one list: only list separators between
   * each and the next ("Nazilli ve Söke", "A, B and C").
   */
  private static boolean oneList(String sentence, List<PlaceMention> mentions) {
    for (int i = 0; i + 1 < mentions.size(); i++) {
      PlaceMention a = mentions.get(i);
      PlaceMention b = mentions.get(i + 1);
      if (!listed(sentence, a, b)) {
        return false;
      }
    }
    return mentions.size() > 1;
  }

  /**
   * The other cities of a sentence that names the home city when they form one list apart from
   * it ("В Витебске подписано соглашение с городами Сморгонь и Елгава", "Zwolle signed with A,
   * B and C"): each is a partner of the home city, whatever its country. Empty otherwise, and
   * when the home city is itself one of the list.
   */
  static List<PlaceMention> partnersListedWithHome(String sentence, List<PlaceMention> named,
      PlaceMention home) {
    if (named.size() < 3 || named.stream().noneMatch(m -> m.placeId().equals(home.placeId()))) {
      return List.of();
    }
    List<PlaceMention> others = new ArrayList<>();
    for (PlaceMention m : named) {
      if (!m.placeId().equals(home.placeId())) {
        others.add(m);
      }
    }
    PlaceMention self = named.stream().filter(m -> m.placeId().equals(home.placeId()))
        .findFirst().orElseThrow();
    for (PlaceMention m : others) {
      String gap = m.start() >= self.end() ? sentence.substring(self.end(), m.start())
          : m.end() <= self.start() ? sentence.substring(m.end(), self.start()) : "";
      if (ListGap.separates(gap)) {
        return List.of(); // the home city is one of the list ("Тверь и Циндао, Калуга и Вэйхай")
      }
    }
    List<List<PlaceMention>> lists = lists(sentence, others);
    return lists.size() == 1 && !pairsOfPartners(sentence, lists.get(0)) ? lists.get(0)
        : List.of();
  }

  /**
   * Whether a list's items go in twos, each two of different countries joined by a conjunction,
   * the twos apart by commas ("Брест и Тересполь, Гродно и Белосток, Витебск и Смоленск"): pairs
   * of partners, not partners of one city.
   */
  private static boolean pairsOfPartners(String sentence, List<PlaceMention> list) {
    if (list.size() < 4 || list.size() % 2 != 0) {
      return false;
    }
    for (int i = 0; i + 1 < list.size(); i++) {
      PlaceMention x = list.get(i);
      PlaceMention y = list.get(i + 1);
      boolean comma = PAIR_APART.matcher(sentence.substring(x.end(), y.start())).find();
      if (i % 2 == 0 ? comma || x.country().equals(y.country()) : !comma) {
        return false;
      }
    }
    return true;
  }

  /** The city a host cue of the sentence names (the one nearest to the cue), or null. */
  private static PlaceMention host(String sentence, List<PlaceMention> named,
      List<CueMention> cues) {
    PlaceMention host = null;
    int best = Integer.MAX_VALUE;
    for (CueMention c : cues) {
      if (!c.type().equals(RelationCue.HOST)) {
        continue;
      }
      for (PlaceMention m : named) {
        int d = m.start() < c.start() ? c.start() - m.end() : m.start() - c.end();
        if (d >= 0 && d < best) {
          best = d;
          host = m;
        }
      }
    }
    return host;
  }

  /**
   * Characters between two mentions of one sentence; a list separator between them (comma,
   * semicolon, dash) counts extra, so "A and B, C and D" pairs A–B and C–D.
   */
  private static int distance(String sentence, PlaceMention x, PlaceMention y) {
    int from = Math.min(x.end(), y.end());
    int to = Math.max(x.start(), y.start());
    if (to <= from) {
      return 0;
    }
    int d = to - from;
    for (int i = from; i < to; i++) {
      char c = sentence.charAt(i);
      if (c == ',' || c == ';' || c == '،' || c == '、' || c == '，' || c == '；' || c == '(') {
        d += 20;
      }
    }
    return d;
  }

  /** What the cue sentences say about one pair. */
  private static final class Support {
    final PlaceMention a;
    final PlaceMention b;
    final List<Integer> sentences = new ArrayList<>();
    final EnumMap<Type, Double> byType = new EnumMap<>(Type.class);
    int evidence = -1;
    double evidenceScore = -1;
    boolean explicit;
    boolean official;
    boolean joined;
    /** The best-supported pair of a list this pair's city stands in ({@link #shareAmongListed}). */
    Support listedWith;

    Support(PlaceMention a, PlaceMention b) {
      this.a = a;
      this.b = b;
    }

    void add(int sentence, EnumMap<Type, Double> weights, boolean named, boolean byOfficials) {
      official |= byOfficials;
      sentences.add(sentence);
      weights.forEach((t, w) -> byType.merge(t, w, Double::sum));
      double score = (named ? 100 : 0) + weights.values().stream().mapToDouble(d -> d).sum();
      if (score > evidenceScore) {
        evidenceScore = score;
        evidence = sentence;
      }
      explicit |= named;
    }

    boolean has(PlaceMention m) {
      return a.placeId().equals(m.placeId()) || b.placeId().equals(m.placeId());
    }

    double total() {
      return byType.values().stream().mapToDouble(d -> d).sum();
    }

    /** Sentences that support the pair, or its list's best pair when that has more. */
    int supportingSentences() {
      return Math.max(sentences.size(), listedWith == null ? 0 : listedWith.sentences.size());
    }

    /** The cues' weight on the pair, or on its list's best pair when that is heavier. */
    double weight() {
      return Math.max(total(), listedWith == null ? 0 : listedWith.total());
    }

    double typed(Type t) {
      return byType.getOrDefault(t, 0.0);
    }

    boolean strong() {
      return typed(Type.TWINNING) + typed(Type.PAST_TWINNING) >= STRONG
          || typed(Type.AGREEMENT) >= STRONG;
    }

    /** A visit without a strong cue or a delegation: with a diplomat about, a courtesy call. */
    boolean courtesyCall() {
      return !strong() && typed(Type.DELEGATION) == 0 && type().equals(RelationCue.VISIT);
    }

    /** A strong cue, or a typed relation word said of officials (not tourists or firms). */
    boolean acceptable() {
      return total() > 0 && (strong() || official);
    }

    /**
     * Twinning when a sentence about the pair names one as the event; else the agreement, visit
     * or conference the sentences name most; a twinning named only as background ("partners
     * since 1989") stands when nothing else is named (an anniversary, a celebration).
     */
    String type() {
      if (typed(Type.TWINNING) > 0) {
        return RelationCue.TWINNING;
      }
      double agreement = typed(Type.AGREEMENT);
      double conference = typed(Type.CONFERENCE);
      double visit = typed(Type.VISIT) + typed(Type.DELEGATION);
      if (agreement > 0 && agreement >= visit && agreement >= conference) {
        return RelationCue.AGREEMENT;
      }
      if (conference + visit == 0 && typed(Type.PAST_TWINNING) > 0) {
        return RelationCue.TWINNING;
      }
      return conference > visit ? RelationCue.CONFERENCE : RelationCue.VISIT;
    }
  }
}
