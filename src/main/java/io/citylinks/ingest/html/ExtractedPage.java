package io.citylinks.ingest.html;

/**
 * The readable part of an HTML page: title, main text (blocks on their own lines), the raw value of
 * a publication-date meta tag if the page has one, the {@code <html lang>} attribute, and the
 * absolute canonical URL the page names for itself ({@code <link rel=canonical>}, else
 * {@code og:url}), or null; and, on a page without a publication-date tag, {@code framedText}:
 * the main text with what was left out around it (headline, byline, dateline), where the page's
 * date may be written (null when the page has a date tag or nothing was left out); and the
 * story's {@code headline}, its {@code <h1>} left out before the first paragraph, or null.
 */
public record ExtractedPage(String title, String text, String metaPublished, String metaLang,
    String canonicalUrl, String framedText, String headline) {
  public ExtractedPage(String title, String text, String metaPublished, String metaLang,
      String canonicalUrl) {
    this(title, text, metaPublished, metaLang, canonicalUrl, null, null);
  }
}
