package io.citylinks.extract.places.gazetteer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The shipped gazetteer file: gzip'd UTF-8 TSV, a {@code #} header (format version, sources,
 * licences, column names), then one place per line with its aliases as raw surface forms
 * ({@code |}-separated), so the keys can be recomputed by a newer {@link SurfaceNormalizer}
 * without rebuilding the file.
 */
public final class GazetteerArtifact {
  /** First line of every artifact; the loader refuses files without it. */
  public static final String MAGIC = "#citylinks-gazetteer\t1";

  public static final String COLUMNS =
      "# columns: id\tkind(C=city,D=district)\tname\tasciiname\tcountry\tfeature_code\tpopulation"
          + "\tadmin1\tlat\tlon\taliases(|-separated surface forms)";

  /** Default location of the artifact on the classpath. */
  public static final String CLASSPATH_RESOURCE = "/citylinks/gazetteer/gazetteer.tsv.gz";

  private GazetteerArtifact() {}

  /** A place and the surface forms (besides its name and ASCII name) that name it. */
  public record Row(Place place, List<String> aliases) {}

  /** Writes the artifact, gzip'd, with the given header comment lines (without their '#'). */
  public static void write(OutputStream out, List<String> header, Iterable<Row> rows)
      throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(9);
      }
    };
    try (Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8))) {
      w.write(MAGIC);
      w.write('\n');
      for (String h : header) {
        w.write("# ");
        w.write(h);
        w.write('\n');
      }
      w.write(COLUMNS);
      w.write('\n');
      StringBuilder sb = new StringBuilder(256);
      for (Row row : rows) {
        Place p = row.place();
        sb.setLength(0);
        sb.append(p.id()).append('\t')
            .append(p.kind() == Place.Kind.DISTRICT ? 'D' : 'C').append('\t')
            .append(clean(p.name())).append('\t')
            .append(clean(p.asciiName())).append('\t')
            .append(p.countryCode()).append('\t')
            .append(p.featureCode()).append('\t')
            .append(p.population()).append('\t')
            .append(clean(p.admin1())).append('\t')
            .append(coordinate(p.lat())).append('\t')
            .append(coordinate(p.lon())).append('\t');
        for (int i = 0; i < row.aliases().size(); i++) {
          if (i > 0) {
            sb.append('|');
          }
          sb.append(clean(row.aliases().get(i)));
        }
        sb.append('\n');
        w.write(sb.toString());
      }
    }
  }

  /** Reads an artifact (gzip'd or plain), handing each row to {@code sink}; returns the header. */
  public static List<String> read(InputStream in, String what, Consumer<Row> sink) {
    List<String> header = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(maybeGunzip(in), StandardCharsets.UTF_8), 1 << 16)) {
      String line = r.readLine();
      lineNo++;
      if (line == null || !line.equals(MAGIC)) {
        throw new IllegalArgumentException(
            what + ": not a citylinks gazetteer (first line must be '" + MAGIC.replace("\t", "\\t")
                + "'); rebuild it with jobs/build-gazetteer");
      }
      for (line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.startsWith("#")) {
          header.add(line);
          continue;
        }
        if (line.isEmpty()) {
          continue;
        }
        sink.accept(parse(line));
      }
      return header;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + what, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + ":" + lineNo + ": " + e.getMessage(), e);
    }
  }

  private static Row parse(String line) {
    String[] c = line.split("\t", -1);
    if (c.length != 11) {
      throw new IllegalArgumentException("expected 11 tab-separated columns, found " + c.length);
    }
    Place.Kind kind = switch (c[1]) {
      case "C" -> Place.Kind.CITY;
      case "D" -> Place.Kind.DISTRICT;
      default -> throw new IllegalArgumentException("kind must be C or D, got " + c[1]);
    };
    // most ASCII names equal the name: share the string
    String ascii = c[3].equals(c[2]) ? c[2] : c[3];
    Place place = new Place(c[0], c[2], ascii, c[4].intern(), c[5].intern(),
        c[6].isEmpty() ? 0 : Long.parseLong(c[6]), c[7].intern(), kind,
        c[8].isEmpty() ? Double.NaN : Double.parseDouble(c[8]),
        c[9].isEmpty() ? Double.NaN : Double.parseDouble(c[9]));
    List<String> aliases = c[10].isEmpty() ? List.of() : List.of(c[10].split("\\|"));
    return new Row(place, aliases);
  }

  static InputStream maybeGunzip(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 2);
    byte[] sig = p.readNBytes(2);
    p.unread(sig);
    if (sig.length == 2 && (sig[0] & 0xff) == 0x1f && (sig[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(p, 1 << 16);
    }
    return p;
  }

  private static String coordinate(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('|', ' ');
  }
}
