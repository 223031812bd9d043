package io.citylinks.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.derby.drda.NetworkServerControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared metastore of a warehouse: Derby's network server on 127.0.0.1, serving the same
 * metastore database the jobs otherwise embed ({@code <warehouse>/_metastore/metastore_db}), so
 * several processes (a JDBC server for analysts and a nightly run) use one warehouse at once.
 * While it runs, the file {@code <warehouse>/_metastore/server.properties} names its host, port
 * and pid, and every session built on that warehouse connects to it instead of embedding Derby.
 * The server holds the warehouse lock, so no job can embed the database under it.
 */
public final class SharedMetastore {
  private static final Logger LOG = LoggerFactory.getLogger(SharedMetastore.class);
  private static final String STATE_FILE = "server.properties";
  static final String HOST = "127.0.0.1";
  private static final long READY_TIMEOUT_MS = 60_000;

  private SharedMetastore() {}

  /** A running server, as its state file says. */
  public record Endpoint(String host, int port, long pid, String since) {
    /** The Hive metastore's JDBC URL for the database in {@code metastoreDir}. */
    public String jdbcUrl(File metastoreDir) {
      return "jdbc:derby://" + host + ":" + port + "/" + databasePath(metastoreDir)
          + ";create=true";
    }
  }

  static String databasePath(File metastoreDir) {
    return metastoreDir.getAbsolutePath() + File.separator + "metastore_db";
  }

  /**
   * The server of this metastore directory when one is running (its process is alive and its port
   * answers); empty otherwise. A state file left by a server that died is ignored.
   */
  public static Optional<Endpoint> find(File metastoreDir) {
    Path state = metastoreDir.toPath().resolve(STATE_FILE);
    if (!Files.isRegularFile(state)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(state)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shared metastore's state file " + state
          + ": " + e.getMessage(), e);
    }
    Endpoint endpoint;
    try {
      endpoint = new Endpoint(p.getProperty("host"), Integer.parseInt(p.getProperty("port")),
          Long.parseLong(p.getProperty("pid")), p.getProperty("since"));
    } catch (RuntimeException e) {
      throw new IllegalStateException("the shared metastore's state file " + state
          + " is damaged (expected host, port, pid): " + p, e);
    }
    boolean alive = ProcessHandle.of(endpoint.pid()).map(ProcessHandle::isAlive).orElse(false);
    if (!alive || !answers(endpoint.host(), endpoint.port())) {
      LOG.warn("{} names a shared metastore (pid {}, port {}) that is not running: ignored",
          state, endpoint.pid(), endpoint.port());
      return Optional.empty();
    }
    return Optional.of(endpoint);
  }

  /**
   * Runs the server in this JVM until it is stopped ({@link #stop}, SIGTERM): takes the
   * warehouse lock, starts Derby's network server on 127.0.0.1 and a free port, writes the state
   * file, and removes it when the server stops.
   */
  public static void serve(File metastoreDir, String warehouse, int port) throws Exception {
    if (!metastoreDir.isDirectory() && !metastoreDir.mkdirs()) {
      throw new IllegalStateException("cannot create metastore directory " + metastoreDir);
    }
    WarehouseLock.acquire(metastoreDir, warehouse);
    System.setProperty("derby.system.home", metastoreDir.getAbsolutePath());
    int chosen = port > 0 ? port : freePort();
    NetworkServerControl server = new NetworkServerControl(InetAddress.getByName(HOST), chosen);
    PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    server.start(log);
    awaitPing(server, chosen);
    Path state = metastoreDir.toPath().resolve(STATE_FILE);
    Endpoint endpoint = new Endpoint(HOST, chosen, ProcessHandle.current().pid(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    writeState(state, endpoint);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(state);
        server.shutdown();
      } catch (Exception e) {
        LOG.warn("stopping the shared metastore: {}", e.toString());
      }
      stopped.countDown();
    }, "citylinks-metastore-stop"));
    System.out.println("citylinks: shared metastore of " + warehouse + " on " + HOST + ":"
        + chosen + " (pid " + endpoint.pid() + ")");
    System.out.flush();
    // Derby's own shutdown command (stop) ends the server threads; then this JVM ends too.
    while (stopped.getCount() > 0) {
      try {
        server.ping();
      } catch (Exception down) {
        Files.deleteIfExists(state);
        return;
      }
      Thread.sleep(500);
    }
  }

  /** Asks the running server to shut down and waits (up to a minute) for its process to end. */
  public static boolean stop(Endpoint endpoint) throws Exception {
    new NetworkServerControl(InetAddress.getByName(endpoint.host()), endpoint.port()).shutdown();
    Optional<ProcessHandle> process = ProcessHandle.of(endpoint.pid());
    if (process.isEmpty()) {
      return true;
    }
    try {
      process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  private static void writeState(Path state, Endpoint e) throws IOException {
    Properties p = new Properties();
    p.setProperty("host", e.host());
    p.setProperty("port", Integer.toString(e.port()));
    p.setProperty("pid", Long.toString(e.pid()));
    p.setProperty("since", e.since());
    Path tmp = state.resolveSibling(STATE_FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      p.store(out, "citylinks shared metastore (jobs/metastore); removed when it stops");
    }
    Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }

  private static void awaitPing(NetworkServerControl server, int port) throws Exception {
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
    while (true) {
      try {
        server.ping();
        return;
      } catch (Exception notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("Derby's network server did not answer on " + HOST
              + ":" + port + " within " + READY_TIMEOUT_MS / 1000 + " s", notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
