package io.citylinks.ingest.dates;

import io.citylinks.config.DataFiles;
import io.citylinks.ingest.dates.FoundDate.Precision;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's publication date in the places a page states it: metadata, the seed format's
 * date line, a dated line of the text introduced by a date keyword ({@code
 * conf/ingest/date-keywords.tsv}) or a date stamp alone on its line, and the URL. Conservative by
 * design: a year mentioned in running prose ("first held in 2013") is never taken.
 */
public final class PublishedDates {
  private static final Pattern DATE_LINE =
      Pattern.compile("^\\uFEFF?[ \\t]?date[ \\t]+(\\d{4})-(\\d{2})(?:-(\\d{2}))?(?=\\s|$)");
  /** Lines of a page's top (and bottom) where a date line stands; deeper lines are body text. */
  private static final int TOP_LINES = 40;
  private static final int BOTTOM_LINES = 15;
  /** Characters allowed between a keyword and its date (": ", " - ", a weekday...). */
  private static final int KEYWORD_GAP = 24;
  private static final int LONG_LINE = 300;
  private static final int HEADER_ZONE = 120;
  private static final Pattern WEEKDAY_OR_SEPARATORS =
      Pattern.compile("^[\\s:：\\-–—|,/]*(?:[\\p{L}]{2,12}[,\\s]+)?[\\s:：\\-–—|,/]*");
  /** What may follow a date stamp standing alone on its line: a time, an hour mark, a weekday. */
  private static final Pattern STAMP_TAIL = Pattern.compile(
      "^[\\s,\\-–—|]*(?:(?:saat|ساعت|الساعة|в|at|à|um|alle|às)?\\s*\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?)?"
          + "[\\s,\\-–—|]*(?:[\\p{L}\\.]{1,12})?[\\s\\p{P}]*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /**
   * A clock time right after a date, with the word for "at" some languages put before it and
   * the weekday Korean and Japanese stamps bracket between ("2022년 10월 12일 (수) 10:20"), or
   * the full stop of a Korean dotted date ("2018. 4. 3. 15:20").
   */
  private static final Pattern CLOCK_AFTER = Pattern.compile(
      "\\.?(?:\\s*[(（][\\p{L}.]{1,10}[)）])?"
          + "[\\s,\\-–—|]+(?:(?:saat|ساعت|الساعة|в|о|at|à|um|alle|às|a las|om|o godz\\.)\\s+)?"
          + "\\d{1,2}(?::\\d{2}|h\\d{2})(?!\\d)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern DATELINE_AFTER = Pattern.compile("\\s*[,，、]|\\s+\\p{L}");
  /** Lines counted as the top of a page, where a lead may open with its dateline. */
  private static final int DATELINE_LINES = 5;
  private static final Pattern URL_YMD = Pattern.compile(
      "[/_\\-](20\\d{2}|19\\d{2})[/_\\-]?(0[1-9]|1[0-2])[/_\\-]?(0[1-9]|[12]\\d|3[01])(?=[/_\\-.?#]|$)");
  private static final Pattern URL_YM =
      Pattern.compile("/(20\\d{2}|19\\d{2})/(0[1-9]|1[0-2])/(?!\\d)");

  private record Keyword(String text, int rank) {}

  private static final List<Keyword> KEYWORDS = loadKeywords();

  /** The seed format's split: the date of its first line (or null) and the text after it. */
  public record DateLineSplit(FoundDate date, String rest) {}

  private PublishedDates() {}

  private static List<Keyword> loadKeywords() {
    List<Keyword> keywords = new ArrayList<>();
    for (String[] row : DataFiles.readTable("ingest/date-keywords.tsv", 3)) {
      int rank = switch (row[1].trim()) {
        case "published" -> 0;
        case "generic" -> 1;
        case "updated" -> 2;
        default -> throw new IllegalArgumentException(
            "ingest/date-keywords.tsv: unknown kind '" + row[1] + "'");
      };
      keywords.add(new Keyword(row[2].trim().toLowerCase(Locale.ROOT), rank));
    }
    keywords.sort(Comparator.comparingInt((Keyword k) -> -k.text().length()));
    return keywords;
  }

  /** A date from a metadata field (JSON {@code published}, an HTML meta tag, an HTTP header). */
  public static Optional<FoundDate> fromMetadata(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = DateParser.asciiDigits(value.strip());
    try {
      LocalDate d = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
      return checked(new FoundDate(d, Precision.DAY, "metadata"));
    } catch (DateTimeParseException e) {
      // not an HTTP date: try the other forms
    }
    FoundDate d = DateParser.parseAtStart(v);
    if (d == null && v.matches("\\d{4}")) {
      d = DateParser.make(Integer.parseInt(v), 1, 0, "gregorian");
      d = d == null ? null : new FoundDate(d.date(), Precision.YEAR, null);
    }
    return d == null ? Optional.empty() : checked(d.withSource("metadata"));
  }

  private static Optional<FoundDate> checked(FoundDate d) {
    int y = d.date().getYear();
    return y < DateParser.MIN_YEAR || y > DateParser.MAX_YEAR ? Optional.empty() : Optional.of(d);
  }

  /** The date of a seed-format first line (" date 2024-09-25 ..."), if it is one. */
  public static Optional<FoundDate> fromDateLine(String firstLine) {
    return Optional.ofNullable(splitDateLine(firstLine).date());
  }

  /** Splits the seed format's optional leading date line from the page text. */
  public static DateLineSplit splitDateLine(String fileText) {
    if (fileText == null) {
      return new DateLineSplit(null, "");
    }
    Matcher m = DATE_LINE.matcher(fileText);
    if (!m.find()) {
      return new DateLineSplit(null, fileText);
    }
    FoundDate d = DateParser.make(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), "gregorian");
    String rest = fileText.substring(m.end());
    if (rest.startsWith(" ") || rest.startsWith("\t")) {
      rest = rest.substring(1);
    }
    return new DateLineSplit(d == null ? null : d.withSource("date_line"), rest);
  }

  /**
   * A date the page text states as its own: after a date keyword on one of the first or last
   * lines, or as a date stamp alone on such a line. Published beats generic beats updated; among
   * equals the earliest line wins.
   */
  public static Optional<FoundDate> fromText(String text) {
    return fromText(text, null);
  }

  /** As {@link #fromText(String)}, reading slashed dates month-first on English pages. */
  public static Optional<FoundDate> fromText(String text, String lang) {
    boolean monthFirst = "en".equals(lang);
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String[] lines = text.split("\n");
    FoundDate best = null;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i < lines.length; i++) {
      if (i >= TOP_LINES && i < lines.length - BOTTOM_LINES) {
        continue;
      }
      String line = DateParser.asciiDigits(lines[i].strip());
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() > LONG_LINE) {
        // Scrapes that lost their line breaks: only the start of such a line is a header zone.
        line = line.substring(0, HEADER_ZONE);
      }
      String lower = line.toLowerCase(Locale.ROOT);
      for (Keyword k : KEYWORDS) {
        if (k.rank() >= bestRank) {
          continue;
        }
        int at = indexOfWord(lower, k.text());
        if (at < 0) {
          continue;
        }
        FoundDate d = dateAfter(line, at + k.text().length(), monthFirst);
        if (d != null) {
          best = d;
          bestRank = k.rank();
        }
      }
      if (best == null) {
        FoundDate stamp = stampOnLine(line, i < DATELINE_LINES, monthFirst);
        if (stamp != null) {
          best = stamp;
          bestRank = 1;
        }
      }
      if (bestRank == 0) {
        break;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.withSource("text"));
  }

  /**
   * A date a line states as a stamp rather than in prose: the whole line (give or take a time
   * and a weekday), a date with a clock time ("2016-04-29 18:16"), a short line such as a
   * category tag with its date, or, near the top, a dateline opening the lead ("2019年9月6日，…").
   */
  private static FoundDate stampOnLine(String line, boolean nearTop, boolean monthFirst) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      // a stamp starts with a digit, or with a Japanese or ROC era (令和7年6月17日)
      boolean digit = c >= '0' && c <= '9';
      if (!digit && !DateParser.eraAt(line, i)
          || (i > 0 && Character.isDigit(line.charAt(i - 1)))) {
        continue;
      }
      // a date glued to the word before it ("…exchange17.05.2024") is the stamp of a heading
      // whose line break the scrape lost, when it gives the day; only after a cased script's
      // letter: Chinese and Japanese write dates against their prose ("于2024年9月25日")
      char before = i > 0 ? line.charAt(i - 1) : ' ';
      boolean glued = Character.isUpperCase(before) || Character.isLowerCase(before);
      if (Character.isLetter(before) && !glued) {
        continue;
      }
      DateParser.Parsed p = DateParser.parse(line.substring(i), monthFirst);
      if (p == null || glued && p.date().precision() != FoundDate.Precision.DAY) {
        continue;
      }
      if (glued) {
        return p.date();
      }
      String tail = line.substring(i + p.end());
      if (i == 0 && STAMP_TAIL.matcher(tail).matches()) {
        return p.date();
      }
      if (p.date().precision() != FoundDate.Precision.DAY) {
        continue;
      }
      if (CLOCK_AFTER.matcher(tail).lookingAt()) {
        return p.date();
      }
      String rest = line.substring(0, i) + " " + tail;
      if (line.length() <= 60 && rest.strip().split("\\s+").length <= 4
          && !rest.matches(".*\\d.*")) {
        return p.date();
      }
      if (nearTop && i == 0 && DATELINE_AFTER.matcher(tail).lookingAt()) {
        return p.date();
      }
    }
    return null;
  }

  private static FoundDate dateAfter(String line, int from, boolean monthFirst) {
    int end = Math.min(line.length(), from + KEYWORD_GAP + 40);
    String after = line.substring(from, end);
    Matcher skip = WEEKDAY_OR_SEPARATORS.matcher(after);
    int start = skip.find() ? skip.end() : 0;
    if (start > KEYWORD_GAP) {
      return null;
    }
    FoundDate d = DateParser.parseAtStart(after.substring(start), monthFirst);
    if (d == null && start > 0) {
      d = DateParser.parseAtStart(after.substring(skipSeparatorsOnly(after)), monthFirst);
    }
    return d;
  }

  private static int skipSeparatorsOnly(String s) {
    int i = 0;
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || ":：-–—|,".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  /** Index of {@code word} in {@code s} where it is not glued to other letters on its left. */
  private static int indexOfWord(String s, String word) {
    int at = s.indexOf(word);
    while (at >= 0) {
      boolean leftOk = at == 0 || !Character.isLetter(s.charAt(at - 1))
          || Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN;
      if (leftOk) {
        return at;
      }
      at = s.indexOf(word, at + 1);
    }
    return -1;
  }

  /** A date in the URL path: /2024/09/25/, /2024-09-25/, /20240925/, or /2024/09/ for a month. */
  public static Optional<FoundDate> fromUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_YMD.matcher(url);
    if (m.find()) {
      FoundDate d = DateParser.make(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), "gregorian");
      if (d != null) {
        return Optional.of(d.withSource("url"));
      }
    }
    m = URL_YM.matcher(url);
    if (m.find()) {
      FoundDate d = DateParser.make(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0,
          "gregorian");
      if (d != null) {
        return Optional.of(d.withSource("url"));
      }
    }
    return Optional.empty();
  }
}
