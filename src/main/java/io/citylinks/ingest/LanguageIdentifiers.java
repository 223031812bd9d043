package io.citylinks.ingest;

import io.citylinks.text.LanguageIdentifier;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** One language identifier per executor JVM and language list: its models are costly to build. */
final class LanguageIdentifiers {
  private static final ConcurrentHashMap<List<String>, LanguageIdentifier> BY_LANGUAGES =
      new ConcurrentHashMap<>();

  private LanguageIdentifiers() {}

  static LanguageIdentifier forLanguages(List<String> languages) {
    return BY_LANGUAGES.computeIfAbsent(List.copyOf(languages), LanguageIdentifier::new);
  }
}
