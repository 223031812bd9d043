package io.citylinks.report;

import io.citylinks.report.ReportData.YearTypeCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Partnership events per year as bars stacked by type. Events whose year is unknown get their own
 * bar, labelled "unknown year", at the right end after a gap.
 */
final class EventsByYearChart {
  private EventsByYearChart() {}

  static final String ID = "events-by-year-type";

  static final double WIDTH = 1080;
  private static final double LEFT = 64;
  private static final double RIGHT = 16;
  private static final double TOP = 40;
  private static final double PLOT = 300;
  private static final double BOTTOM = 52;

  static String render(List<YearTypeCount> counts) {
    if (counts.isEmpty()) {
      return HtmlReport.noData("No partnership events: nothing to show per year.");
    }
    List<String> types = types(counts);
    List<Integer> years = Axes.years(counts.stream().map(YearTypeCount::year).toList());
    Map<Integer, Map<String, Long>> byYear = new HashMap<>();
    Map<String, Long> byType = new LinkedHashMap<>();
    types.forEach(t -> byType.put(t, 0L));
    long unknown = 0;
    long total = 0;
    for (YearTypeCount c : counts) {
      byYear.computeIfAbsent(c.year(), y -> new HashMap<>()).merge(c.type(), c.events(), Long::sum);
      byType.merge(c.type(), c.events(), Long::sum);
      total += c.events();
      unknown += c.year() == null ? c.events() : 0;
    }
    long max = 0;
    for (Map<String, Long> m : byYear.values()) {
      max = Math.max(max, m.values().stream().mapToLong(Long::longValue).sum());
    }
    List<Long> ticks = Axes.ticks(max, 5);
    double yMax = ticks.get(ticks.size() - 1);
    boolean hasUnknown = years.contains(null);
    int slots = years.size() + (hasUnknown ? 1 : 0); // one empty slot before the unknown bar
    double plotWidth = WIDTH - LEFT - RIGHT;
    double step = plotWidth / slots;
    double barWidth = Math.max(2, Math.min(48, step * 0.72));
    double height = TOP + PLOT + BOTTOM;

    Svg svg = new Svg(WIDTH, height, "Partnership events per year, stacked by type");
    svg.open("g", "class", "chart", "id", ID, "data-total", total);
    legend(svg, types, byType);
    for (long t : ticks) {
      double y = TOP + PLOT - PLOT * t / yMax;
      svg.line(LEFT, y, WIDTH - RIGHT, y, t == 0 ? "axis" : "grid");
      svg.text(LEFT - 8, y + 4, Html.count(t), "class", "axis-label", "text-anchor", "end");
    }
    svg.text(16, TOP + PLOT / 2, "partnership events", "class", "axis-title", "text-anchor",
        "middle", "transform", "rotate(-90 16 " + Svg.num(TOP + PLOT / 2) + ")");

    int labelEvery = (int) Math.ceil(36 / step);
    for (int i = 0; i < years.size(); i++) {
      Integer year = years.get(i);
      int slot = year == null ? slots - 1 : i;
      double cx = LEFT + step * (slot + 0.5);
      if (year == null) {
        double gapX = LEFT + step * (slots - 1);
        svg.line(gapX, TOP, gapX, TOP + PLOT, "divider");
      }
      if (year == null || i % labelEvery == 0) {
        svg.text(cx, TOP + PLOT + 18, Axes.yearLabel(year), "class", "axis-label",
            "text-anchor", "middle");
      }
      Map<String, Long> stack = byYear.get(year);
      if (stack == null) {
        continue;
      }
      long yearTotal = stack.values().stream().mapToLong(Long::longValue).sum();
      svg.open("g", "class", "bar-stack", "data-year", Axes.yearData(year), "data-total",
          yearTotal);
      double base = TOP + PLOT;
      for (String type : types) {
        Long v = stack.get(type);
        if (v == null || v == 0) {
          continue;
        }
        double h = PLOT * v / yMax;
        String tip = Axes.yearLabel(year) + " · " + type + ": "
            + CountryPairMatrix.events(v) + " (of " + Html.count(yearTotal) + ")";
        svg.rect(cx - barWidth / 2, base - h, barWidth, h, Colors.type(type, types), tip,
            "class", "bar", "data-year", Axes.yearData(year), "data-type", type, "data-value", v);
        base -= h;
      }
      if (barWidth >= 14) {
        svg.text(cx, base - 4, Html.count(yearTotal), "class", "bar-total", "text-anchor",
            "middle", "aria-hidden", "true");
      }
      svg.close("g");
    }
    svg.text(LEFT + plotWidth / 2, height - 10, "year of the event", "class", "axis-title",
        "text-anchor", "middle");
    svg.close("g");
    String note = Html.count(total) + " partnership events by the year they happened, stacked by"
        + " type." + (unknown > 0 ? " Events whose year nothing says (" + Html.count(unknown)
        + ") are the separate \"unknown year\" bar at the right."
        : " Every event has a year (events of unknown year would get a bar of their own).");
    return HtmlReport.note(note) + svg.end();
  }

  private static void legend(Svg svg, List<String> types, Map<String, Long> byType) {
    double x = LEFT;
    for (String type : types) {
      svg.open("g", "class", "legend-item", "data-type", type, "data-total", byType.get(type));
      svg.rect(x, 10, 14, 14, Colors.type(type, types), null, "class", "swatch");
      String label = type + " (" + Html.count(byType.get(type)) + ")";
      svg.text(x + 20, 22, label, "class", "legend-label");
      svg.close("g");
      x += 34 + label.length() * 7.2;
    }
  }

  /** The taxonomy's types first, in its order, then any other type found, sorted. */
  static List<String> types(List<YearTypeCount> counts) {
    TreeSet<String> found = new TreeSet<>();
    counts.stream().map(YearTypeCount::type).filter(Objects::nonNull).forEach(found::add);
    List<String> out = new ArrayList<>();
    for (String t : Colors.TYPES) {
      if (found.remove(t)) {
        out.add(t);
      }
    }
    out.addAll(found);
    return out;
  }
}
