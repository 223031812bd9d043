package io.citylinks.cli;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.spark.SharedMetastore;
import io.citylinks.spark.SharedMetastore.Endpoint;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs/metastore}: starts, stops and reports the warehouse's shared metastore server. */
@Command(name = "metastore", mixinStandardHelpOptions = true,
    description = {"Shared metastore of a warehouse: Derby's network server on 127.0.0.1, over the "
        + "metastore database inside the warehouse. While it runs, every job on the warehouse "
        + "(run, nightly, sql, sql --serve, report, maintain) uses it, so analysts' queries and "
        + "a nightly run no longer exclude each other; the writing jobs still take turns.",
        "start: starts it in the background (log: <warehouse>/_metastore/server.log) and waits "
            + "until it answers; stop: stops it; status: exit 0 when it runs, 1 when not."})
public final class MetastoreCommand implements Callable<Integer> {
  private static final long START_TIMEOUT_MS = 120_000;

  @Parameters(index = "0", paramLabel = "start|stop|status",
      description = "What to do.")
  String action;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port to listen on with start (default: a free port, written to "
          + "<warehouse>/_metastore/server.properties).")
  int port;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535, not " + port);
    }
    CitylinksConfig config = options.load();
    File metastore = new File(config.metastoreDir()).getAbsoluteFile();
    Optional<Endpoint> running = SharedMetastore.find(metastore);
    switch (action) {
      case "status" -> {
        System.out.println(running.map(e -> describe(e, config)).orElse(
            "no shared metastore runs for " + config.warehouse()));
        return running.isPresent() ? 0 : ExitCode.FAILED.code();
      }
      case "stop" -> {
        if (running.isEmpty()) {
          System.out.println("no shared metastore runs for " + config.warehouse());
          return 0;
        }
        if (!SharedMetastore.stop(running.get())) {
          throw new IllegalStateException("the shared metastore (pid " + running.get().pid()
              + ") did not stop within a minute");
        }
        System.out.println("stopped the shared metastore of " + config.warehouse());
        return 0;
      }
      case "start" -> {
        if (running.isPresent()) {
          System.out.println("already running: " + describe(running.get(), config));
          return 0;
        }
        return start(config, metastore);
      }
      case "serve" -> { // the background process start launches
        SharedMetastore.serve(metastore, config.warehouse(), port);
        return 0;
      }
      default -> throw new IllegalArgumentException("unknown action '" + action
          + "' (expected start, stop or status)");
    }
  }

  /** Starts {@code metastore serve} as a JVM of its own, with this JVM's classpath and flags. */
  private int start(CitylinksConfig config, File metastore) throws Exception {
    if (!metastore.isDirectory() && !metastore.mkdirs()) {
      throw new IllegalStateException("cannot create metastore directory " + metastore);
    }
    File log = new File(metastore, "server.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-Xmx512m"); // the last -Xmx wins: Derby needs little
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "metastore", "serve", "--warehouse", config.warehouse(), "--port",
        Integer.toString(port)));
    Process server = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      Optional<Endpoint> up = SharedMetastore.find(metastore);
      if (up.isPresent() && up.get().pid() == server.pid()) {
        System.out.println("started: " + describe(up.get(), config));
        return 0;
      }
      if (!server.isAlive()) {
        throw new IllegalStateException("the shared metastore did not start (exit "
            + server.exitValue() + "); see " + log);
      }
      Thread.sleep(300);
    }
    server.destroy();
    throw new IllegalStateException("the shared metastore did not answer within "
        + START_TIMEOUT_MS / 1000 + " s; see " + log);
  }

  private static String describe(Endpoint e, CitylinksConfig config) {
    return "shared metastore of " + config.warehouse() + " on " + e.host() + ":" + e.port()
        + " (pid " + e.pid() + ", since " + e.since() + ")";
  }
}
