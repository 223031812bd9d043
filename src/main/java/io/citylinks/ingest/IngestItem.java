package io.citylinks.ingest;

/** What a reader yields for each record of an input file: a readable record or a rejection. */
public sealed interface IngestItem permits RawRecord, Rejection {}
