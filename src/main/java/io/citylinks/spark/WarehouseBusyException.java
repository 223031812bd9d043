package io.citylinks.spark;

/** Another process holds the warehouse: a scheduler may retry later (exit code 5). */
public final class WarehouseBusyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public WarehouseBusyException(String message) {
    super(message);
  }
}
