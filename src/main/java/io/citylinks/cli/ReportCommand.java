package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.report.HtmlReport;
import io.citylinks.report.ReportData;
import io.citylinks.report.ReportQueries;
import io.citylinks.spark.SparkSessions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/report}: one self-contained HTML page of charts over the citylinks tables. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML page (inline SVG charts, no scripts, nothing "
        + "loaded from the network) over the citylinks tables: the country-pair matrix, events "
        + "per year by type, topics per year, and the top city pairs with their evidence.",
        "Run `jobs/run --warehouse W` first."})
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
      description = "HTML file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "City pairs to list with their evidence (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + top);
    }
    CitylinksConfig config = options.load();
    requireLocalWarehouse(config.warehouse());
    SparkSession spark = SparkSessions.createForReading(config, java.util.Map.of());
    ReportData data;
    try {
      data = ReportQueries.read(spark, config.database(), config.warehouse(), top);
    } finally {
      spark.stop();
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, HtmlReport.render(data), StandardCharsets.UTF_8);
    System.out.println("report written to " + out.toAbsolutePath());
    System.out.printf("%,d articles (%,d canonical), %,d partnership events in %,d country pairs, "
            + "top %d city pairs; run %s%n", data.totals().articles(),
        data.totals().canonicalArticles(), data.totals().events(), data.countryPairs().size(),
        data.topCityPairs().size(),
        data.source().lastRunId() == null ? "none" : data.source().lastRunId());
    return 0;
  }

  /**
   * A local warehouse directory that does not exist has no tables; saying so beats creating an
   * empty metastore there first.
   */
  private static void requireLocalWarehouse(String warehouse) {
    URI uri = URI.create(warehouse.replace(" ", "%20"));
    boolean local = uri.getScheme() == null || uri.getScheme().equals("file");
    Path dir = uri.getScheme() == null ? Paths.get(warehouse) : Paths.get(uri);
    if (local && !Files.isDirectory(dir)) {
      throw new IllegalStateException("no citylinks tables in " + warehouse
          + ": run jobs/run --warehouse " + warehouse + " first");
    }
  }
}
