package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared metastore as an operator runs it, every job a JVM of its own: {@code jobs/metastore
 * start}, a {@code sql --serve} endpoint that answers JDBC queries while a nightly run merges into
 * the same warehouse, the new rows visible through the endpoint after the night, nothing refused
 * with exit 5; then {@code stop}, and the embedded metastore finds the same tables again.
 */
@Tag("slow")
class MetastoreEndToEndTest {
  @TempDir Path dir;

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Test
  void analystsQueryWhileANightMergesIntoTheSameWarehouse() throws Exception {
    Path news = dir.resolve("news");
    String warehouse = dir.resolve("wh").toString();
    String[] small = {"--set", "spark.conf.\"spark.sql.shuffle.partitions\"=2"};
    ArchiveGenerator.generate(GeneratorOptions.builder(40, news.resolve("night1")).seed(31)
        .partnershipShare(0.5).build());
    Jobs.Result first = Jobs.run(concat(new String[] {"run", "--input", news.toString(),
        "--warehouse", warehouse}, small));
    assertEquals(ExitCode.OK.code(), first.exit(), first.err());

    Jobs.Result started = Jobs.run("metastore", "start", "--warehouse", warehouse);
    assertEquals(0, started.exit(), started.out() + started.err());
    assertTrue(started.out().startsWith("started: shared metastore of " + warehouse
        + " on 127.0.0.1:"), started.out());
    Path state = dir.resolve("wh").resolve("_metastore").resolve("server.properties");
    assertTrue(Files.isRegularFile(state));
    Process server = null;
    try {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      server = Jobs.start("sql", "--warehouse", warehouse, "--serve", "--port",
          String.valueOf(port));
      String url = Jobs.awaitJdbcUrl(server);
      assertEquals("jdbc:hive2://127.0.0.1:" + port + "/citylinks", url);

      try (Connection c = DriverManager.getConnection(url, "analyst", "");
          Statement st = c.createStatement()) {
        long before = count(st, "SELECT count(*) FROM articles");
        assertEquals(40, before);

        ArchiveGenerator.generate(GeneratorOptions.builder(20, news.resolve("night2")).seed(32)
            .partnershipShare(0.5).build());
        Process night = Jobs.start(concat(new String[] {"nightly", "--input", news.toString(),
            "--warehouse", warehouse}, small));
        Thread nightErr = Jobs.drain(night.getErrorStream());
        Thread nightOut = Jobs.drain(night.getInputStream());
        int answeredDuringTheNight = 0;
        while (night.isAlive()) {
          long n = count(st, "SELECT count(*) FROM articles");
          assertTrue(n == before || n == before + 20, "articles seen mid-night: " + n);
          answeredDuringTheNight++;
          night.waitFor(2, TimeUnit.SECONDS);
        }
        nightErr.join();
        nightOut.join();
        assertEquals(ExitCode.OK.code(), night.exitValue(), "the night was not refused");
        assertTrue(answeredDuringTheNight > 0);

        assertEquals(before + 20, count(st, "SELECT count(*) FROM articles"));
        assertEquals(2, count(st, "SELECT count(*) FROM runs"));
        assertEquals(1, count(st, "SELECT count(*) FROM runs WHERE mode = 'incremental' "
            + "AND status = 'succeeded'"));
      }
      assertEquals(0, Jobs.run("metastore", "status", "--warehouse", warehouse).exit());
    } finally {
      if (server != null) {
        server.destroy();
        assertTrue(server.waitFor(1, TimeUnit.MINUTES));
      }
      Jobs.Result stopped = Jobs.run("metastore", "stop", "--warehouse", warehouse);
      assertEquals(0, stopped.exit(), stopped.out() + stopped.err());
    }
    assertFalse(Files.exists(state));
    assertEquals(ExitCode.FAILED.code(),
        Jobs.run("metastore", "status", "--warehouse", warehouse).exit());
    // The embedded default reads the same metastore database again.
    Jobs.Result after = Jobs.run("sql", "--warehouse", warehouse, "--format", "csv", "-e",
        "SELECT count(*) AS n FROM articles");
    assertEquals(0, after.exit(), after.err());
    assertEquals("n\n60", after.out().strip());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
