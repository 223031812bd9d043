package io.citylinks.spark;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * Embedded Derby admits one JVM per metastore; a second one gets a warning deep in Hive's logs and
 * may go on with a half-working catalog. This check fails fast, with a message that says what to
 * do, when another process holds the warehouse's metastore.
 */
final class MetastoreGuard {
  private MetastoreGuard() {}

  static void ensureNotInUse(File metastoreDir) {
    File lock = new File(new File(metastoreDir, "metastore_db"), "dbex.lck");
    if (!lock.isFile()) {
      return; // never booted, or shut down cleanly
    }
    try (FileChannel channel = FileChannel.open(lock.toPath(), StandardOpenOption.WRITE)) {
      FileLock held = channel.tryLock();
      if (held == null) {
        throw inUse(metastoreDir);
      }
      held.release();
    } catch (OverlappingFileLockException e) {
      // This JVM already has the metastore open (a second session in the same process): fine.
    } catch (IOException e) {
      // Cannot tell (read-only warehouse, odd filesystem): let Derby decide.
    }
  }

  private static IllegalStateException inUse(File metastoreDir) {
    return new IllegalStateException("the warehouse metastore " + metastoreDir
        + " is in use by another citylinks process (embedded Derby admits one JVM at a time): "
        + "wait for it to finish, or use another --warehouse");
  }
}
