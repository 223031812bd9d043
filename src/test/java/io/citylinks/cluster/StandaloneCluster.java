package io.citylinks.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and workers, each its own JVM, with
 * a SPARK_HOME made of the project's runtime jars (no Spark download). Workers start executors as
 * real processes, and the SPARK_HOME has a {@code bin/spark-submit}, so {@code jobs/submit} runs
 * against it as against a Spark distribution. {@link #close()} kills every process it started.
 */
final class StandaloneCluster implements AutoCloseable {
  /** What a worker's command line holds when it is an executor of an application. */
  private static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

  /**
   * Spark's bin/spark-submit and bin/spark-class, reduced: Spark's launcher library builds the
   * java command (driver memory, the driver's Java options in client mode) and the shell becomes
   * it. The launcher prints its messages, a NUL and a newline, then the arguments, NUL-ended.
   */
  private static final String SPARK_SUBMIT = """
      #!/usr/bin/env bash
      set -euo pipefail
      out=()
      while IFS= read -r -d '' arg; do out+=("$arg"); done < <("$JAVA_HOME/bin/java" -Xmx128m \\
        -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@")
      [ "${#out[@]}" -ge 2 ] || { echo "spark-submit: Spark's launcher failed" >&2; exit 1; }
      [ -z "${out[0]}" ] || echo "${out[0]}" >&2
      cmd=("${out[@]:1}")
      cmd[0]="${cmd[0]#$'\\n'}"
      exec "${cmd[@]}"
      """;

  private final Path home;
  private final String masterUrl;
  private final Map<String, String> environment;
  private final List<Process> processes = new ArrayList<>();
  private final Thread killOnExit = new Thread(this::kill, "standalone-cluster-kill");
  private Process master;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path dir, List<String> runtimeJars) throws IOException {
    this.home = dir.resolve("spark");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("bin"));
    // The launcher takes a SPARK_HOME with a RELEASE file for a distribution, whose jars are jars/.
    Files.writeString(home.resolve("RELEASE"), "");
    for (String jar : runtimeJars) {
      Path target = Paths.get(jar);
      Path link = home.resolve("jars").resolve(target.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, target.toAbsolutePath());
      }
    }
    // Spark's own logging defaults, first on every classpath: Spark NLP's jar carries a
    // log4j2.properties in log4j 1 syntax that would otherwise silence every process.
    try (InputStream defaults = StandaloneCluster.class.getClassLoader()
        .getResourceAsStream("org/apache/spark/log4j2-defaults.properties")) {
      if (defaults == null) {
        throw new IllegalStateException("Spark's log4j2-defaults.properties is not on the classpath");
      }
      Files.copy(defaults, home.resolve("conf").resolve("log4j2.properties"));
    }
    Path submit = home.resolve("bin").resolve("spark-submit");
    Files.writeString(submit, SPARK_SUBMIT);
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));

    this.masterUrl = "spark://127.0.0.1:" + freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
    env.put("SPARK_SCALA_VERSION", "2.12"); // the launcher cannot tell it from a bare jars/ dir
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    this.environment = Map.copyOf(env);
  }

  /** Starts a master and {@code workers} workers (1 core, 2 GB each) and waits until they joined. */
  static StandaloneCluster start(Path dir, List<String> runtimeJars, List<String> javaOpens,
      int workers, Duration timeout) throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(dir, runtimeJars);
    Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
    try {
      String port = cluster.masterUrl.substring(cluster.masterUrl.lastIndexOf(':') + 1);
      cluster.master = cluster.daemon(dir.resolve("master.log"), javaOpens,
          "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", port, "--webui-port", "0");
      for (int i = 1; i <= workers; i++) {
        cluster.workers.add(cluster.daemon(dir.resolve("worker-" + i + ".log"), javaOpens,
            "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
            "--memory", "2g", "--webui-port", "0", "--work-dir", dir.resolve("work-" + i).toString(),
            cluster.masterUrl));
      }
      cluster.awaitWorkers(dir.resolve("master.log"), workers, timeout);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The environment of a process that talks to this cluster (spark-submit, jobs/submit). */
  Map<String, String> environment() {
    return environment;
  }

  /** The executor processes the workers run for the application {@code appId}. */
  List<ProcessHandle> executorsOf(String appId) {
    List<ProcessHandle> executors = new ArrayList<>();
    for (Process worker : workers) {
      worker.descendants()
          .filter(p -> p.info().commandLine()
              .map(c -> c.contains(EXECUTOR_MAIN) && c.contains(appId)).orElse(false))
          .forEach(executors::add);
    }
    return executors;
  }

  /** Starts a process with this cluster's environment; {@link #close()} will kill it. */
  Process startProcess(ProcessBuilder builder) throws IOException {
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = builder.start();
    synchronized (processes) {
      processes.add(p);
    }
    return p;
  }

  private Process daemon(Path log, List<String> javaOpens, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
    cmd.addAll(javaOpens);
    cmd.addAll(List.of("-cp", home.resolve("conf") + "/:" + home.resolve("jars") + "/*", mainClass));
    cmd.addAll(List.of(args));
    return startProcess(new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()));
  }

  private void awaitWorkers(Path masterLog, int workers, Duration timeout)
      throws IOException, InterruptedException {
    Pattern registered = Pattern.compile("Registering worker 127\\.0\\.0\\.1:\\d+");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String log = readQuietly(masterLog);
      Matcher m = registered.matcher(log);
      int count = 0;
      while (m.find()) {
        count++;
      }
      if (count >= workers) {
        return;
      }
      List<Process> daemons = new ArrayList<>(this.workers);
      daemons.add(master);
      for (Process p : daemons) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a cluster process exited with " + p.exitValue()
              + "; master log:\n" + tail(log, 3000));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(count + " of " + workers + " workers registered in "
            + timeout + "; master log:\n" + tail(log, 3000));
      }
      Thread.sleep(250);
    }
  }

  /** Kills the processes started here and their children (executors, drivers), newest first. */
  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook is running or has run
    }
  }

  private void kill() {
    List<Process> all;
    synchronized (processes) {
      all = new ArrayList<>(processes);
    }
    java.util.Collections.reverse(all);
    for (Process p : all) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroy();
    }
    for (Process p : all) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  static String tail(String text, int chars) {
    return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
  }

  static String readQuietly(Path file) {
    try {
      // Not Files.readString: a log line cut mid-character must not fail the read.
      return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
