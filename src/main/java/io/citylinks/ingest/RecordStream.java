package io.citylinks.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A lazy stream of the items of one input (a file or a bundle member), pulled one at a time so a
 * multi-GB archive never sits in memory. Subclasses turn their own read errors into
 * {@link Rejection}s and decide whether reading can go on after one.
 */
public abstract class RecordStream implements Iterator<IngestItem>, Closeable {
  private IngestItem next;
  private boolean finished;

  /** The next item, or null at the end. */
  protected abstract IngestItem computeNext() throws IOException;

  @Override
  public final boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = computeNext();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (next == null) {
        finished = true;
      }
    }
    return next != null;
  }

  @Override
  public final IngestItem next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    IngestItem item = next;
    next = null;
    return item;
  }

  /** A stream of exactly the given items. */
  public static RecordStream of(IngestItem... items) {
    return new RecordStream() {
      private int i;

      @Override
      protected IngestItem computeNext() {
        return i < items.length ? items[i++] : null;
      }

      @Override
      public void close() {}
    };
  }
}
