package io.citylinks.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Axis helpers shared by the charts: round tick values and the year axis. */
final class Axes {
  private Axes() {}

  /** Beyond this span of years the axis shows only the years that have data. */
  static final int MAX_FILLED_YEARS = 60;

  /** Label of the bar for events whose year is unknown. */
  static final String UNKNOWN_YEAR = "unknown year";

  /** A round upper bound for counts up to {@code max}: 1, 2 or 5 times a power of ten, times k. */
  static long niceStep(long max, int ticks) {
    double raw = Math.max(1.0, (double) max / ticks);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return Math.max(1, Math.round(nice * magnitude));
  }

  /** Tick values 0, step, 2 step... up to the first one at or above {@code max}. */
  static List<Long> ticks(long max, int ticks) {
    long step = niceStep(max, ticks);
    List<Long> out = new ArrayList<>();
    long v = 0;
    do {
      out.add(v);
      v += step;
    } while (out.get(out.size() - 1) < max);
    return out;
  }

  /**
   * The years of the x axis in order: every year from the first to the last (gaps show as gaps)
   * unless the span is very long, then null, the unknown year, last when present.
   */
  static List<Integer> years(Collection<Integer> present) {
    TreeSet<Integer> known = new TreeSet<>();
    present.stream().filter(Objects::nonNull).forEach(known::add);
    List<Integer> out = new ArrayList<>();
    if (!known.isEmpty() && known.last() - known.first() < MAX_FILLED_YEARS) {
      for (int y = known.first(); y <= known.last(); y++) {
        out.add(y);
      }
    } else {
      out.addAll(known);
    }
    if (present.stream().anyMatch(Objects::isNull)) {
      out.add(null);
    }
    return out;
  }

  /** How a year shows on an axis and in data attributes. */
  static String yearLabel(Integer year) {
    return year == null ? UNKNOWN_YEAR : year.toString();
  }

  /** The {@code data-year} value: the year, or {@code unknown}. */
  static String yearData(Integer year) {
    return year == null ? "unknown" : year.toString();
  }
}
