package io.citylinks.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a session's tables over JDBC/ODBC with Spark's HiveServer2 (Thrift binary protocol), so
 * beeline, DBeaver or any Hive JDBC driver can query them. The server runs inside the session's
 * JVM and shares its metastore: with the embedded Derby metastore, no other process can open the
 * same warehouse while it runs ({@link WarehouseLock} tells them so).
 */
public final class SqlServer {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServer.class);
  private static final long READY_TIMEOUT_MS = 60_000;
  private static final String PREFIX = "spark.hadoop.hive.server2.thrift.";

  private SqlServer() {}

  /** Starts the server and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
  public static void serve(SparkSession spark, String host, int port, String database,
      String warehouse) throws InterruptedException {
    HiveThriftServer2 server = start(spark, host, port);
    String url = jdbcUrl(host, port, database);
    System.out.println("citylinks: serving " + warehouse + " over JDBC (HiveServer2 protocol)");
    System.out.println("  connection string: " + url);
    System.out.println("  e.g. beeline -u " + url + " -e 'SHOW TABLES'");
    System.out.println("  Ctrl-C stops the server.");
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping the JDBC server");
      server.stop();
      stopped.countDown();
    }, "citylinks-sql-server-stop"));
    stopped.await();
  }

  /** Starts the server on {@code host:port} and returns once it accepts connections. */
  public static HiveThriftServer2 start(SparkSession spark, String host, int port) {
    ensurePortFree(host, port);
    for (String variable : List.of("HIVE_SERVER2_THRIFT_PORT", "HIVE_SERVER2_THRIFT_BIND_HOST")) {
      if (System.getenv(variable) != null) {
        LOG.warn("{} is set in the environment and overrides --port/--bind", variable);
      }
    }
    String configured = spark.sparkContext().getConf().get(PREFIX + "port", "");
    if (!configured.equals(String.valueOf(port))) {
      throw new IllegalStateException("the session was not built for serving on port " + port
          + ": build it with SqlServer.sessionSettings");
    }
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
    awaitListening(host, port);
    return server;
  }

  /**
   * The Spark settings a session needs to serve on {@code host:port}, given when it is built.
   * HiveServer2 takes its settings from the HiveConf of the Hive session state the session
   * started with (set later, through the SQL or Hadoop configuration, they are ignored and the
   * server listens on *:10000).
   */
  public static Map<String, String> sessionSettings(String host, int port) {
    return Map.of(PREFIX + "bind.host", host, PREFIX + "port", String.valueOf(port),
        "spark.hadoop.hive.server2.transport.mode", "binary");
  }

  public static String jdbcUrl(String host, int port, String database) {
    return "jdbc:hive2://" + host + ":" + port + "/" + database;
  }

  private static void ensurePortFree(String host, int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + " ("
          + e.getMessage() + "): another server uses the port? choose one with --port");
    }
  }

  private static void awaitListening(String host, int port) {
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 1_000);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting the JDBC server", e);
        }
      }
    }
    throw new IllegalStateException("the JDBC server did not start listening on " + host + ":"
        + port + " within " + READY_TIMEOUT_MS / 1000 + " s (see the log)");
  }
}
