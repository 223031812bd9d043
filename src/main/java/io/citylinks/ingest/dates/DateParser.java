package io.citylinks.ingest.dates;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import io.citylinks.config.DataFiles;
import io.citylinks.ingest.dates.FoundDate.Precision;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one date expression at the start of a string: numeric (25.09.2024, 2024-09-25,
 * 2024/9/25), Chinese and Japanese (2024年9月25日), Korean (2024년 9월 25일), Japanese eras and
 * ROC years (令和6年9月25日, 民國113年9月25日), or with a month name in any supported language and
 * calendar (3 Aralık 2024, ۴ مهر ۱۴۰۳, 15 رمضان 1446). Persian, Arabic-Indic and full-width
 * digits are read as ASCII; Solar Hijri and Islamic years are converted with ICU4J's calendars.
 */
public final class DateParser {
  /** Years a news page can be dated in; anything else is a misread number. */
  static final int MIN_YEAR = 1990;
  static final int MAX_YEAR = 2100;

  private static final Pattern YMD = Pattern.compile("^(\\d{4})\\s*[-./]\\s*(\\d{1,2})\\s*[-./]\\s*(\\d{1,2})(?!\\d)");
  private static final Pattern DMY = Pattern.compile("^(\\d{1,2})\\s*[-./]\\s*(\\d{1,2})\\s*[-./]\\s*(\\d{4})(?!\\d)");
  private static final Pattern YM = Pattern.compile("^(\\d{4})-(\\d{2})(?![-\\d])");
  private static final Pattern HAN = Pattern.compile(
      "^(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월](?:\\s*(\\d{1,2})\\s*[日일])?");
  /** Japanese eras (令和 from 2019, 平成 1989-2019) and the ROC calendar (民國 from 1912). */
  private static final List<String> ERAS = List.of("令和", "平成", "中華民國", "中华民国", "民國",
      "民国");
  private static final Pattern ERA = Pattern.compile("^(" + String.join("|", ERAS) + ")\\s*"
      + "(\\d{1,3}|元)\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?");
  private static final Pattern ISLAMIC_MARK = Pattern.compile("^\\s*(هـ|ه\\.ق|ق\\.?\\s*$|AH\\b)");
  private static final Pattern PERSIAN_MARK = Pattern.compile("^\\s*(ه\\.ش|ش\\b)");

  private record MonthName(String calendar, int month, String name) {}

  private static final List<MonthName> MONTHS = loadMonths();
  private static final Pattern NAMED = namedPattern();

  private DateParser() {}

  private static List<MonthName> loadMonths() {
    List<MonthName> months = new ArrayList<>();
    for (String[] row : DataFiles.readTable("ingest/months.tsv", 3)) {
      for (String name : row[2].split("\\|")) {
        if (!name.isBlank()) {
          months.add(new MonthName(row[0].trim(), Integer.parseInt(row[1].trim()),
              name.trim().toLowerCase(Locale.ROOT)));
        }
      }
    }
    // Longest first, so "ربيع الأول" wins over a shorter name it starts with.
    months.sort(Comparator.comparingInt((MonthName m) -> -m.name().length()));
    return months;
  }

  private static Pattern namedPattern() {
    StringBuilder alt = new StringBuilder();
    for (MonthName m : MONTHS) {
      if (alt.length() > 0) {
        alt.append('|');
      }
      alt.append(Pattern.quote(m.name()));
    }
    String month = "(" + alt + ")\\.?";
    // "3 Aralık 2024", "3 de octubre de 2024", "le 3 mars 2024", "March 3, 2024", "Aralık 2024",
    // "30 / Грудень, 2025" (a news site's date stamp)
    return Pattern.compile("^(?:(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?(?:\\s*[/|·]\\s*|\\s+)(?:de\\s+)?"
        + month
        + "\\s*(?:de\\s+)?,?\\s*(\\d{4})|" + month + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|"
        + month + "\\s+(\\d{4}))(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Whether one of the eras this parser reads is named at {@code at} of {@code s}. */
  static boolean eraAt(String s, int at) {
    for (String era : ERAS) {
      if (s.startsWith(era, at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * ASCII digits for Persian (۰-۹), Arabic-Indic (٠-٩) and full-width (０-９) ones; other
   * characters unchanged.
   */
  public static String asciiDigits(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char d = c >= '۰' && c <= '۹' ? (char) ('0' + c - '۰')
          : c >= '٠' && c <= '٩' ? (char) ('0' + c - '٠')
          : c >= '０' && c <= '９' ? (char) ('0' + c - '０') : c;
      if (d != c && sb == null) {
        sb = new StringBuilder(s);
      }
      if (sb != null) {
        sb.setCharAt(i, d);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** A date read at the start of a string, and where its expression ends. */
  record Parsed(FoundDate date, int end) {}

  /** A date written in running text, at {@code [start, end)} of that text. */
  public record Span(int start, int end, FoundDate date) {}

  /**
   * Every date expression of {@code text} that gives at least a month (numeric, named, Han, in any
   * of the calendars and digit systems above), in text order.
   */
  public static List<Span> datesIn(String text, boolean monthFirstSlashes) {
    List<Span> spans = new ArrayList<>();
    String s = asciiDigits(text);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) || (i > 0 && insideWord(s.charAt(i - 1), c))) {
        continue;
      }
      Parsed p = parse(s.substring(i, Math.min(s.length(), i + 40)), monthFirstSlashes);
      if (p != null) {
        spans.add(new Span(i, i + p.end(), p.date()));
        i += p.end() - 1;
      }
    }
    return spans;
  }

  /**
   * Whether {@code c} continues the word {@code prev} ends: Han, kana and Hangul text has no
   * spaces, so a date may follow a letter of those scripts ("于2024年", "は令和6年").
   */
  private static boolean insideWord(char prev, char c) {
    if (!Character.isLetterOrDigit(prev)) {
      return false;
    }
    if (Character.isDigit(prev)) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(prev);
    boolean spaceless = script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
    return !spaceless;
  }

  /** The date expression at the start of {@code s} (already digit-normalised), or null. */
  static FoundDate parseAtStart(String s) {
    return parseAtStart(s, false);
  }

  static FoundDate parseAtStart(String s, boolean monthFirstSlashes) {
    Parsed p = parse(s, monthFirstSlashes);
    return p == null ? null : p.date();
  }

  /**
   * @param monthFirstSlashes read "7/2/2015" as July 2 (American English pages); dotted and dashed
   *     dates stay day-first
   */
  static Parsed parse(String s, boolean monthFirstSlashes) {
    Matcher m;
    if ((m = ERA.matcher(s)).find()) {
      int n = m.group(2).equals("元") ? 1 : num(m, 2);
      int offset = switch (m.group(1)) {
        case "令和" -> 2018;
        case "平成" -> 1988;
        default -> 1911;
      };
      return parsed(make(offset + n, num(m, 3), m.group(4) == null ? 0 : num(m, 4), "gregorian"),
          m);
    }
    if ((m = HAN.matcher(s)).find()) {
      return parsed(make(num(m, 1), num(m, 2), m.group(3) == null ? 0 : num(m, 3), "gregorian"), m);
    }
    if ((m = YMD.matcher(s)).find()) {
      return parsed(make(num(m, 1), num(m, 2), num(m, 3),
          calendarOfYear(num(m, 1), s.substring(m.end()))), m);
    }
    if ((m = DMY.matcher(s)).find()) {
      int a = num(m, 1);
      int b = num(m, 2);
      int year = num(m, 3);
      String cal = calendarOfYear(year, s.substring(m.end()));
      boolean slashes = m.group().indexOf('/') >= 0;
      // Day first, as nearly everywhere; month first when the day cannot be a month, or for
      // slashed dates on American-English pages.
      boolean monthFirst = (b > 12 && a <= 12) || (monthFirstSlashes && slashes && a <= 12);
      return parsed(monthFirst ? make(year, a, b, cal) : make(year, b, a, cal), m);
    }
    if ((m = YM.matcher(s)).find()) {
      return parsed(make(num(m, 1), num(m, 2), 0, "gregorian"), m);
    }
    if ((m = NAMED.matcher(s)).find()) {
      if (m.group(1) != null) {
        MonthName month = month(m.group(2));
        return parsed(make(num(m, 3), month.month(), num(m, 1), calendarOf(month, num(m, 3))), m);
      }
      if (m.group(4) != null) {
        MonthName month = month(m.group(4));
        return parsed(make(num(m, 6), month.month(), num(m, 5), calendarOf(month, num(m, 6))), m);
      }
      MonthName month = month(m.group(7));
      return parsed(make(num(m, 8), month.month(), 0, calendarOf(month, num(m, 8))), m);
    }
    return null;
  }

  private static Parsed parsed(FoundDate d, Matcher m) {
    return d == null ? null : new Parsed(d, m.end());
  }

  private static MonthName month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (MonthName m : MONTHS) {
      if (m.name().equals(lower)) {
        return m;
      }
    }
    throw new IllegalStateException("month pattern matched an unknown name: " + name);
  }

  /** A Gregorian month name with a Hijri-range year is the Hijri month of the same name. */
  private static String calendarOf(MonthName month, int year) {
    if (!month.calendar().equals("gregorian")) {
      return month.calendar();
    }
    return year < MIN_YEAR ? calendarOfYear(year, "") : "gregorian";
  }

  /**
   * Years 1300-1430 are Solar Hijri (1403 = 2024/25); 1431-1500 Islamic Hijri (1446 = 2024/25):
   * the two ranges do not meet in the years news is dated. An explicit marker decides otherwise.
   */
  private static String calendarOfYear(int year, String after) {
    if (year >= MIN_YEAR) {
      return "gregorian";
    }
    if (ISLAMIC_MARK.matcher(after).find()) {
      return "islamic";
    }
    if (PERSIAN_MARK.matcher(after).find()) {
      return "persian";
    }
    if (year >= 1300 && year <= 1430) {
      return "persian";
    }
    if (year > 1430 && year <= 1500) {
      return "islamic";
    }
    return "gregorian";
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** day 0 = unknown (month precision). */
  static FoundDate make(int year, int month, int day, String calendar) {
    if (month < 1 || month > 12 || day < 0 || day > 31) {
      return null;
    }
    LocalDate date;
    try {
      switch (calendar) {
        case "persian" -> date = convert(new PersianCalendar(TimeZone.GMT_ZONE), year, month, day);
        case "islamic" -> {
          IslamicCalendar cal = new IslamicCalendar(TimeZone.GMT_ZONE);
          cal.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
          date = convert(cal, year, month, day);
        }
        default -> date = LocalDate.of(year, month, day == 0 ? 1 : day);
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      return null;
    }
    if (day == 0 && !calendar.equals("gregorian")) {
      // A Hijri month straddles two Gregorian months: its first day is as precise as we can be.
      return new FoundDate(date, Precision.MONTH, null);
    }
    return new FoundDate(day == 0 ? date.withDayOfMonth(1) : date,
        day == 0 ? Precision.MONTH : Precision.DAY, null);
  }

  private static LocalDate convert(Calendar cal, int year, int month, int day) {
    cal.setLenient(false);
    cal.clear();
    cal.set(Calendar.YEAR, year);
    cal.set(Calendar.MONTH, month - 1);
    cal.set(Calendar.DAY_OF_MONTH, day == 0 ? 1 : day);
    long millis = cal.getTimeInMillis();
    return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }
}
