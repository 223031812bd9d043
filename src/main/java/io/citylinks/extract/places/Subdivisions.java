package io.citylinks.extract.places;

import io.citylinks.config.DataFiles;
import io.citylinks.extract.places.gazetteer.SurfaceNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * States and provinces named after a city and a comma ("Springfield, Illinois", "Yorba Linda,
 * Calif.", "Brandon, MB", "Zitácuaro, Michoacán"), from {@code conf/places/subdivisions.tsv}: they
 * pick the city's reading in that subdivision, as a country named there picks the country's.
 */
public final class Subdivisions {
  public static final String FILE = "places/subdivisions.tsv";

  /** A first-level subdivision: its country and GeoNames admin1 code. */
  public record Subdivision(String country, String admin1) {}

  /** The subdivisions a name may be, and where it stands (normalised offsets). */
  public record Named(List<Subdivision> subdivisions, int start, int end) {}

  /** Normalised names and abbreviations ("illinois", "calif."). */
  private final Map<String, List<Subdivision>> byName = new HashMap<>();
  /** Postal codes as written, in capitals ("IL", "MB", "NSW"). */
  private final Map<String, List<Subdivision>> byCode = new HashMap<>();
  private int longest;

  private Subdivisions() {}

  public static Subdivisions load() {
    Subdivisions s = new Subdivisions();
    for (String[] r : DataFiles.readTable(FILE, 4)) {
      Subdivision sub = new Subdivision(r[0].strip(), r[1].strip());
      String code = r[2].strip();
      if (!code.equals("-")) {
        s.byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(sub);
        s.longest = Math.max(s.longest, code.length());
      }
      for (String name : r[3].split("\\|")) {
        String form = SurfaceNormalizer.normalize(name.strip());
        if (form.isEmpty()) {
          throw new IllegalArgumentException(FILE + ": an empty name of " + sub);
        }
        s.byName.computeIfAbsent(form, k -> new ArrayList<>()).add(sub);
        s.longest = Math.max(s.longest, form.length());
      }
    }
    return s;
  }

  /**
   * The subdivision named right after normalised offset {@code end} of {@code n}: a comma, then
   * its longest name or its postal code in capitals, ending at a word's end; null if none. At the
   * end of a sentence an abbreviation may have lost its dot to the sentence split.
   */
  public Named after(SurfaceNormalizer.Normalized n, int end) {
    String text = n.text();
    if (end >= text.length() || text.charAt(end) != ',') {
      return null;
    }
    int from = end + 1;
    while (from < text.length() && text.charAt(from) == ' ') {
      from++;
    }
    if (from == end + 1 || from >= text.length()) {
      return null; // "Springfield,Illinois" is no way to write it
    }
    for (int to = Math.min(text.length(), from + longest); to > from; to--) {
      if (to < text.length() && Character.isLetterOrDigit(text.charAt(to))
          && Character.isLetterOrDigit(text.charAt(to - 1))) {
        continue; // inside a word
      }
      List<Subdivision> named = byName.get(text.substring(from, to));
      if (named == null && to == text.length()) {
        // the sentence's own full stop was the abbreviation's: "… with Brandon, Man."
        named = byName.get(text.substring(from, to) + ".");
      }
      if (named == null) {
        int[] written = n.sourceRange(from, to);
        named = byCode.get(n.source().substring(written[0], written[1]));
      }
      if (named != null) {
        return new Named(named, from, to);
      }
    }
    return null;
  }
}
