package io.citylinks.report;

import io.citylinks.report.ReportData.CountryPairCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The country-pair heatmap: countries on both axes, one cell per pair holding its partnership
 * events. Pairs are unordered, so each is drawn once, in the lower triangle (diagonal: partners
 * in the same country); the empty upper triangle holds the legend.
 */
final class CountryPairMatrix {
  private CountryPairMatrix() {}

  /** More countries than this and the cells get too small to read; the rest are counted aside. */
  static final int MAX_COUNTRIES = 40;

  static final String ID = "country-pair-matrix";

  /** The ranked list of the busiest country pairs drawn beside the matrix. */
  static final String TOP_PAIRS_ID = "top-country-pairs";

  private static final int LIST_ROWS = 15;
  private static final double LIST_ROW = 22;
  private static final double LIST_WIDTH = 300;

  /** The chart and a note on what it shows, or a "no data" message. */
  static String render(List<CountryPairCount> pairs) {
    if (pairs.isEmpty()) {
      return HtmlReport.noData("No partnership events: the country-pair matrix is empty.");
    }
    List<String> countries = countriesByEvents(pairs);
    List<String> shown = countries.subList(0, Math.min(MAX_COUNTRIES, countries.size()));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < shown.size(); i++) {
      index.put(shown.get(i), i);
    }
    long max = 0;
    long total = 0;
    long omittedPairs = 0;
    long omittedEvents = 0;
    for (CountryPairCount p : pairs) {
      total += p.events();
      if (index.containsKey(p.countryA()) && index.containsKey(p.countryB())) {
        max = Math.max(max, p.events());
      } else {
        omittedPairs++;
        omittedEvents += p.events();
      }
    }
    int n = shown.size();
    double cell = Math.max(16, Math.min(34, 640.0 / n));
    double left = 150;
    double top = 12;
    double bottom = 56;
    double legendWidth = 170;
    double grid = n * cell;
    double listX = left + Math.max(grid, legendWidth) + 48;
    double width = listX + LIST_WIDTH;
    // A small triangle leaves no room for the legend above it: the legend goes below.
    boolean legendBelow = n < 6;
    double height = top + grid + bottom + (legendBelow ? 64 : 0);
    Svg svg = new Svg(width, height, "Partnership events by country pair");
    svg.open("g", "class", "chart", "id", ID, "data-total", total);

    for (int row = 0; row < n; row++) {
      String country = shown.get(row);
      double y = top + row * cell;
      svg.text(left - 8, y + cell / 2 + 4, Countries.label(country), "class", "axis-label",
          "text-anchor", "end");
      for (int col = 0; col <= row; col++) {
        svg.rect(left + col * cell + 1, y + 1, cell - 2, cell - 2, "#eef1f4", null,
            "class", "empty");
      }
    }
    for (int col = 0; col < n; col++) {
      svg.text(left + col * cell + cell / 2, top + grid + 16, shown.get(col), "class",
          "axis-label", "text-anchor", "middle");
    }
    svg.text(left + grid / 2, top + grid + 40, "country (ISO code)", "class", "axis-title",
        "text-anchor", "middle");

    for (CountryPairCount p : pairs) {
      Integer a = index.get(p.countryA());
      Integer b = index.get(p.countryB());
      if (a == null || b == null) {
        continue;
      }
      int row = Math.max(a, b);
      int col = Math.min(a, b);
      double x = left + col * cell + 1;
      double y = top + row * cell + 1;
      String tip = Countries.label(p.countryA()) + " – " + Countries.label(p.countryB()) + ": "
          + events(p.events());
      svg.rect(x, y, cell - 2, cell - 2, Colors.sequential(p.events(), max), tip,
          "class", "cell", "data-country-a", p.countryA(), "data-country-b", p.countryB(),
          "data-value", p.events());
      String label = Long.toString(p.events());
      if (cell >= 20 && label.length() * 7 <= cell - 2) {
        svg.text(x + (cell - 2) / 2, y + (cell - 2) / 2 + 4, label, "class",
            Colors.isDark(p.events(), max) ? "cell-label dark" : "cell-label", "text-anchor",
            "middle", "aria-hidden", "true");
      }
    }
    if (legendBelow) {
      legend(svg, left, top + grid + bottom, max);
    } else {
      legend(svg, left + grid - legendWidth, top + 4, max);
    }
    svg.close("g");
    int listRows = (int) Math.min(LIST_ROWS, Math.floor((height - top - 28) / LIST_ROW));
    topPairs(svg, pairs, listX, top, listRows);

    StringBuilder note = new StringBuilder();
    note.append(Html.count(total)).append(" partnership events between ")
        .append(countries.size()).append(countries.size() == 1 ? " country" : " countries")
        .append(", over all years and types. Each cell counts the events of one country pair; "
            + "the diagonal holds partnerships within one country. Hover a cell for its count.");
    if (omittedPairs > 0) {
      note.append(" Only the ").append(n).append(" countries with the most events are shown: ")
          .append(Html.count(omittedPairs)).append(" pairs (").append(events(omittedEvents))
          .append(") with the other ").append(countries.size() - n).append(" are left out.");
    }
    return HtmlReport.note(note.toString()) + svg.end();
  }

  /** The country pairs with the most events as a ranked bar list, beside the matrix. */
  private static void topPairs(Svg svg, List<CountryPairCount> pairs, double x, double y,
      int rows) {
    List<CountryPairCount> ranked = new ArrayList<>(pairs);
    ranked.sort(Comparator.comparing((CountryPairCount p) -> -p.events())
        .thenComparing(CountryPairCount::countryA).thenComparing(CountryPairCount::countryB));
    ranked = ranked.subList(0, Math.min(rows, ranked.size()));
    long max = ranked.isEmpty() ? 1 : ranked.get(0).events();
    double barX = x + 70;
    double barMax = LIST_WIDTH - 70 - 40;
    svg.open("g", "class", "chart", "id", TOP_PAIRS_ID);
    svg.text(x, y + 10, "country pairs with the most events", "class", "legend-title");
    double rowY = y + 24;
    for (CountryPairCount p : ranked) {
      String tip = Countries.label(p.countryA()) + " – " + Countries.label(p.countryB()) + ": "
          + events(p.events());
      svg.text(x, rowY + 13, p.countryA() + " – " + p.countryB(), "class", "axis-label");
      double w = Math.max(2, barMax * p.events() / max);
      svg.rect(barX, rowY + 3, w, 14, "#1d91c0", tip, "class", "bar", "data-country-a",
          p.countryA(), "data-country-b", p.countryB(), "data-value", p.events());
      svg.text(barX + w + 6, rowY + 14, Html.count(p.events()), "class", "axis-label",
          "aria-hidden", "true");
      rowY += LIST_ROW;
    }
    svg.close("g");
  }

  /** A few swatches from 1 to the largest count, on the chart's log scale. */
  private static void legend(Svg svg, double x, double y, long max) {
    svg.open("g", "class", "legend");
    svg.text(x, y + 10, "events per country pair", "class", "legend-title");
    TreeSet<Long> stops = new TreeSet<>();
    for (int i = 0; i <= 4; i++) {
      stops.add(Math.round(Math.pow(max, i / 4.0)));
    }
    double sx = x;
    for (long v : stops) {
      svg.rect(sx, y + 18, 28, 16, Colors.sequential(v, max), null, "class", "swatch");
      svg.text(sx + 14, y + 48, Long.toString(v), "class", "axis-label", "text-anchor", "middle");
      sx += 32;
    }
    svg.close("g");
  }

  /** Countries ordered by the events they take part in, most first, then by code. */
  static List<String> countriesByEvents(List<CountryPairCount> pairs) {
    Map<String, Long> byCountry = new HashMap<>();
    for (CountryPairCount p : pairs) {
      byCountry.merge(p.countryA(), p.events(), Long::sum);
      if (!p.countryB().equals(p.countryA())) {
        byCountry.merge(p.countryB(), p.events(), Long::sum);
      }
    }
    List<String> out = new ArrayList<>(byCountry.keySet());
    out.sort(Comparator.comparing((String c) -> -byCountry.get(c))
        .thenComparing(Comparator.naturalOrder()));
    return out;
  }

  static String events(long n) {
    return Html.count(n) + (n == 1 ? " event" : " events");
  }
}
