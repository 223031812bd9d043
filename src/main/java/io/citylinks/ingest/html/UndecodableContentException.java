package io.citylinks.ingest.html;

/** The bytes are not text in any charset we can tell (binary, or mostly undecodable). */
public final class UndecodableContentException extends Exception {
  private static final long serialVersionUID = 1L;

  public UndecodableContentException(String message) {
    super(message);
  }
}
