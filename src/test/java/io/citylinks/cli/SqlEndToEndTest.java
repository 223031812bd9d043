package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.spark.Tables;
import io.citylinks.spark.Tables.Table;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an analyst does with a warehouse two runs wrote, each job in its own JVM: the same query
 * in the three formats, a script, time travel to the previous run, and every table through the
 * JDBC endpoint of {@code sql --serve} (while it serves, other processes are refused cleanly).
 */
@Tag("slow")
class SqlEndToEndTest {
  private static final List<Table> ALL_TABLES = Tables.ALL;

  /** Small inputs: two shuffle partitions instead of the default eight. */
  private static final String SMALL = "spark.conf.\"spark.sql.shuffle.partitions\"=2";

  @TempDir static Path dir;
  static String warehouse;
  static long firstRunArticles;

  @BeforeAll
  static void twoRuns() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    ArchiveGenerator.generate(GeneratorOptions.builder(30, first).seed(11)
        .partnershipShare(0.7).build());
    ArchiveGenerator.generate(GeneratorOptions.builder(10, second).seed(12)
        .partnershipShare(0.7).build());
    warehouse = dir.resolve("wh").toString();
    Jobs.Result run1 = Jobs.run("run", "--input", first.toString(), "--warehouse", warehouse,
        "--set", SMALL);
    assertEquals(0, run1.exit(), run1.err());
    firstRunArticles = Long.parseLong(sql("csv", "SELECT count(*) FROM articles").out()
        .lines().toList().get(1));
    Jobs.Result run2 = Jobs.run("run", "--input", first.toString(), "--input", second.toString(),
        "--set", SMALL,
        "--warehouse", warehouse);
    assertEquals(0, run2.exit(), run2.err());
  }

  private static Jobs.Result sql(String format, String statement) throws Exception {
    return Jobs.run("sql", "--warehouse", warehouse, "--format", format, "-e", statement);
  }

  /** One statement counting the rows of every table: (table, rows), in ALL_TABLES order. */
  private static String countEveryTable() {
    List<String> parts = new ArrayList<>();
    for (Table t : ALL_TABLES) {
      parts.add("SELECT '" + t.name() + "' AS tbl, count(*) AS n FROM " + t.name());
    }
    return String.join(" UNION ALL ", parts);
  }

  private static Map<String, Long> parseCsvCounts(String csv) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String line : csv.lines().skip(1).toList()) {
      String[] cells = line.split(",");
      counts.put(cells[0], Long.parseLong(cells[1]));
    }
    return counts;
  }

  @Test
  void theSameRowsInEachFormat() throws Exception {
    String query = "SELECT event_id, city_a, city_b, type, year, num_articles, topics "
        + "FROM partnership_events ORDER BY event_id";
    Jobs.Result csv = sql("csv", query);
    Jobs.Result json = sql("json", query);
    Jobs.Result table = sql("table", query);
    assertEquals(0, csv.exit(), csv.err());
    List<String> csvRows = csv.out().lines().skip(1).toList();
    List<String> jsonRows = json.out().lines().toList();
    List<String> tableRows = table.out().lines().filter(l -> l.startsWith("| ")).skip(1).toList();
    assertTrue(csvRows.size() >= 5, "too few events to compare: " + csv.out());
    assertEquals(csvRows.size(), jsonRows.size());
    assertEquals(csvRows.size(), tableRows.size());
    assertTrue(table.out().contains(csvRows.size() + " rows"), table.out());
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < csvRows.size(); i++) {
      JsonNode j = mapper.readTree(jsonRows.get(i));
      String[] cells = tableRows.get(i).substring(1).split("\\|");
      String eventId = csvRows.get(i).substring(0, csvRows.get(i).indexOf(','));
      assertEquals(eventId, j.get("event_id").asText());
      assertEquals(eventId, cells[0].strip());
      assertEquals(j.get("city_a").asText(), cells[1].strip());
      assertEquals(j.get("num_articles").asLong(), Long.parseLong(cells[5].strip()));
      assertTrue(csvRows.get(i).contains("," + j.get("type").asText() + ","), csvRows.get(i));
    }
  }

  @Test
  void scriptsAndTimeTravelToThePreviousRun() throws Exception {
    // DESCRIBE HISTORY lists the versions newest first: the second is the previous run's.
    Jobs.Result history = sql("csv", "DESCRIBE HISTORY articles");
    assertEquals(0, history.exit(), history.err());
    List<String> versions = history.out().lines().skip(1).toList();
    assertTrue(versions.get(0).contains("WRITE"), history.out());
    String previous = versions.get(1).substring(0, versions.get(1).indexOf(','));

    Path script = dir.resolve("travel.sql");
    Files.writeString(script, "-- the articles as the previous run left them; and now\n"
        + "SELECT count(*) AS n FROM articles VERSION AS OF " + previous + ";\n"
        + "SELECT count(*) AS n FROM articles\n");
    Jobs.Result result = Jobs.run("sql", "--warehouse", warehouse, "--format", "csv",
        "-f", script.toString());
    assertEquals(0, result.exit(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(List.of("n", String.valueOf(firstRunArticles), "n"), lines.subList(0, 3));
    assertTrue(Long.parseLong(lines.get(3)) > firstRunArticles, result.out());

    // The analysts' example queries all run; a statement that fails stops the script (exit 1)
    // and the ones after it do not run.
    Path examples = dir.resolve("examples-then-error.sql");
    Files.writeString(examples, Files.readString(Path.of("examples/queries/analyst-questions.sql"))
        + "\nSELECT nope FROM articles;\nSELECT 'not reached' AS later;\n");
    Jobs.Result bad = Jobs.run("sql", "--warehouse", warehouse, "--format", "csv",
        "-f", examples.toString());
    assertTrue(bad.out().contains("event_id,city_a,city_b,type,year,published_date"),
        bad.out());
    assertTrue(bad.out().contains("run_id,mode,status,started_at"), bad.out());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("nope"), bad.err());
    assertTrue(!bad.out().contains("not reached"), bad.out());
  }

  @Test
  void everyTableThroughTheJdbcEndpoint() throws Exception {
    Map<String, Long> expected = parseCsvCounts(sql("csv", countEveryTable()).out());
    assertEquals(ALL_TABLES.size(), expected.size(), expected.toString());
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process server = Jobs.start("sql", "--warehouse", warehouse, "--serve",
        "--port", String.valueOf(port));
    try {
      String url = Jobs.awaitJdbcUrl(server);
      assertEquals("jdbc:hive2://127.0.0.1:" + port + "/citylinks", url);

      try (Connection c = DriverManager.getConnection(url, "analyst", "");
          Statement st = c.createStatement()) {
        for (Table table : ALL_TABLES) {
          try (ResultSet rs = st.executeQuery("SELECT * FROM " + table.name())) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              columns.add(md.getColumnName(i).replaceFirst("^.*\\.", ""));
            }
            assertEquals(List.of(table.schema().fieldNames()), columns, table.name());
            long rows = 0;
            while (rs.next()) {
              rows++;
            }
            assertEquals(expected.get(table.name()), rows, table.name());
          }
        }
        try (ResultSet rs = st.executeQuery("DESCRIBE TABLE partnership_events")) {
          assertTrue(rs.next());
          assertEquals("event_id", rs.getString(1));
          assertTrue(rs.getString(3).startsWith("Event id"), rs.getString(3));
        }
      }

      // Another process on the same warehouse is refused with a message, not let in.
      Jobs.Result busy = sql("csv", "SELECT 1");
      assertEquals(ExitCode.BUSY.code(), busy.exit(), busy.out());
      assertTrue(busy.err().contains("in use by another citylinks process"), busy.err());
    } finally {
      server.destroy(); // SIGTERM: the server stops and Derby shuts down cleanly
      assertTrue(server.waitFor(1, TimeUnit.MINUTES));
    }
    // ... and the warehouse is as it was.
    assertEquals(expected, parseCsvCounts(sql("csv", countEveryTable()).out()));
  }
}
