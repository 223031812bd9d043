package io.citylinks.ingest;

import io.citylinks.config.IngestSettings;
import io.citylinks.ingest.Rejection.Reason;
import io.citylinks.ingest.dates.FoundDate;
import io.citylinks.ingest.dates.PublishedDates;
import io.citylinks.ingest.html.DecodedPage;
import io.citylinks.ingest.html.ExtractedPage;
import io.citylinks.ingest.html.HtmlDecoder;
import io.citylinks.ingest.html.MainTextExtractor;
import io.citylinks.ingest.html.UndecodableContentException;
import io.citylinks.text.LanguageIdentifier;
import io.citylinks.text.RepeatedParagraphs;
import io.citylinks.text.TextNormalizer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link RawRecord} into an {@link Article}: decodes bytes (declared, then detected
 * charset), extracts the main text of HTML and its canonical URL, cleans the text and collapses
 * its repeated paragraphs, finds the publication date (metadata, the date line, a dated line in
 * the text, the URL, then the WARC date) and the language, and derives the stable id and content
 * hash. Plain Java: the Spark adapter calls it once per record.
 */
public final class ArticleBuilder {
  private final LanguageIdentifier languages;
  private final IngestSettings settings;

  public ArticleBuilder(LanguageIdentifier languages, IngestSettings settings) {
    this.languages = languages;
    this.settings = settings;
  }

  public Article build(RawRecord r) throws RecordRejectedException {
    String title = r.title();
    String text;
    String charset = null;
    String metaPublished = r.publishedMeta();
    String url = r.url();
    String canonicalUrl = MainTextExtractor.absoluteHttpUrl(r.canonicalUrl(), url);
    FoundDate dateLine = null;
    String datedText = null; // the page's text around the main text, when it differs
    if (r.text() != null) {
      text = r.text();
    } else {
      DecodedPage page;
      try {
        page = HtmlDecoder.decode(r.html(), r.contentType());
      } catch (UndecodableContentException e) {
        throw new RecordRejectedException(Reason.UNDECODABLE, e.getMessage());
      }
      charset = page.charset();
      if (r.contentType() != null && r.contentType().startsWith("text/plain")) {
        text = page.html();
      } else {
        ExtractedPage extracted = MainTextExtractor.extract(page.html(), url);
        text = extracted.text();
        datedText = extracted.framedText();
        if (extracted.headline() != null && !text.startsWith(extracted.headline())) {
          // The stored text opens with the story's headline, as a scraper's text does: a
          // headline often names both partner cities. The main text alone leaves it out.
          text = extracted.headline() + "\n" + text;
        }
        if (title == null || title.isBlank()) {
          title = extracted.title();
        }
        if (metaPublished == null) {
          metaPublished = extracted.metaPublished();
        }
        if (canonicalUrl == null) {
          canonicalUrl = extracted.canonicalUrl();
        }
      }
    }
    if (r.dateLineFormat()) {
      var split = PublishedDates.splitDateLine(text);
      dateLine = split.date();
      text = split.rest();
    }
    String rawText = TextNormalizer.cleanText(text);
    // Pages repeat their title and lead (teaser, then story); counted twice they would weigh
    // twice in every later stage, so the text that extraction reads has each paragraph once.
    text = RepeatedParagraphs.collapse(rawText);
    if (text.codePointCount(0, text.length()) < settings.minTextChars()) {
      throw new RecordRejectedException(Reason.EMPTY_TEXT,
          "clean text has " + text.length() + " characters (min-text-chars="
              + settings.minTextChars() + ")");
    }
    if (title != null) {
      title = TextNormalizer.cleanText(title).strip();
      if (title.isEmpty()) {
        title = null;
      }
    }
    if (title == null) {
      title = firstLine(rawText);
    }

    String lang = languages.identify(prefix(text, settings.languagePrefixChars()));
    if ("und".equals(lang) && r.langHint() != null && r.langHint().matches("[A-Za-z]{2}")) {
      lang = r.langHint().toLowerCase(Locale.ROOT);
    }

    FoundDate date = firstPresent(
        metaPublished == null ? Optional.empty() : PublishedDates.fromMetadata(metaPublished),
        Optional.ofNullable(dateLine),
        PublishedDates.fromText(
            datedText == null ? text : datedText, lang),
        url == null ? Optional.empty() : PublishedDates.fromUrl(url));
    String dateSource = null;
    if (date != null) {
      dateSource = date.source();
    } else if (r.captureDate() != null) {
      // Last resort: when the page was captured. A page is never published after its capture.
      date = new FoundDate(r.captureDate().atZone(ZoneOffset.UTC).toLocalDate(),
          FoundDate.Precision.DAY, "warc");
      dateSource = "warc";
    }

    return new Article(
        articleId(r.sourceFile(), r.sourceEntry(), r.sourceOffset()),
        r.sourceFile(), r.sourceEntry(), r.sourceOffset(),
        url, canonicalUrl, r.payloadDigest(), domainOf(url, r.source()), title, text, rawText,
        lang,
        date == null ? null : date.date(),
        date == null ? null : date.precision().name().toLowerCase(Locale.ROOT),
        date == null ? null : date.date().getYear(),
        dateSource, charset, contentHash(text));
  }

  /**
   * SHA-256 (hex) of {@link TextNormalizer#contentKey}: equal for texts that differ only in case,
   * spacing and punctuation. Every stage that rewrites {@code text} recomputes it with this.
   */
  public static String contentHash(String text) {
    return sha256(TextNormalizer.contentKey(text));
  }

  @SafeVarargs
  private static FoundDate firstPresent(Optional<FoundDate>... candidates) {
    for (Optional<FoundDate> c : candidates) {
      if (c.isPresent()) {
        return c.get();
      }
    }
    return null;
  }

  /** The same input record (file, bundle member, offset) gets the same id on every run. */
  public static String articleId(String sourceFile, String sourceEntry, long sourceOffset) {
    return sha256(sourceFile + "\u0000" + (sourceEntry == null ? "" : sourceEntry) + "\u0000"
        + sourceOffset).substring(0, 24);
  }

  static String domainOf(String url, String source) {
    if (url != null) {
      try {
        String host = URI.create(url.trim().replace(" ", "%20")).getHost();
        if (host != null) {
          host = host.toLowerCase(Locale.ROOT);
          return host.startsWith("www.") ? host.substring(4) : host;
        }
      } catch (IllegalArgumentException e) {
        // fall through to the source name
      }
    }
    return source == null || source.isBlank() ? null : source.trim().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String line = (nl < 0 ? text : text.substring(0, nl)).strip();
    return line.length() > 300 ? line.substring(0, 300) : line;
  }

  private static String prefix(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars);
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
