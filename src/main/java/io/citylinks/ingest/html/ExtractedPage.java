package io.citylinks.ingest.html;

/**
 * The readable part of an HTML page: title, main text (blocks on their own lines), the raw value of
 * a publication-date meta tag if the page has one, and the {@code <html lang>} attribute.
 */
public record ExtractedPage(String title, String text, String metaPublished, String metaLang) {}
