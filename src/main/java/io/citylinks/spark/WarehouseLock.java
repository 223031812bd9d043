package io.citylinks.spark;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * One citylinks process per warehouse: an operating-system lock on
 * {@code <metastore>/citylinks.lock}, taken before the embedded Derby metastore boots and held
 * until the JVM exits (the system releases it even after kill -9). Embedded Derby admits one JVM
 * per database; a second one would get a warning deep in Hive's logs and go on with a
 * half-working catalog, and two jobs writing the same tables at once could interleave. The lock
 * turns both into one clear refusal ({@link WarehouseBusyException}).
 */
final class WarehouseLock {
  private static final String FILE = "citylinks.lock";
  /** With a shared metastore, the jobs that write (run, nightly, maintain) still take turns. */
  private static final String WRITER_FILE = "citylinks-writer.lock";
  /** Locks this JVM holds, by metastore directory: a JVM may build several sessions (tests). */
  private static final Map<String, FileLock> HELD = new HashMap<>();

  private WarehouseLock() {}

  static void acquire(File metastoreDir, String warehouse) {
    acquire(new File(metastoreDir, FILE), "the warehouse " + warehouse + " is in use by another "
        + "citylinks process", ": one process at a time may open a warehouse (embedded Derby "
        + "metastore); wait for it to finish, use another --warehouse, or start its shared "
        + "metastore (jobs/metastore start)");
  }

  static void acquireWriter(File metastoreDir, String warehouse) {
    acquire(new File(metastoreDir, WRITER_FILE), "the warehouse " + warehouse + " is being "
        + "written by another citylinks job", ": one run, nightly or maintain at a time; wait "
        + "for it to finish");
  }

  private static synchronized void acquire(File lockFile, String busy, String advice) {
    String key = lockFile.getAbsolutePath();
    if (HELD.containsKey(key)) {
      return;
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile.toPath(), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = readHolder(channel);
        channel.close();
        throw new WarehouseBusyException(busy + (holder.isEmpty() ? "" : " (" + holder + ")")
            + advice);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since "
          + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n")
          .getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      HELD.put(key, lock); // the channel stays open with the lock until the JVM exits
    } catch (IOException e) {
      closeQuietly(channel);
      throw new IllegalStateException("cannot lock the warehouse metastore " + lockFile + ": "
          + e.getMessage(), e);
    }
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(256);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with the first error
      }
    }
  }
}
