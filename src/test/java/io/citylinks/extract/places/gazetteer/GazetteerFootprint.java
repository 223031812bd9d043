package io.citylinks.extract.places.gazetteer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Measures what a gazetteer artifact costs an executor: load time and retained heap. Not a test;
 * run one JVM per artifact: {@code java -cp target/classes:target/test-classes:<deps>
 * io.citylinks.extract.places.gazetteer.GazetteerFootprint FILE...}.
 */
public final class GazetteerFootprint {
  private GazetteerFootprint() {}

  public static void main(String[] args) {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    SurfaceNormalizer.normalize("warm up"); // the normaliser's tables are shared, not per gazetteer
    for (String file : args) {
      long before = usedAfterGc(mem);
      long t0 = System.nanoTime();
      Gazetteer g = Gazetteer.load(GazetteerSource.file(Path.of(file)));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long after = usedAfterGc(mem);
      long t1 = System.nanoTime();
      Gazetteer.load(GazetteerSource.file(Path.of(file)));
      long warmMs = (System.nanoTime() - t1) / 1_000_000;
      System.out.printf("%s: places %,d keys %,d load %,d ms (second load %,d ms) heap %.1f MB%n",
          file, g.placeCount(), g.keyCount(), ms, warmMs, (after - before) / 1048576.0);
      if (g.lookup("x").size() < 0) {
        System.out.println(g);
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean mem) {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
