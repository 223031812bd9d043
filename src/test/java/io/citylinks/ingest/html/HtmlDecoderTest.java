package io.citylinks.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Legacy-charset pages come out as the exact Unicode text, wherever the charset is declared. */
class HtmlDecoderTest {
  static final String TURKISH = "<p>Büyükşehir Belediyesi ığdır, şırnak ve çağlayan ilçelerinde "
      + "yürütülen çalışmaları açıkladı. Güzel günler göreceğiz, dedi başkan.</p>";
  static final String PERSIAN = "<p>شهرداری گرگان برنامه های توسعه شهری و فضای سبز را اعلام کرد. "
      + "این پروژه ها در سال آینده اجرا می شود و شهروندان از آن بهره مند می شوند.</p>";
  static final String ARABIC = "<p>أعلنت بلدية المدينة عن مشروع جديد لتطوير الحدائق العامة "
      + "وتحسين الطرق في الأحياء القديمة خلال العام المقبل.</p>";
  static final String CHINESE = "<p>市政府宣布启动新一轮城市更新计划，重点改善老旧小区的道路和公共设施，"
      + "预计明年年底前完成全部工程。</p>";
  static final String RUSSIAN = "<p>Администрация города объявила о начале ремонта дорог и "
      + "благоустройства парков в центральных районах.</p>";

  /** What a windows-1256 page can hold: Persian ی ک are stored as Arabic ي ك. */
  static String legacyPersian(String s) {
    return s.replace('ی', 'ي').replace('ک', 'ك');
  }

  private static String page(String body, String meta) {
    return "<html><head>" + (meta == null ? "" : "<meta charset=\"" + meta + "\">")
        + "<title>t</title></head><body>" + body + "</body></html>";
  }

  @Test
  void charsetFromTheHttpHeader() throws Exception {
    for (String[] c : new String[][] {{TURKISH, "windows-1254"},
        {legacyPersian(PERSIAN), "windows-1256"}, {CHINESE, "GB18030"},
        {RUSSIAN, "windows-1251"}}) {
      String html = page(c[0], null);
      DecodedPage d = HtmlDecoder.decode(html.getBytes(Charset.forName(c[1])),
          "text/html; charset=" + c[1]);
      assertEquals(html, d.html());
      assertEquals("http", d.charsetSource());
    }
  }

  @Test
  void charsetOnlyInTheMetaTagAndLegacyNamesMapToSupersets() throws Exception {
    String html = page(CHINESE, "gb2312");
    DecodedPage d = HtmlDecoder.decode(html.getBytes(Charset.forName("GB18030")), "text/html");
    assertEquals(html, d.html());
    assertEquals("GB18030", d.charset());
    assertEquals("meta", d.charsetSource());
    String tr = page(TURKISH, "iso-8859-9");
    DecodedPage t = HtmlDecoder.decode(tr.getBytes(Charset.forName("windows-1254")), null);
    assertEquals(tr, t.html());
    assertEquals("windows-1254", t.charset());
  }

  @Test
  void undeclaredLegacyPagesAreDetected() throws Exception {
    for (String[] c : new String[][] {{TURKISH, "windows-1254"}, {ARABIC, "windows-1256"},
        {CHINESE, "GB18030"}, {RUSSIAN, "windows-1251"}}) {
      String html = page(c[0] + c[0], null);
      DecodedPage d = HtmlDecoder.decode(html.getBytes(Charset.forName(c[1])), "text/html");
      assertEquals("detected", d.charsetSource(), c[1]);
      assertEquals(html, d.html(), c[1] + " detected as " + d.charset());
    }
  }

  @Test
  void utf8WinsOverAWrongSingleByteDeclaration() throws Exception {
    String html = page(PERSIAN, "windows-1252");
    DecodedPage d = HtmlDecoder.decode(html.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(html, d.html());
    assertEquals("utf8", d.charsetSource());
  }

  @Test
  void binaryIsUndecodable() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    assertTrue(assertThrows(UndecodableContentException.class,
        () -> HtmlDecoder.decode(png, "text/html")).getMessage().contains("binary"));
  }
}
