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
 * "2023 yılında", "2023年", "w roku 2023"), or the year an anniversary falls in ("signed in 2013
 * ... the agreement's 10th anniversary": 2023). A bare number is not enough: names and
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
  /** An anniversary's number ("10th anniversary", 10周年, 30주년, 30-летие, 5. yıl dönümü). */
  private static final Pattern ANNIVERSARY = Pattern.compile(
      "(?<!\\d)(\\d{1,3})(?:\\s*(?:st|nd|rd|th)\\s+anniversary|\\s*(?:周年|週年|주년)"
          + "|\\s*-?\\s*(?:лети|річч|річниц)|\\.\\s*(?:yıl ?dönüm|jahrestag|rocznic)"
          + "|-jährig|-?jarig|\\s*(?:e|ème|eme)\\s+anniversaire"
          + "|\\s*[º°o]?\\s*(?:aniversario|aniversário|anniversario)|\\s*(?:امین|مین) سالگرد)"
          + "|(?:الذكرى|سالگرد)\\s+(?:ال)?(\\d{1,3})(?!\\d)");
  /** A year, not part of a range, a date or a longer number. */
  private static final Pattern A_YEAR =
      Pattern.compile("(?<![\\d\\-–/.])((?:19|20)\\d\\d)(?![\\d\\-–/])");
  private static final int MAX_ANNIVERSARY = 100;
  /** "Next year" said of an anniversary: it has not come. */
  private static final Pattern NEXT_YEAR = Pattern.compile(
      "내년|明年|来年|next year|nächste[nms]? jahr|l'année prochaine|el próximo año"
      + "|el año que viene|l'anno prossimo|no próximo ano|в следующем году|наступного року"
      + "|gelecek yıl|seneye|w przyszłym roku|volgend jaar"
      + "|العام المقبل|العام القادم|سال آینده|سال بعد");
  /** A copula between a year and its anniversary: the year is the anniversary's, not its start. */
  private static final Pattern IS = Pattern.compile(
      "^(?:年|년)?\\s*(?:是|为|は|은|는|(?:marks|is|was|markiert|est|es|é|è)(?![\\p{L}]))");
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
    Integer anniversary = anniversaryYear(sentences, support);
    if (anniversary != null) {
      return anniversary;
    }
    for (int s : support) {
      Matcher m = MARKED_YEAR.matcher(sentences.get(s).toLowerCase(Locale.ROOT));
      if (m.find()) {
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    return null;
  }

  /**
   * The year an anniversary the article speaks of falls in: the year the sentence says it is
   * ("2023 marks the 30th anniversary"), else its number added to the year it counts from, the
   * earliest year of the anniversary's sentence, else of the sentences about the pair ("signed
   * in 2013" ... "the 10th anniversary": 2023); null without an anniversary, for one the article
   * says comes next year, or without a year to count from (a year elsewhere in the article may
   * be another tie's).
   */
  static Integer anniversaryYear(List<String> sentences, List<Integer> support) {
    for (int i = 0; i < sentences.size(); i++) {
      Matcher m = ANNIVERSARY.matcher(
          DateParser.asciiDigits(sentences.get(i)).toLowerCase(Locale.ROOT));
      if (!m.find()) {
        continue;
      }
      int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
      if (n < 1 || n > MAX_ANNIVERSARY) {
        continue;
      }
      if (saidForNextYear(sentences, n)) {
        return null; // "the 30th anniversary next year" (내년 30주년): not this year's event
      }
      List<List<Integer>> tiers = List.of(List.of(i), support);
      int at = m.start();
      for (List<Integer> tier : tiers) {
        Integer from = null;
        for (int s : tier) {
          String text = DateParser.asciiDigits(sentences.get(s));
          Matcher y = A_YEAR.matcher(text);
          while (y.find()) {
            int year = Integer.parseInt(y.group(1));
            if (s == i && y.end() <= at && IS.matcher(text.substring(y.end(), at)).find()) {
              return year; // "2023 marks the 30th anniversary", 2023年是…30周年: the year itself
            }
            if (year + n <= MAX_YEAR && (from == null || year < from)) {
              from = year;
            }
          }
        }
        if (from != null && from + n >= MIN_YEAR) {
          return from + n;
        }
      }
      return null;
    }
    return null;
  }

  /** Whether a sentence that names the {@code n}th anniversary says it comes next year. */
  private static boolean saidForNextYear(List<String> sentences, int n) {
    for (String sentence : sentences) {
      String text = DateParser.asciiDigits(sentence).toLowerCase(Locale.ROOT);
      Matcher m = ANNIVERSARY.matcher(text);
      while (m.find()) {
        String number = m.group(1) != null ? m.group(1) : m.group(2);
        if (Integer.parseInt(number) == n && NEXT_YEAR.matcher(text).find()) {
          return true;
        }
      }
    }
    return false;
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
