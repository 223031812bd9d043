package io.citylinks.ingest.html;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes page bytes to text the way a careful browser does: byte-order mark, then the HTTP
 * header's charset, then the page's {@code <meta>} declaration, then strict UTF-8, then ICU4J's
 * detector. Legacy names map to the supersets browsers use (WHATWG encoding spec): GB2312/GBK →
 * GB18030, ISO-8859-9 → windows-1254, ISO-8859-1 → windows-1252. A declaration that the bytes
 * contradict (UTF-8 declared, invalid UTF-8 found) is overruled by detection.
 */
public final class HtmlDecoder {
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final int META_SCAN_BYTES = 4096;
  /** More replacement characters than this share means the charset guess is wrong or the bytes are not text. */
  private static final double MAX_REPLACEMENT_SHARE = 0.05;

  private HtmlDecoder() {}

  public static DecodedPage decode(byte[] body, String contentTypeHeader)
      throws UndecodableContentException {
    if (body == null || body.length == 0) {
      throw new UndecodableContentException("empty body");
    }
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      return finish(body, 3, StandardCharsets.UTF_8, "bom");
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return finish(body, 2, StandardCharsets.UTF_16LE, "bom");
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return finish(body, 2, StandardCharsets.UTF_16BE, "bom");
    }
    if (io.citylinks.ingest.ContentSniffer.looksBinary(body, 4096)) {
      throw new UndecodableContentException("binary content (NUL bytes or a file signature)");
    }
    boolean validUtf8 = isValidUtf8(body);
    Charset declared = charsetOf(contentTypeHeader == null ? null
        : firstGroup(HEADER_CHARSET, contentTypeHeader));
    if (declared != null && agrees(declared, validUtf8, body)) {
      return finish(body, 0, declared, "http");
    }
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES),
        StandardCharsets.ISO_8859_1);
    Charset meta = charsetOf(firstGroup(META_CHARSET, head));
    if (meta != null && agrees(meta, validUtf8, body)) {
      return finish(body, 0, meta, "meta");
    }
    if (validUtf8) {
      return finish(body, 0, StandardCharsets.UTF_8, "utf8");
    }
    Charset detected = detect(body);
    if (detected == null) {
      throw new UndecodableContentException("no charset fits the bytes");
    }
    return finish(body, 0, detected, "detected");
  }

  /** A declaration is believed unless the bytes say otherwise. */
  private static boolean agrees(Charset declared, boolean validUtf8, byte[] body) {
    if (declared.equals(StandardCharsets.UTF_8)) {
      return validUtf8;
    }
    // Pages that declare a single-byte legacy charset but are really UTF-8 are common in scrapes;
    // multi-byte UTF-8 sequences that all decode cleanly are very unlikely in legacy text.
    return !(validUtf8 && hasMultiByte(body) && isSingleByte(declared));
  }

  private static boolean isSingleByte(Charset cs) {
    return cs.newEncoder().maxBytesPerChar() <= 1.0f;
  }

  private static DecodedPage finish(byte[] body, int offset, Charset cs, String source)
      throws UndecodableContentException {
    CharsetDecoder decoder = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
    } catch (CharacterCodingException e) {
      throw new UndecodableContentException(cs.name() + ": " + e.getMessage());
    }
    int replaced = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\uFFFD') {
        replaced++;
      }
    }
    if (replaced > Math.max(8, text.length() * MAX_REPLACEMENT_SHARE)) {
      throw new UndecodableContentException(replaced + " of " + text.length()
          + " characters undecodable as " + cs.name() + " (" + source + ")");
    }
    return new DecodedPage(text, cs.name(), source);
  }

  private static Charset detect(byte[] body) {
    CharsetDetector detector = new CharsetDetector();
    detector.enableInputFilter(true); // ignore markup: judge the text
    detector.setText(body);
    CharsetMatch[] matches = detector.detectAll();
    for (CharsetMatch m : matches) {
      Charset cs = charsetOf(m.getName());
      if (cs != null) {
        return cs;
      }
    }
    return null;
  }

  /** The charset a name means, with the superset substitutions browsers make; null if unknown. */
  static Charset charsetOf(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    String mapped = switch (n) {
      case "gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "cp936", "ms936" ->
          "GB18030";
      case "iso-8859-9", "iso8859-9", "latin5", "iso_8859-9", "l5" -> "windows-1254";
      case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1" ->
          "windows-1252";
      case "utf8", "unicode-1-1-utf-8" -> "UTF-8";
      case "cp1256" -> "windows-1256";
      case "cp1254" -> "windows-1254";
      case "cp1251" -> "windows-1251";
      case "big5-hkscs" -> "Big5-HKSCS";
      default -> name.trim();
    };
    try {
      return Charset.forName(mapped);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstGroup(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  static boolean isValidUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean hasMultiByte(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

}
