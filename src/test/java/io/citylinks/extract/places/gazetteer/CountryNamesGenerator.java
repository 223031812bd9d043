package io.citylinks.extract.places.gazetteer;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Regenerates the CLDR rows of {@code conf/places/countries.tsv} from ICU4J and keeps the
 * hand-written rows (source {@code manual}) as they are:
 * {@code java -cp target/test-classes:target/classes:<deps>
 * io.citylinks.extract.places.gazetteer.CountryNamesGenerator conf/places/countries.tsv}.
 * {@link CountryNamesFileTest} fails when the file's CLDR rows differ from what this writes.
 */
public final class CountryNamesGenerator {
  /** The gazetteer's languages, without its "*" (any). */
  static final List<String> LANGUAGES = Gazetteer.LANGUAGES.subList(1, Gazetteer.LANGUAGES.size());

  static final String HEADER = """
      # Country names and adjectives (demonyms) per language, for place recognition.
      # Rows with source 'cldr' are generated from CLDR (ICU4J %s) by the test-scoped tool
      # io.citylinks.extract.places.gazetteer.CountryNamesGenerator: do not edit them, rerun it.
      # Rows with source 'manual' are hand-written (adjective and demonym forms the news uses,
      # common short names) and are kept by the generator: add yours there.
      # columns: country(ISO 3166-1 alpha-2)	lang(tr|fa|ar|zh|ru|en|es|fr|de|pt|it|ja|ko|uk|pl|nl)	kind(name|adjective)	form	source(cldr|manual)
      """;

  private CountryNamesGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CountryNamesGenerator conf/places/countries.tsv");
    }
    Path file = Path.of(args[0]);
    List<String> manual = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.startsWith("#") && !line.isBlank() && line.endsWith("\tmanual")) {
          manual.add(line);
        }
      }
    }
    StringBuilder sb = new StringBuilder(header());
    for (String row : cldrRows()) {
      sb.append(row).append('\n');
    }
    for (String row : manual) {
      sb.append(row).append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    System.out.println("wrote " + file + ": " + cldrRows().size() + " cldr rows, " + manual.size()
        + " manual rows");
  }

  static String header() {
    return String.format(HEADER, VersionInfo.ICU_VERSION);
  }

  /** One row per distinct (country, language, form) CLDR gives, sorted. */
  static List<String> cldrRows() {
    Set<String> codes = new TreeSet<>();
    for (Region r : Region.getAvailable(Region.RegionType.TERRITORY)) {
      String code = r.toString();
      if (code.matches("[A-Z]{2}") && !code.equals("ZZ")) {
        codes.add(code);
      }
    }
    List<String> rows = new ArrayList<>();
    for (String code : codes) {
      for (String lang : LANGUAGES) {
        ULocale locale = new ULocale(lang);
        Set<String> forms = new LinkedHashSet<>();
        add(forms, LocaleDisplayNames.getInstance(locale).regionDisplayName(code));
        add(forms, LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT)
            .regionDisplayName(code));
        for (String f : forms) {
          rows.add(code + "\t" + lang + "\tname\t" + f + "\tcldr");
        }
      }
    }
    return rows;
  }

  /** Adds a display name and, for "Hong Kong SAR China" style names, their plain part. */
  private static void add(Set<String> forms, String name) {
    if (name == null || name.isBlank() || name.matches("[A-Z]{2}")) {
      return;
    }
    forms.add(name);
    for (String sep : new String[] {" (", "（", " - ", "، ", ", "}) {
      int at = name.indexOf(sep);
      if (at > 1) {
        forms.add(name.substring(0, at).strip());
      }
    }
  }
}
