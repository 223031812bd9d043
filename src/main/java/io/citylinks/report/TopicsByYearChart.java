package io.citylinks.report;

import io.citylinks.report.ReportData.TopicYearCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events per topic and year as small multiples: one bar chart per topic, all on the same axes,
 * so topics compare at a glance where fourteen grouped bars per year would not.
 */
final class TopicsByYearChart {
  private TopicsByYearChart() {}

  static final String ID = "topics-by-year";

  private static final int COLUMNS = 3;
  private static final double PANEL_WIDTH = EventsByYearChart.WIDTH / COLUMNS;
  private static final double PANEL_HEIGHT = 132;
  private static final double PAD_LEFT = 40;
  private static final double PAD_RIGHT = 16;
  private static final double TITLE = 24;
  private static final double PLOT = 72;
  private static final String BAR = "#1d91c0";
  private static final String UNKNOWN_BAR = "#9aa5b1";

  static String render(List<TopicYearCount> counts) {
    if (counts.isEmpty()) {
      return HtmlReport.noData("No aggregate rows: nothing to show per topic.");
    }
    Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
    Map<String, Long> totals = new HashMap<>();
    long max = 0;
    for (TopicYearCount c : counts) {
      long v = byTopic.computeIfAbsent(c.topic(), t -> new HashMap<>())
          .merge(c.year(), c.events(), Long::sum);
      max = Math.max(max, v);
      totals.merge(c.topic(), c.events(), Long::sum);
    }
    List<String> topics = new ArrayList<>(totals.keySet());
    topics.sort(Comparator.comparing((String t) -> -totals.get(t))
        .thenComparing(Comparator.naturalOrder()));
    List<Integer> years = Axes.years(counts.stream().map(TopicYearCount::year).toList());
    boolean hasUnknown = years.contains(null);
    int slots = years.size() + (hasUnknown ? 1 : 0);
    double plotWidth = PANEL_WIDTH - PAD_LEFT - PAD_RIGHT;
    double step = plotWidth / slots;
    double barWidth = Math.max(1.5, Math.min(22, step * 0.75));
    int rows = (topics.size() + COLUMNS - 1) / COLUMNS;
    double height = rows * PANEL_HEIGHT + 8;

    Svg svg = new Svg(EventsByYearChart.WIDTH, height, "Partnership events per topic and year");
    svg.open("g", "class", "chart", "id", ID, "data-max", max);
    for (int p = 0; p < topics.size(); p++) {
      String topic = topics.get(p);
      double x0 = (p % COLUMNS) * PANEL_WIDTH;
      double y0 = (p / COLUMNS) * PANEL_HEIGHT;
      double base = y0 + TITLE + PLOT;
      svg.open("g", "class", "panel", "data-topic", topic, "data-total", totals.get(topic));
      svg.text(x0 + PAD_LEFT, y0 + 16, topic.replace('_', ' '), "class", "panel-title");
      svg.text(x0 + PANEL_WIDTH - PAD_RIGHT, y0 + 16, CountryPairMatrix.events(totals.get(topic)),
          "class", "panel-total", "text-anchor", "end");
      svg.line(x0 + PAD_LEFT, y0 + TITLE, x0 + PANEL_WIDTH - PAD_RIGHT, y0 + TITLE, "grid");
      svg.line(x0 + PAD_LEFT, base, x0 + PANEL_WIDTH - PAD_RIGHT, base, "axis");
      svg.text(x0 + PAD_LEFT - 6, y0 + TITLE + 4, Html.count(max), "class", "axis-label",
          "text-anchor", "end");
      svg.text(x0 + PAD_LEFT - 6, base + 4, "0", "class", "axis-label", "text-anchor", "end");
      Map<Integer, Long> series = byTopic.get(topic);
      for (int i = 0; i < years.size(); i++) {
        Integer year = years.get(i);
        int slot = year == null ? slots - 1 : i;
        double cx = x0 + PAD_LEFT + step * (slot + 0.5);
        if (i == 0 || i == years.size() - 1 - (hasUnknown ? 1 : 0) || year == null) {
          svg.text(cx, base + 14, year == null ? "?" : year.toString(), "class", "axis-label",
              "text-anchor", "middle");
        }
        Long v = series.get(year);
        if (v == null || v == 0) {
          continue;
        }
        double h = Math.max(1, PLOT * v / max);
        svg.rect(cx - barWidth / 2, base - h, barWidth, h, year == null ? UNKNOWN_BAR : BAR,
            topic + " · " + Axes.yearLabel(year) + ": " + CountryPairMatrix.events(v),
            "class", "bar", "data-topic", topic, "data-year", Axes.yearData(year), "data-value", v);
      }
      svg.close("g");
    }
    svg.close("g");
    String note = "Events per topic and year, summed over country pairs (num_events of "
        + "partnerships_by_country_pair_topic_year). An event with several topics counts under "
        + "each; \"general\" means it names none. All panels share one scale, topics with the "
        + "most events first." + (hasUnknown
            ? " The grey bar marked \"?\" at the right of a panel counts events of unknown year."
            : "");
    return HtmlReport.note(note) + svg.end();
  }
}
