package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs citylinks jobs as a user does: a new JVM per job, with the launcher's classpath. */
final class Jobs {
  private Jobs() {}

  record Result(int exit, String out, String err) {}

  /** Runs a job to its end (at most 5 minutes), stdin empty. */
  static Result run(String... args) throws IOException, InterruptedException {
    Process p = start(args);
    // Both streams are read at once so that neither pipe fills up and blocks the job.
    var err = new java.util.concurrent.CompletableFuture<byte[]>();
    Thread errReader = new Thread(() -> {
      try {
        err.complete(p.getErrorStream().readAllBytes());
      } catch (IOException e) {
        err.completeExceptionally(e);
      }
    });
    errReader.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "job did not end: " + List.of(args));
    errReader.join();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  /** Starts a job and returns it running (the caller reads its output and ends it). */
  static Process start(String... args) throws IOException {
    String classpath = "target/classes" + File.pathSeparator
        + Files.readString(Paths.get("target", "classpath.txt")).trim();
    // Short-lived JVMs on small inputs: the C1 compiler and the serial collector start faster.
    // C1's code of a whole run (Spark's generated classes too) outgrows the default code cache
    // (48 MB when only C1 compiles); a full cache stops the compiler, and lambdas then fail to
    // deserialise in tasks.
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m", "-XX:+UseSerialGC"));
    cmd.addAll(List.of(System.getProperty("citylinks.java17.opens", "").split(" ")));
    cmd.removeIf(String::isBlank);
    cmd.addAll(List.of("-Dlog4j.configurationFile=conf/log4j2.properties", "-cp", classpath,
        "io.citylinks.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(
        new File("/dev/null"))).start();
  }

  /**
   * The JDBC URL a {@code jobs/sql --serve} process prints once it listens (its "connection
   * string: jdbc:..." line), or null when it ends without one; its output is drained after that.
   */
  static String awaitJdbcUrl(Process server) throws IOException {
    drain(server.getErrorStream());
    BufferedReader out = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    for (String line = out.readLine(); line != null && url == null; line = out.readLine()) {
      if (line.contains("connection string: ")) {
        url = line.substring(line.indexOf("jdbc:"));
      }
    }
    drain(server.getInputStream());
    return url;
  }

  /** Reads a job's output stream to its end in the background, so the job never blocks on it. */
  static Thread drain(java.io.InputStream stream) {
    Thread t = new Thread(() -> {
      try {
        stream.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
