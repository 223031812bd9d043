package io.citylinks.ingest.html;

/**
 * The readable part of an HTML page: title, main text (blocks on their own lines), the raw value of
 * a publication-date meta tag if the page has one, the {@code <html lang>} attribute, and the
 * absolute canonical URL the page names for itself ({@code <link rel=canonical>}, else
 * {@code og:url}), or null.
 */
public record ExtractedPage(String title, String text, String metaPublished, String metaLang,
    String canonicalUrl) {}
