package io.citylinks.ingest.html;

/**
 * A page's bytes as text, with the charset used and where it came from: {@code bom}, {@code http}
 * (the Content-Type header), {@code meta} (the page's own declaration), {@code utf8} (valid UTF-8)
 * or {@code detected} (ICU4J's statistical detection).
 */
public record DecodedPage(String html, String charset, String charsetSource) {}
