package io.citylinks.extract.places.gazetteer;

import io.citylinks.config.DataFiles;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The place names the project recognises: GeoNames cities and district municipalities from the
 * artifact, the user's alias overrides ({@code conf/places/aliases.tsv}) and country names and
 * adjectives ({@code conf/places/countries.tsv}), indexed by {@link SurfaceNormalizer} key.
 * Immutable and thread-safe; {@link #shared} loads it once per JVM (per executor) and source.
 */
public final class Gazetteer {
  private static final Logger LOG = LoggerFactory.getLogger(Gazetteer.class);
  private static final Map<GazetteerSource, Gazetteer> SHARED = new ConcurrentHashMap<>();

  /** The languages a form can be restricted to; "*" = any. */
  public static final List<String> LANGUAGES =
      List.of("*", "tr", "fa", "ar", "zh", "ru", "en", "es", "fr", "de", "pt", "it", "ja", "ko",
          "uk", "pl", "nl");

  /**
   * A posting is one int: place index, then the language's index in {@link #LANGUAGES} (5 bits),
   * then the {@link Form} (4 bits).
   */
  private static final int PLACE_SHIFT = 9;
  private static final int LANG_MASK = 0x1F;

  public static final String ALIASES_FILE = "places/aliases.tsv";
  public static final String COUNTRIES_FILE = "places/countries.tsv";

  /** How a key came to name a place; the matcher reports it so every mention can be audited. */
  public enum Form {
    /** The place's name (GeoNames {@code name}). */
    NAME,
    /** GeoNames {@code asciiname}. */
    ASCII_NAME,
    /** A GeoNames alternate name (or a district source's alias). */
    ALIAS,
    /** A form of {@code conf/places/aliases.tsv}. */
    OVERRIDE,
    /** Derived from one of the above: hyphen as space, apostrophe dropped, 市 dropped. */
    VARIANT,
    COUNTRY_NAME,
    COUNTRY_ADJECTIVE
  }

  /** One reading of a key: the place, the kind of form, and the language it is restricted to. */
  public record Entry(Place place, Form form, String lang) {}

  private final GazetteerSource source;
  private final Place[] places; // sorted by population desc, then id: postings come out ranked
  private final int[] byIdOrder; // place indexes sorted by id
  private final KeyIndex index;
  private final List<String> header;
  private final long loadMillis;

  private Gazetteer(GazetteerSource source, Place[] places, KeyIndex index, List<String> header,
      long loadMillis) {
    this.source = source;
    this.places = places;
    this.index = index;
    this.header = List.copyOf(header);
    this.loadMillis = loadMillis;
    Integer[] order = new Integer[places.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> places[i].id()));
    this.byIdOrder = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** The gazetteer of {@code source}, loaded on first use and then shared by the whole JVM. */
  public static Gazetteer shared(GazetteerSource source) {
    return SHARED.computeIfAbsent(source, Gazetteer::load);
  }

  /** The shipped gazetteer with the current conf dir, shared. */
  public static Gazetteer shared() {
    return shared(GazetteerSource.classpath());
  }

  /** Loads a gazetteer without caching it (tests, measurements). */
  public static Gazetteer load(GazetteerSource source) {
    long start = System.nanoTime();
    Builder b = new Builder();
    List<String> header;
    try (InputStream in = source.openArtifact()) {
      header = GazetteerArtifact.read(in, source.describe(), b::addRow);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + source.describe(), e);
    }
    b.addCountries(DataFiles.readTable(COUNTRIES_FILE, 5));
    Gazetteer g = b.finish(source, DataFiles.readTable(ALIASES_FILE, 4), header, start);
    LOG.info("gazetteer {} loaded in {} ms: {} places, {} keys", source.describe(),
        g.loadMillis, g.places.length, g.index.size());
    return g;
  }

  /**
   * The language column of a row of a conf data file, stripped and checked against {@link
   * #LANGUAGES}; {@code file} names the file in the error.
   */
  public static String language(String column, String file) {
    String lang = column.strip();
    if (!LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException(
          file + ": language must be one of " + LANGUAGES + ", got '" + lang + "'");
    }
    return lang;
  }

  /** Places named by a key ({@link SurfaceNormalizer#normalize}), most populous first. */
  public List<Place> lookup(String normalisedSurface) {
    int[] post = index.get(normalisedSurface);
    List<Place> out = new ArrayList<>(post.length);
    int last = -1;
    for (int p : post) {
      if (p >>> PLACE_SHIFT != last) { // postings are sorted: a place's readings are adjacent
        out.add(places[p >>> PLACE_SHIFT]);
        last = p >>> PLACE_SHIFT;
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Like {@link #lookup}, with how and in which language each place is named by the key. */
  public List<Entry> lookupEntries(String normalisedSurface) {
    int[] post = index.get(normalisedSurface);
    List<Entry> out = new ArrayList<>(post.length);
    for (int p : post) {
      out.add(new Entry(places[p >>> PLACE_SHIFT], Form.values()[p & 0xF],
          LANGUAGES.get((p >>> 4) & LANG_MASK)));
    }
    return Collections.unmodifiableList(out);
  }

  /** The place with this id: a geonameid, a district id ({@code tr-district:…}, {@code csc:…}) or
   * {@code country:XX}. */
  public Optional<Place> byId(String id) {
    int lo = 0;
    int hi = byIdOrder.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = places[byIdOrder[mid]].id().compareTo(id);
      if (cmp == 0) {
        return Optional.of(places[byIdOrder[mid]]);
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.empty();
  }

  /** The country entry of an ISO 3166-1 alpha-2 code. */
  public Optional<Place> country(String iso2) {
    return byId(Place.countryId(iso2));
  }

  /** Every key with its number of readings, sorted: what the matcher's automaton is built from. */
  public void forEachKey(ObjIntConsumer<String> sink) {
    index.forEachKey(sink);
  }

  public int placeCount() {
    return places.length;
  }

  public int keyCount() {
    return index.size();
  }

  public GazetteerSource source() {
    return source;
  }

  /** The artifact's header: build options, sources and their licences. */
  public List<String> header() {
    return header;
  }

  public long loadMillis() {
    return loadMillis;
  }

  /** Collects places and keys while loading, then packs them. */
  private static final class Builder {
    private final List<Place> places = new ArrayList<>();
    private final List<String[]> surfaces = new ArrayList<>(); // per place: name, ascii, aliases...
    private final Map<String, Integer> countryIndex = new LinkedHashMap<>();
    private final List<String[]> countryForms = new ArrayList<>(); // iso2, lang, kind, form

    void addRow(GazetteerArtifact.Row row) {
      places.add(row.place());
      String[] s = new String[row.aliases().size() + 2];
      s[0] = row.place().name();
      s[1] = row.place().asciiName();
      for (int i = 0; i < row.aliases().size(); i++) {
        s[i + 2] = row.aliases().get(i);
      }
      surfaces.add(s);
    }

    void addCountries(List<String[]> rows) {
      Map<String, String> englishName = new LinkedHashMap<>();
      for (String[] r : rows) {
        String iso2 = r[0].strip();
        String kind = r[2].strip();
        if (!iso2.matches("[A-Z]{2}")) {
          throw new IllegalArgumentException(COUNTRIES_FILE + ": bad country code '" + iso2 + "'");
        }
        if (!kind.equals("name") && !kind.equals("adjective")) {
          throw new IllegalArgumentException(
              COUNTRIES_FILE + ": kind must be name or adjective, got '" + kind + "' for " + iso2);
        }
        langIndex(r[1].strip(), COUNTRIES_FILE);
        if (kind.equals("name") && r[1].strip().equals("en")) {
          englishName.putIfAbsent(iso2, r[3].strip());
        }
        englishName.putIfAbsent(iso2, null);
        countryForms.add(new String[] {iso2, r[1].strip(), kind, r[3].strip()});
        if (kind.equals("adjective")) {
          for (String form : AdjectiveForms.of(r[1].strip(),
              r[3].strip().toLowerCase(java.util.Locale.ROOT))) {
            countryForms.add(new String[] {iso2, r[1].strip(), kind, form});
          }
        }
      }
      addDerivedAdjectives("ar");
      for (Map.Entry<String, String> e : englishName.entrySet()) {
        String name = e.getValue() != null ? e.getValue() : e.getKey();
        countryIndex.put(e.getKey(), places.size());
        places.add(new Place(Place.countryId(e.getKey()), name, Ascii.fold(name), e.getKey(),
            "PCLI", 0, "", Place.Kind.COUNTRY, Double.NaN, Double.NaN));
        surfaces.add(new String[0]);
      }
    }

    /**
     * Adjectives of {@code lang} derived from the names of the countries the file gives none
     * for ({@link AdjectiveForms#fromName}): "النرويج" gives "نرويجي", "النرويجية"...
     */
    private void addDerivedAdjectives(String lang) {
      Set<String> withAdjective = new HashSet<>();
      List<String[]> names = new ArrayList<>();
      for (String[] f : countryForms) {
        if (f[1].equals(lang)) {
          if (f[2].equals("adjective")) {
            withAdjective.add(f[0]);
          } else {
            names.add(f);
          }
        }
      }
      for (String[] name : names) {
        if (withAdjective.contains(name[0])) {
          continue;
        }
        String base = AdjectiveForms.fromName(lang, name[3]);
        if (base != null) {
          countryForms.add(new String[] {name[0], lang, "adjective", base});
          for (String form : AdjectiveForms.of(lang, base)) {
            countryForms.add(new String[] {name[0], lang, "adjective", form});
          }
        }
      }
    }

    Gazetteer finish(GazetteerSource source, List<String[]> overrides, List<String> header,
        long startNanos) {
      // Rank: populous first, then id, so postings (sorted by place index) come out ranked.
      Integer[] order = new Integer[places.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingLong((Integer i) -> -places.get(i).population())
          .thenComparing(i -> places.get(i).kind())
          .thenComparing(i -> places.get(i).id()));
      Place[] ranked = new Place[order.length];
      int[] rankOf = new int[order.length];
      for (int r = 0; r < order.length; r++) {
        ranked[r] = places.get(order[r]);
        rankOf[order[r]] = r;
      }
      Map<String, int[]> map = new HashMap<>(places.size() * 4);
      for (int i = 0; i < surfaces.size(); i++) {
        String[] s = surfaces.get(i);
        for (int j = 0; j < s.length; j++) {
          Form form = j == 0 ? Form.NAME : j == 1 ? Form.ASCII_NAME : Form.ALIAS;
          addWithVariants(map, s[j], rankOf[i], form, 0);
        }
      }
      for (String[] c : countryForms) {
        int place = rankOf[countryIndex.get(c[0])];
        Form form = c[2].equals("name") ? Form.COUNTRY_NAME : Form.COUNTRY_ADJECTIVE;
        addWithVariants(map, c[3], place, form, langIndex(c[1], COUNTRIES_FILE));
      }
      Map<String, Integer> idToRank = new HashMap<>();
      for (int r = 0; r < ranked.length; r++) {
        idToRank.put(ranked[r].id(), r);
      }
      applyOverrides(map, overrides, idToRank);
      KeyIndex index = new KeyIndex(map);
      long ms = (System.nanoTime() - startNanos) / 1_000_000;
      return new Gazetteer(source, ranked, index, header, ms);
    }

    private static void applyOverrides(Map<String, int[]> map, List<String[]> rows,
        Map<String, Integer> idToRank) {
      for (String[] r : rows) {
        String surface = r[0].strip();
        int lang = langIndex(r[1].strip(), ALIASES_FILE);
        String target = r[2].strip();
        String action = r[3].strip();
        String key = SurfaceNormalizer.normalize(surface);
        if (key.isEmpty()) {
          throw new IllegalArgumentException(ALIASES_FILE + ": empty surface form for " + target);
        }
        Integer place = idToRank.get(target);
        switch (action) {
          case "add" -> {
            if (place == null) {
              LOG.warn("{}: target {} of '{}' is not in this gazetteer; override skipped",
                  ALIASES_FILE, target, surface);
              continue;
            }
            addWithVariants(map, surface, place, Form.OVERRIDE, lang);
          }
          case "remove" -> {
            if (target.equals("*")) {
              map.remove(key);
              continue;
            }
            if (place == null) {
              continue;
            }
            int[] post = map.get(key);
            if (post != null) {
              int[] kept = Arrays.stream(post).filter(p -> p >>> PLACE_SHIFT != place).toArray();
              if (kept.length == 0) {
                map.remove(key);
              } else {
                map.put(key, kept);
              }
            }
          }
          default -> throw new IllegalArgumentException(
              ALIASES_FILE + ": action must be add or remove, got '" + action + "' for '"
                  + surface + "'");
        }
      }
    }

    private static int langIndex(String lang, String file) {
      return LANGUAGES.indexOf(language(lang, file));
    }

    private static void addWithVariants(Map<String, int[]> map, String surface, int place,
        Form form, int lang) {
      String key = SurfaceNormalizer.normalize(surface);
      if (key.isEmpty()) {
        return;
      }
      add(map, key, place, form, lang);
      Form variant = form == Form.NAME || form == Form.ASCII_NAME || form == Form.ALIAS
          ? Form.VARIANT : form;
      if (key.indexOf('-') >= 0) {
        add(map, key.replace('-', ' '), place, variant, lang);
      } else if (key.indexOf(' ') > 0 && SurfaceNormalizer.isCyrillic(key.charAt(0))) {
        // Russian and Ukrainian text hyphenate names GeoNames spells with a space (Сергиев-Посад)
        add(map, key.replace(' ', '-'), place, variant, lang);
      }
      if (key.indexOf('\'') >= 0) {
        add(map, key.replace("'", ""), place, variant, lang);
      }
      // Chinese writes 广州市 and 广州; GeoNames lists either.
      if (key.length() >= 3 && key.endsWith("市") && SurfaceNormalizer.isHan(key.charAt(0))) {
        add(map, key.substring(0, key.length() - 1), place, variant, lang);
      }
    }

    private static void add(Map<String, int[]> map, String key, int place, Form form, int lang) {
      int posting = place << PLACE_SHIFT | lang << 4 | form.ordinal();
      int[] old = map.get(key);
      if (old == null) {
        map.put(key, new int[] {posting});
        return;
      }
      for (int i = 0; i < old.length; i++) {
        if (old[i] >>> PLACE_SHIFT == place && ((old[i] >>> 4) & LANG_MASK) == lang) {
          // one reading per place, key and language: the most direct form wins (NAME before
          // ALIAS...); "turca" stays a Spanish and a Portuguese adjective
          if ((old[i] & 0xF) > form.ordinal()) {
            old[i] = posting;
          }
          return;
        }
      }
      int[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = posting;
      // keep postings sorted by place rank
      Arrays.sort(grown);
      map.put(key, grown);
    }
  }
}
