package io.citylinks.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.storage.BlockUpdatedInfo;

/**
 * What a measured section wrote to disk because memory ran out: cached blocks that went to disk
 * (Spark's "Not enough space to cache … in memory") and the bytes tasks spilled while sorting or
 * aggregating. Registered on the session's listener bus from {@link #watch} until
 * {@link #close}; the bus delivers events asynchronously, so read it after the jobs finished.
 */
final class SpillWatch extends SparkListener implements AutoCloseable {
  private final SparkContext sc;
  private final Map<String, Long> cachedOnDisk = new ConcurrentHashMap<>();
  private final AtomicLong spilledToDisk = new AtomicLong();

  private SpillWatch(SparkContext sc) {
    this.sc = sc;
  }

  static SpillWatch watch(SparkContext sc) {
    SpillWatch watch = new SpillWatch(sc);
    sc.addSparkListener(watch);
    return watch;
  }

  @Override
  public void onBlockUpdated(SparkListenerBlockUpdated event) {
    BlockUpdatedInfo info = event.blockUpdatedInfo();
    if (info.blockId().isRDD() && info.diskSize() > 0) {
      cachedOnDisk.merge(info.blockId().name(), info.diskSize(), Math::max);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    TaskMetrics metrics = event.taskMetrics();
    if (metrics != null) {
      spilledToDisk.addAndGet(metrics.diskBytesSpilled());
    }
  }

  /** Cached blocks that were stored on disk, in MB. */
  long cacheOnDiskMegabytes() {
    return cachedOnDisk.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
  }

  /** Cached blocks that were stored on disk. */
  int cacheBlocksOnDisk() {
    return cachedOnDisk.size();
  }

  /** Bytes sorts and aggregations spilled to disk, in MB. */
  long spilledMegabytes() {
    return spilledToDisk.get() / 1_000_000;
  }

  @Override
  public void close() {
    try {
      sc.listenerBus().waitUntilEmpty(60_000);
    } catch (java.util.concurrent.TimeoutException e) {
      // The figures may miss the last events; they are still a lower bound.
    } finally {
      sc.removeSparkListener(this);
    }
  }
}
