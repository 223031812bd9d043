package io.citylinks.cluster;

import static io.citylinks.cluster.StandaloneCluster.readQuietly;
import static io.citylinks.cluster.StandaloneCluster.tail;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.citylinks.generate.ArchiveGenerator;
import io.citylinks.generate.GeneratorOptions;
import io.citylinks.spark.Tables;
import io.citylinks.spark.TestSpark;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full {@code run} job submitted with {@code jobs/submit} to a real Spark standalone cluster
 * on 127.0.0.1 (a master and four 1-core workers, each its own JVM; executors are processes the
 * workers start), once as is and once losing an executor mid-job. Either way its tables must
 * equal, row for row, those of a {@code local[*]} run of the same archive in another JVM.
 *
 * <p>The three runs go on at once, started in {@link #startClusterAndRuns()}: each cluster job is
 * an application of two 1-core executors on two workers of its own, so the whole class takes
 * about as long as its slowest run rather than the sum of three.
 *
 * <p>The application is shipped as users ship it: {@code jobs/submit} of a copy of the project
 * (pom.xml, src/main, conf, jobs) builds the shaded {@code target/citylinks-cluster.jar} there
 * ({@code mvn -Pcluster package}) on first use, and the cluster's SPARK_HOME holds Spark's jars
 * without {@link #APPLICATION_LIBRARIES}, so Delta, Spark NLP, citylinks and its libraries reach
 * the driver and the executors only inside that jar. A copy, because a build in this checkout
 * would rewrite the target/ the running suite uses. {@code -Dcitylinks.cluster.jar=plain} ships
 * target/classes packed as a plain jar instead, on a SPARK_HOME with every runtime jar (quicker
 * while working); {@code -Dcitylinks.cluster.jar=FILE} ships FILE on that SPARK_HOME.
 */
@Tag("cluster")
@Tag("slow")
class ClusterPipelineTest {
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration JOB = Duration.ofMinutes(15);
  /**
   * For every JVM of the test: its runs are short and cold, so the JIT's optimising compiler and
   * parallel GC threads would mostly spend the 2 cores' time on code that is never hot.
   */
  static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC");
  /** The same job options for every run: four shuffle partitions, two per executor. */
  private static final List<String> RUN_OPTIONS = List.of(
      "--set", "spark.conf.\"spark.sql.shuffle.partitions\"=4");
  private static final Pattern APP_ID = Pattern.compile("with app ID (app-[0-9-]+)");
  /**
   * Where the runtime jars a Spark distribution does not have live in the Maven repository:
   * Delta, Spark NLP and the libraries citylinks itself declares.
   */
  static final List<String> APPLICATION_LIBRARIES = List.of("/io/delta/", "/com/johnsnowlabs/",
      "/org/netpreserve/", "/org/jsoup/", "/net/dankito/", "/com/ibm/icu/", "/com/hankcs/",
      "/org/apache/lucene/", "/com/github/pemistahl/", "/info/picocli/", "/com/typesafe/");

  @TempDir static Path dir;
  private static List<String> javaOpens;
  private static StandaloneCluster cluster;
  private static Path input;
  /** The jar to ship when not the shaded one jobs/submit builds in {@link #project}. */
  private static Path appJar;
  /** The copy of the project whose jobs/submit builds and ships the shaded jar. */
  private static Path project;
  private static final long STARTED = System.nanoTime();
  private static Job localRun;
  private static Job plainRun;
  private static Job lossyRun;
  private static CompletableFuture<ProcessHandle> killedExecutor;
  private static Map<String, List<String>> localTables;

  /** A job started by a test: its process and where its output goes. */
  private record Job(String name, Process process, Path out, Path err) {
    int await() throws InterruptedException {
      if (!process.waitFor(JOB.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail(name + " did not finish in " + JOB + "; log:\n" + tail(readQuietly(err), 4000));
      }
      // Timings go to the test's output (target/surefire-reports/*-output.txt).
      System.out.printf("%s: exit %d after %d s of the class%n", name, process.exitValue(),
          secondsSinceStart());
      return process.exitValue();
    }

    String log() {
      return readQuietly(err);
    }
  }

  @BeforeAll
  static void startClusterAndRuns() throws Exception {
    Path classpathFile = Paths.get("target", "classpath.txt");
    assumeTrue(Files.isRegularFile(classpathFile),
        "target/classpath.txt is missing (mvn writes it in generate-resources)");
    assumeTrue(Files.isRegularFile(Paths.get("target", "classes", "conf", "citylinks.conf")),
        "target/classes is not built");
    assumeTrue(Files.isExecutable(Paths.get("jobs", "submit")), "jobs/submit is missing");
    assumeTrue(Files.isExecutable(Paths.get("/bin/bash")), "bash is needed by jobs/submit");
    String opens = System.getProperty("citylinks.java17.opens", "");
    assumeTrue(!opens.isBlank(), "system property citylinks.java17.opens is not set (Surefire sets it)");
    javaOpens = Arrays.stream(opens.trim().split("\\s+")).toList();
    List<String> runtimeJars = Arrays.stream(Files.readString(classpathFile).trim()
        .split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();

    input = dir.resolve("archive");
    ArchiveGenerator.generate(GeneratorOptions.builder(150, input)
        .partnershipShare(0.5).exactDupShare(0.08).nearDupShare(0.1).shards(3).build());
    localRun = startLocalRun(runtimeJars);
    String asked = System.getProperty("citylinks.cluster.jar", "shaded");
    List<String> sparkJars = runtimeJars;
    if (asked.equals("shaded")) {
      assumeTrue(onPath("mvn"), "mvn is needed: jobs/submit builds the shaded jar with it");
      project = copyOfTheProject(dir.resolve("project"));
      sparkJars = runtimeJars.stream()
          .filter(jar -> APPLICATION_LIBRARIES.stream().noneMatch(jar::contains)).toList();
      assertTrue(sparkJars.size() < runtimeJars.size() - 10, "no application library left out");
    } else {
      appJar = asked.equals("plain") ? plainJar() : Paths.get(asked).toAbsolutePath();
    }
    List<String> daemonOptions = new ArrayList<>(javaOpens);
    daemonOptions.addAll(SHORT_LIVED_JVM);
    cluster = StandaloneCluster.start(dir.resolve("cluster"), sparkJars, daemonOptions, 4,
        STARTUP);
    System.out.printf("cluster of 4 workers up after %d s%n", secondsSinceStart());
    plainRun = submit("cluster-run");
    if (project != null) {
      // The first submit builds the shaded jar; the second starts once its driver runs, so it
      // finds the jar built and up to date instead of building it a second time.
      awaitLogLine(plainRun, "Running Spark version");
      System.out.printf("shaded jar built (%d MB) after %d s%n", Files.size(
          project.resolve("target").resolve("citylinks-cluster.jar")) >> 20, secondsSinceStart());
    }
    lossyRun = submit("cluster-run-losing-an-executor");
    // After near-duplicate clustering, with the writes and the extraction still to come.
    killedExecutor = CompletableFuture.supplyAsync(() -> killAnExecutorAfter(lossyRun,
        "near duplicates:"));
  }

  @AfterAll
  static void stopEverything() {
    if (localRun != null) {
      localRun.process().descendants().forEach(ProcessHandle::destroyForcibly);
      localRun.process().destroyForcibly();
    }
    if (cluster != null) {
      cluster.close(); // the cluster jobs too
    }
  }

  @Test
  void runOnTheClusterGivesTheTablesOfALocalRun() throws Exception {
    Job job = plainRun;
    assertEquals(0, job.await(), tail(job.log(), 4000));
    String log = job.log();
    assertTrue(log.contains("master=" + cluster.masterUrl()), "not run on the cluster:\n"
        + tail(log, 2000));
    String appId = appId(log);
    assertTrue(log.contains("Granted executor ID " + appId + "/1"), "two executors expected");
    assertTrue(readQuietly(job.out()).contains("succeeded"), readQuietly(job.out()));
    assertSameTables(warehouse(job));
  }

  @Test
  void losingAnExecutorMidJobGivesTheSameTables() throws Exception {
    Job job = lossyRun;
    ProcessHandle victim = killedExecutor.get(JOB.toSeconds(), TimeUnit.SECONDS);
    assertFalse(victim.isAlive(), "executor " + victim.pid() + " survived kill -9");

    assertEquals(0, job.await(), tail(job.log(), 4000));
    String log = job.log();
    String appId = appId(log);
    assertTrue(log.contains("Lost executor"), "the driver never noticed the lost executor:\n"
        + tail(log, 3000));
    assertTrue(log.contains("Granted executor ID " + appId + "/2"),
        "no executor replaced the lost one:\n" + tail(log, 3000));
    assertSameTables(warehouse(job));
  }

  /**
   * Kills (SIGKILL) one executor of the job's application once the job has logged {@code text},
   * as a lost machine would; returns it dead.
   */
  private static ProcessHandle killAnExecutorAfter(Job job, String text) {
    try {
      awaitLogLine(job, text);
      String appId = appId(job.log());
      List<ProcessHandle> executors = cluster.executorsOf(appId);
      assertEquals(2, executors.size(), "executors of " + appId + ": " + executors);
      ProcessHandle victim = executors.get(0);
      // jobs/submit gave the executors its Java 17 flags and, beside them, the test's options.
      String command = victim.info().commandLine().orElse("");
      assertTrue(command.contains(javaOpens.get(0)) && command.contains(SHORT_LIVED_JVM.get(0)),
          command);
      assertTrue(victim.destroyForcibly(), "could not kill executor " + victim.pid());
      victim.onExit().get(30, TimeUnit.SECONDS);
      System.out.printf("%s: killed executor %d after %d s of the class%n", job.name(),
          victim.pid(), secondsSinceStart());
      return victim;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the killed executor did not exit", e);
    }
  }

  private static Job submit(String name) throws IOException {
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    // --total-executor-cores 2: each application gets two of the four 1-core workers. The Java
    // options go with jobs/submit's own Java 17 flags (it adds them to what it is given).
    String jvm = String.join(" ", SHORT_LIVED_JVM);
    Path home = project != null ? project : Paths.get("").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(
        home.resolve("jobs").resolve("submit").toString(),
        "--master", cluster.masterUrl(), "--total-executor-cores", "2",
        "--driver-memory", "1g", "--executor-memory", "1g",
        "--driver-java-options", jvm, "--conf", "spark.executor.extraJavaOptions=" + jvm,
        "--", "run", "--input", input.toString(),
        "--warehouse", dir.resolve(name + "-warehouse").toString()));
    cmd.addAll(RUN_OPTIONS);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    if (appJar != null) {
      pb.environment().put("CITYLINKS_JAR", appJar.toString());
    }
    return new Job(name, cluster.startProcess(pb), out, err);
  }

  private static Path warehouse(Job job) {
    return dir.resolve(job.name() + "-warehouse");
  }

  private static Job startLocalRun(List<String> runtimeJars) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    cmd.addAll(javaOpens);
    cmd.addAll(SHORT_LIVED_JVM);
    cmd.addAll(List.of("-Dlog4j.configurationFile=conf/log4j2.properties",
        "-cp", Paths.get("target", "classes").toAbsolutePath() + File.pathSeparator
            + String.join(File.pathSeparator, runtimeJars),
        "io.citylinks.cli.Main", "run", "--input", input.toString(),
        "--warehouse", dir.resolve("local-warehouse").toString()));
    cmd.addAll(RUN_OPTIONS);
    Path out = dir.resolve("local-run.out");
    Path err = dir.resolve("local-run.err");
    return new Job("local run", new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
  }

  /** What a user checks out and builds: pom.xml, src/main, conf and jobs, with no target/. */
  private static Path copyOfTheProject(Path to) throws IOException {
    for (String part : List.of("pom.xml", "src/main", "conf", "jobs")) {
      Path from = Paths.get(part).toAbsolutePath();
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Path target = to.resolve(part).resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    return to;
  }

  private static boolean onPath(String command) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Paths.get(d, command)));
  }

  /** target/classes (with conf/) packed as a plain jar. */
  private static Path plainJar() throws IOException {
    Path classes = Paths.get("target", "classes");
    Path jar = dir.resolve("citylinks-classes.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String appId(String log) {
    Matcher m = APP_ID.matcher(log);
    assertTrue(m.find(), "no application id in the driver log:\n" + tail(log, 3000));
    return m.group(1);
  }

  private static void awaitLogLine(Job job, String text) throws InterruptedException {
    long deadline = System.nanoTime() + JOB.toNanos();
    while (!job.log().contains(text)) {
      if (!job.process().isAlive()) {
        fail(job.name() + " ended (exit " + job.process().exitValue() + ") before logging '"
            + text + "':\n" + tail(job.log(), 4000));
      }
      if (System.nanoTime() > deadline) {
        fail(job.name() + " did not log '" + text + "' in " + JOB);
      }
      Thread.sleep(200);
    }
  }

  private static synchronized Map<String, List<String>> localTables() throws Exception {
    if (localTables == null) {
      assertEquals(0, localRun.await(), tail(localRun.log(), 4000));
      localTables = tables(dir.resolve("local-warehouse"));
      assertTrue(localTables.keySet().containsAll(List.of(Tables.ARTICLES.name(),
          Tables.PARTNERSHIP_EVENTS.name(), Tables.DEDUP_SIGNATURES.name())),
          () -> "tables of the local run: " + localTables.keySet());
      assertFalse(localTables.get(Tables.PARTNERSHIP_EVENTS.name()).isEmpty(),
          "the local run found no partnership events: the comparison would prove little");
    }
    return localTables;
  }

  private static void assertSameTables(Path clusterWarehouse) throws Exception {
    Map<String, List<String>> expected = localTables();
    Map<String, List<String>> actual = tables(clusterWarehouse);
    assertEquals(expected.keySet(), actual.keySet(), "tables");
    for (String table : expected.keySet()) {
      List<String> e = expected.get(table);
      List<String> a = actual.get(table);
      if (!e.equals(a)) {
        fail(table + ": " + a.size() + " rows on the cluster, " + e.size() + " locally; only local: "
            + firstRowsNotIn(e, a) + "; only on the cluster: " + firstRowsNotIn(a, e));
      }
    }
    System.out.printf("%s: %d tables equal to the local run's after %d s of the class%n",
        clusterWarehouse.getFileName(), actual.size(), secondsSinceStart());
  }

  private static long secondsSinceStart() {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED);
  }

  private static List<String> firstRowsNotIn(List<String> rows, List<String> others) {
    List<String> missing = new ArrayList<>(rows);
    missing.removeAll(others);
    return missing.stream().limit(3).map(r -> tail(r, 400)).toList();
  }

  /**
   * Every table of the warehouse but {@code runs}, read with the test JVM's session straight from
   * its Delta files: rows as JSON without their run_id column (binary columns in hex), sorted.
   */
  private static Map<String, List<String>> tables(Path warehouse) throws IOException {
    Path database = warehouse.resolve("citylinks.db");
    Map<String, List<String>> tables = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(database)) {
      for (Path table : dirs.filter(d -> Files.isDirectory(d.resolve("_delta_log"))).toList()) {
        String name = table.getFileName().toString();
        if (name.equals(Tables.RUNS.name())) {
          continue;
        }
        var rows = TestSpark.session().read().format("delta").load(table.toString());
        List<Column> columns = new ArrayList<>();
        for (StructField f : rows.schema().fields()) {
          if (!f.name().equals("run_id")) {
            columns.add(f.dataType() instanceof BinaryType
                ? hex(col(f.name())).as(f.name()) : col(f.name()));
          }
        }
        List<String> json = new ArrayList<>(rows.select(to_json(struct(columns.toArray(Column[]::new))))
            .as(Encoders.STRING()).collectAsList());
        json.sort(null);
        tables.put(name, json);
      }
    }
    return tables;
  }
}
