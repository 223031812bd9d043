package io.citylinks.ingest;

import io.citylinks.ingest.Rejection.Reason;

/** Thrown by per-record logic when a record cannot become an article; becomes a rejection row. */
public final class RecordRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Reason reason;

  public RecordRejectedException(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
