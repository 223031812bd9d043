package io.citylinks.ingest;

/** Tells text from binary by a file's first bytes: NUL bytes, control characters, signatures. */
public final class ContentSniffer {
  private static final byte[][] BINARY_SIGNATURES = {
      {(byte) 0x89, 'P', 'N', 'G'}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      {'%', 'P', 'D', 'F'}, {'G', 'I', 'F', '8'}, {'P', 'K', 3, 4}};

  private ContentSniffer() {}

  /**
   * True when the first {@code n} bytes are not text in any charset: a known binary signature, a
   * NUL byte (UTF-16, which has NULs, starts with a BOM and is let through), or more than one
   * control character in ten.
   */
  public static boolean looksBinary(byte[] head, int n) {
    n = Math.min(n, head.length);
    for (byte[] signature : BINARY_SIGNATURES) {
      if (startsWith(head, signature)) {
        return true;
      }
    }
    if (n >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
        || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
      return false;
    }
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        controls++;
      }
    }
    return controls > n / 10;
  }

  static boolean startsWith(byte[] head, byte[] prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (head[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
