package io.citylinks.ingest;

import java.time.LocalDate;

/** A readable input record after decoding, main-text extraction, cleaning, dating and language id. */
public record Article(
    String articleId,
    String sourceFile,
    String sourceEntry,
    long sourceOffset,
    String url,
    String domain,
    String title,
    String text,
    String lang,
    LocalDate publishedDate,
    String datePrecision,
    Integer year,
    String dateSource,
    String charset,
    String contentHash) {}
