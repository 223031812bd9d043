package io.citylinks.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use of this JVM (driver, and executors too in local mode) while a measured section runs:
 * the peak of the heap in use, garbage included (sampled every few milliseconds, so it never
 * exceeds the maximum heap), and the peak of what stays in use after a collection (the live data
 * the run needs). Start it, run the section, read it, close it.
 */
final class PeakHeap implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 5;

  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final Thread sampler;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener afterGc = this::onGc;
  private final java.util.Set<String> heapPools = new java.util.HashSet<>();
  private volatile boolean running = true;

  private PeakHeap() {
    sampler = new Thread(() -> {
      while (running) {
        peakUsed.accumulateAndGet(used(), Math::max);
        try {
          Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "citylinks-peak-heap");
    sampler.setDaemon(true);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
  }

  /** Starts watching from now. */
  static PeakHeap start() {
    PeakHeap watch = new PeakHeap();
    watch.peakUsed.set(used());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.afterGc, null, null);
        watch.emitters.add(emitter);
      }
    }
    watch.sampler.start();
    return watch;
  }

  /** Peak heap in use since {@link #start}, in MB (garbage included). */
  long megabytes() {
    peakUsed.accumulateAndGet(used(), Math::max);
    return peakUsed.get() / (1024 * 1024);
  }

  /** Peak heap still in use after a collection since {@link #start}, in MB. */
  long liveMegabytes() {
    return peakLive.get() / (1024 * 1024);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(afterGc);
      } catch (javax.management.ListenerNotFoundException e) {
        // already gone
      }
    }
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long after = 0;
    // The map has the non-heap pools (metaspace, code cache) too: only the heap's count.
    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        after += pool.getValue().getUsed();
      }
    }
    peakLive.accumulateAndGet(after, Math::max);
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
