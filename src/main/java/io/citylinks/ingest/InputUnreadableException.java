package io.citylinks.ingest;

/**
 * An {@code --input} path that does not exist or cannot be listed: nothing was read, and a
 * scheduler should alert rather than retry (exit code 3).
 */
public final class InputUnreadableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
