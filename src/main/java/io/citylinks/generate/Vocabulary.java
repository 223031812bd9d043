package io.citylinks.generate;

import io.citylinks.config.DataFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generator's word lists and sentence templates, from {@code conf/generator/}. */
final class Vocabulary {
  /** Languages the generator writes, in the column order of cities.tsv, countries.tsv, topics.tsv. */
  static final List<String> LANGUAGES = List.of("tr", "fa", "ar", "zh", "ru", "en", "es", "fr",
      "de", "pt", "it", "ja", "ko", "uk", "pl", "nl");

  /** A city: GeoNames id and name, country, and its name in each language. */
  record City(long geonameId, String name, String country, Map<String, String> names) {}

  final List<City> cities = new ArrayList<>();
  final Map<String, Map<String, String>> countryNames = new HashMap<>();
  final Map<String, Map<String, String>> topicNames = new LinkedHashMap<>();
  private final Map<String, List<String>> templates = new HashMap<>();
  private final Map<String, List<String>> detailWords = new java.util.concurrent.ConcurrentHashMap<>();

  Vocabulary() {
    for (String[] r : DataFiles.readTable("generator/cities.tsv", 3 + LANGUAGES.size())) {
      cities.add(new City(Long.parseLong(r[0].trim()), r[1], r[2], perLanguage(r, 3)));
    }
    for (String[] r : DataFiles.readTable("generator/countries.tsv", 1 + LANGUAGES.size())) {
      countryNames.put(r[0], perLanguage(r, 1));
    }
    for (String[] r : DataFiles.readTable("generator/topics.tsv", 1 + LANGUAGES.size())) {
      topicNames.put(r[0], perLanguage(r, 1));
    }
    for (String[] r : DataFiles.readTable("generator/templates.tsv", 3)) {
      templates.computeIfAbsent(r[0] + "\u0000" + r[1], k -> new ArrayList<>()).add(r[2]);
    }
    for (String lang : LANGUAGES) {
      for (String kind : List.of("and", "dateline", "topics", "trap", "filler", "title.negative",
          "lead.negative", "boilerplate")) {
        templates(lang, kind); // fail at start, naming what is missing
      }
    }
    for (City c : cities) {
      if (!countryNames.containsKey(c.country())) {
        throw new IllegalArgumentException("generator/countries.tsv lacks " + c.country()
            + " (country of " + c.name() + ")");
      }
    }
  }

  private static Map<String, String> perLanguage(String[] row, int first) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < LANGUAGES.size(); i++) {
      m.put(LANGUAGES.get(i), row[first + i].trim());
    }
    return m;
  }

  /**
   * Words (characters in Chinese and Japanese) of the language's negative titles and leads, slots left out:
   * the stuff of each article's own detail paragraphs, so that two different stories share no
   * more text than real ones do. Partnership cue words are not among them.
   */
  List<String> detailWords(String lang) {
    return detailWords.computeIfAbsent(lang, l -> {
      List<String> words = new ArrayList<>();
      for (String kind : List.of("title.negative", "lead.negative")) {
        for (String t : templates(l, kind)) {
          String plain = t.replaceAll("\\{[^}]*}", " ").replaceAll("[\\p{P}\\p{S}]", " ");
          for (String w : ArticleComposer.unspaced(l) ? plain.replace(" ", "").split("")
              : plain.trim().split("\\s+")) {
            if (!w.isBlank()) {
              words.add(w);
            }
          }
        }
      }
      return List.copyOf(words);
    });
  }

  List<String> templates(String lang, String kind) {
    List<String> t = templates.get(lang + "\u0000" + kind);
    if (t == null || t.isEmpty()) {
      throw new IllegalArgumentException(
          "generator/templates.tsv has no '" + kind + "' template for " + lang);
    }
    return t;
  }
}
