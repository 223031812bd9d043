package io.citylinks.ingest;

import java.time.LocalDate;

/**
 * A readable input record after decoding, main-text extraction, cleaning, dating and language id.
 *
 * @param canonicalUrl the absolute URL the page names as its own (HTML {@code link rel=canonical}
 *     or {@code og:url}, JSON Lines {@code canonical_url}), or null
 * @param payloadDigest the WARC record's {@code WARC-Payload-Digest}, or null for other inputs
 * @param text the clean text with repeated paragraphs collapsed: what extraction reads
 * @param rawText the clean text as read, before repeated paragraphs were collapsed
 * @param contentHash SHA-256 of the normalised {@code text} ({@link ArticleBuilder#contentHash})
 */
public record Article(
    String articleId,
    String sourceFile,
    String sourceEntry,
    long sourceOffset,
    String url,
    String canonicalUrl,
    String payloadDigest,
    String domain,
    String title,
    String text,
    String rawText,
    String lang,
    LocalDate publishedDate,
    String datePrecision,
    Integer year,
    String dateSource,
    String charset,
    String contentHash) {}
