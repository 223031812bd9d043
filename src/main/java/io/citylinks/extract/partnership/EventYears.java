package io.citylinks.extract.partnership;

import io.citylinks.ingest.dates.DateParser;
import io.citylinks.ingest.dates.FoundDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year a partnership event happened (SPEC section 5): the article's date when it has one
 * (metadata, date line, URL or a dateline in the text, already in {@code articles.year}); else a
 * date the sentences about the pair give (a day or month with its year, in any calendar and digit
 * system the date parser reads: "11 Ekim 2021", "im Juli 2016", "2024年9月"), then one anywhere in
 * the article; else a bare year the text marks as a year of an event ("2023 года", "2023 року",
 * "2023 yılında", "2023年", "w roku 2023"). A bare number is not enough: names and
 * plans ("Spotlight 2030", "Vision 2030"),
 * ranges ("2026-2029") and other events' years ("first held in 2013", "since 1995") are traps.
 */
public final class EventYears {
  /** A year written with a word that marks it as a year (not a name or a plan). */
  private static final Pattern MARKED_YEAR = Pattern.compile(
      "(?<![\\d\\-–/])((?:19|20)\\d\\d)(?![\\d\\-–/])\\s*"
          + "(?:года|году|г\\.|року|році|р\\.|yılında|yılı|yili|年|roku)"
          + "|(?:in the year|im jahr|en el ano|en el año|en l'an|nell'anno|no ano|в|у|سال"
          + "|w roku|in het jaar)\\s+"
          + "((?:19|20)\\d\\d)(?![\\d\\-–/])");
  private static final int MIN_YEAR = 1950;
  private static final int MAX_YEAR = 2100;

  private EventYears() {}

  /**
   * @param articleYear the article's year, or null
   * @param sentences the article's sentences
   * @param support the sentences about the pair
   */
  public static Integer year(Integer articleYear, List<String> sentences, List<Integer> support,
      String lang) {
    if (articleYear != null) {
      return articleYear;
    }
    boolean monthFirst = "en".equals(lang);
    for (int s : support) {
      Integer y = dated(sentences.get(s), monthFirst);
      if (y != null) {
        return y;
      }
    }
    Integer latest = null;
    for (String sentence : sentences) {
      Integer y = dated(sentence, monthFirst);
      if (y != null && (latest == null || y > latest)) {
        latest = y;
      }
    }
    if (latest != null) {
      return latest;
    }
    for (int s : support) {
      Matcher m = MARKED_YEAR.matcher(sentences.get(s).toLowerCase(Locale.ROOT));
      if (m.find()) {
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    return null;
  }

  /** The year of the first day- or month-precise date in {@code sentence}. */
  private static Integer dated(String sentence, boolean monthFirst) {
    for (DateParser.Span d : DateParser.datesIn(sentence, monthFirst)) {
      int y = d.date().date().getYear();
      if (d.date().precision() != FoundDate.Precision.YEAR && y >= MIN_YEAR && y <= MAX_YEAR) {
        return y;
      }
    }
    return null;
  }
}
