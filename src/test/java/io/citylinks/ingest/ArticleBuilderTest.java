package io.citylinks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.citylinks.config.CitylinksConfig;
import io.citylinks.config.IngestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What ingestion makes of one record: canonical URL, payload digest, raw and collapsed text. */
class ArticleBuilderTest {
  private static final IngestSettings SETTINGS = CitylinksConfig.defaults().ingest();
  private static final ArticleBuilder BUILDER =
      new ArticleBuilder(LanguageIdentifiers.forLanguages(SETTINGS.languages()), SETTINGS);
  private static final Origin AT = new Origin("/in/crawl.warc.gz", null, 1234);
  private static final String LEAD =
      "Riverton and Lakeside agreed on Monday to exchange experience in public transport.";
  private static final String STORY =
      LEAD + " The two councils will meet again in spring to sign a protocol.";

  @Test
  void warcPageGetsItsCanonicalUrlDigestAndCollapsedText() throws Exception {
    String html = "<html><head><title>Transport cooperation</title>"
        + "<link rel=\"canonical\" href=\"/news/transport-cooperation\">"
        + "<meta property=\"og:url\" content=\"https://elsewhere.example/og\"></head><body>"
        + "<div><p>" + LEAD + "</p><p>Transport cooperation</p><p>" + STORY + "</p>"
        + "<p>The mayor thanked the delegation.</p></div></body></html>";
    RawRecord raw = RawRecord.html(AT, "https://www.riverton.example/news/123?ref=home",
        html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
        Instant.parse("2024-03-05T10:00:00Z"), "sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK");

    Article a = BUILDER.build(raw);

    assertEquals("https://www.riverton.example/news/transport-cooperation", a.canonicalUrl());
    assertEquals("sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK", a.payloadDigest());
    assertEquals(LEAD + "\nTransport cooperation\n" + STORY + "\nThe mayor thanked the delegation.",
        a.rawText());
    assertEquals("Transport cooperation\n" + STORY + "\nThe mayor thanked the delegation.",
        a.text());
    assertEquals(ArticleBuilder.contentHash(a.text()), a.contentHash());
  }

  @Test
  void openGraphUrlWhenThereIsNoCanonicalLink() throws Exception {
    String html = "<html><head><meta property=\"og:url\" content=\"https://riverton.example/n/7\">"
        + "</head><body><p>" + STORY + "</p></body></html>";
    RawRecord raw = RawRecord.html(AT, "https://riverton.example/n/7?utm=x",
        html.getBytes(StandardCharsets.UTF_8), "text/html", null, null);
    Article a = BUILDER.build(raw);
    assertEquals("https://riverton.example/n/7", a.canonicalUrl());
    assertNull(a.payloadDigest());
    assertEquals(STORY, a.text());
    assertEquals(STORY, a.rawText());
  }

  @Test
  void jsonLinesMayNameACanonicalUrl() throws Exception {
    RawRecord withCanonical = (RawRecord) JsonLinesStream.parse(AT,
        "{\"url\":\"https://riverton.example/a?id=1\",\"canonical_url\":\"/a/1\","
            + "\"text\":\"" + LEAD + "\\n\\n" + LEAD + "\"}");
    Article a = BUILDER.build(withCanonical);
    assertEquals("https://riverton.example/a/1", a.canonicalUrl());
    assertEquals(LEAD, a.text());
    assertEquals(LEAD + "\n\n" + LEAD, a.rawText());
    assertEquals(LEAD.length(), a.text().length());

    RawRecord without = (RawRecord) JsonLinesStream.parse(AT,
        "{\"url\":\"https://riverton.example/a?id=1\",\"text\":\"" + STORY + "\"}");
    assertNull(BUILDER.build(without).canonicalUrl());
    assertNull(BUILDER.build(without).payloadDigest());
  }

  @Test
  void plainTextHasNeitherCanonicalUrlNorDigest() throws Exception {
    Article a = BUILDER.build(RawRecord.text(AT, STORY, true));
    assertNull(a.canonicalUrl());
    assertNull(a.payloadDigest());
    assertEquals(STORY, a.rawText());
  }
}
