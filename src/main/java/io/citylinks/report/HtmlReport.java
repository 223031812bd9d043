package io.citylinks.report;

import io.citylinks.report.ReportData.Source;
import io.citylinks.report.ReportData.Totals;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders the report as one self-contained HTML page: embedded CSS and inline SVG, no script and
 * nothing loaded from elsewhere. The same data gives the same bytes: the only time on the page
 * is the last run's, read from the warehouse.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public static String render(ReportData data) {
    Source source = data.source();
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"citylinks jobs/report\">\n")
        .append("<title>citylinks report · ").append(Html.escape(source.database()))
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header(out, source, data.totals());
    out.append("<main>\n");
    section(out, "country-pairs", "1. Who partners with whom: events by country pair",
        CountryPairMatrix.render(data.countryPairs()));
    section(out, "events-by-year", "2. Partnership events per year, by type",
        EventsByYearChart.render(data.eventsByYearType()));
    section(out, "topics", "3. Topics per year",
        TopicsByYearChart.render(data.topicsByYear()));
    section(out, "city-pairs", "4. Top city pairs and what the news said",
        CityPairTable.render(data.topCityPairs()));
    out.append("</main>\n<footer>Made by citylinks <code>jobs/report</code> from the tables of "
        + "database <code>").append(Html.escape(source.database())).append("</code>")
        .append(source.lastRunId() == null ? "" : " as of run <code>"
            + Html.escape(source.lastRunId()) + "</code>")
        .append(". Self-contained: no script, font or image is loaded from anywhere. Every "
            + "figure is also in the page as a <code>data-value</code> attribute.</footer>\n")
        .append("</body>\n</html>\n");
    return out.toString();
  }

  private static void header(StringBuilder out, Source source, Totals totals) {
    out.append("<header>\n<div class=\"wrap\">\n<h1>City partnerships in the news</h1>\n")
        .append("<p class=\"origin\">warehouse <code>").append(Html.escape(source.warehouse()))
        .append("</code> · database <code>").append(Html.escape(source.database()))
        .append("</code>");
    if (source.lastRunId() != null) {
      out.append(" · last run <code data-run-id=\"").append(Html.escape(source.lastRunId()))
          .append("\">").append(Html.escape(source.lastRunId())).append("</code> (")
          .append(Html.escape(source.lastRunStatus()))
          .append(source.lastRunAt() == null ? "" : ", " + time(source.lastRunAt()))
          .append(')');
    } else {
      out.append(" · no run recorded");
    }
    out.append("</p>\n<div class=\"totals\">\n");
    stat(out, "articles", "articles", totals.articles());
    stat(out, "canonical-articles", "canonical articles", totals.canonicalArticles());
    stat(out, "mentions", "partnership mentions", totals.mentions());
    stat(out, "events", "partnership events", totals.events());
    stat(out, "runs", totals.runs() == 1 ? "run" : "runs", totals.runs());
    out.append("</div>\n<nav><a href=\"#country-pairs\">country pairs</a>")
        .append("<a href=\"#events-by-year\">per year</a><a href=\"#topics\">topics</a>")
        .append("<a href=\"#city-pairs\">top city pairs</a></nav>\n</div>\n</header>\n");
  }

  private static void stat(StringBuilder out, String key, String label, long value) {
    out.append("<div class=\"stat\" data-stat=\"").append(key).append("\" data-value=\"")
        .append(value).append("\"><span class=\"num\">").append(Html.count(value))
        .append("</span><span class=\"label\">").append(Html.escape(label))
        .append("</span></div>\n");
  }

  private static void section(StringBuilder out, String id, String title, String body) {
    out.append("<section class=\"card\" id=\"").append(id).append("\">\n<h2>")
        .append(Html.escape(title)).append("</h2>\n").append(body).append("</section>\n");
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  /** A paragraph explaining a chart. */
  static String note(String text) {
    return "<p class=\"note\">" + Html.escape(text) + "</p>\n";
  }

  /** What a chart shows when there is nothing to draw. */
  static String noData(String text) {
    return "<p class=\"no-data\">" + Html.escape(text) + "</p>\n";
  }

  private static final String CSS = """
      :root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; }
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--bg); color: var(--ink);
        font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
          "Helvetica Neue", Arial, sans-serif; }
      code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      header { background: #102a43; color: #f0f4f8; padding: 28px 0 18px; }
      header code { color: #bcccdc; }
      .wrap, main { max-width: 1140px; margin: 0 auto; padding: 0 24px; }
      h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
      .origin { margin: 0 0 18px; color: #9fb3c8; font-size: 13px; }
      .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: 12px; }
      .stat { background: #243b53; border-radius: 8px; padding: 10px 14px; }
      .stat .num { display: block; font-size: 26px; font-weight: 600; color: #fff; }
      .stat .label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em;
        color: #9fb3c8; }
      nav { margin-top: 16px; font-size: 13px; }
      nav a { color: #bcccdc; margin-right: 18px; text-decoration: none; }
      nav a:hover { color: #fff; text-decoration: underline; }
      .card { background: #fff; border: 1px solid var(--line); border-radius: 10px;
        padding: 20px 24px; margin: 24px 0; box-shadow: 0 1px 3px rgba(16, 42, 67, 0.06);
        overflow-x: auto; }
      h2 { margin: 0 0 4px; font-size: 19px; font-weight: 600; }
      .note { margin: 0 0 14px; color: var(--muted); font-size: 13px; max-width: 80ch; }
      .no-data { margin: 12px 0; padding: 24px; text-align: center; color: var(--muted);
        background: var(--bg); border: 1px dashed #cbd2d9; border-radius: 8px; }
      svg { display: block; max-width: 100%; height: auto; }
      svg text { font-family: inherit; font-size: 11px; fill: #3e4c59; }
      svg .axis-title, svg .legend-title { font-size: 12px; fill: var(--muted); }
      svg .legend-label { font-size: 12px; }
      svg .panel-title { font-size: 13px; font-weight: 600; fill: var(--ink); }
      svg .panel-total { font-size: 11px; fill: var(--muted); }
      svg .bar-total { font-size: 10px; fill: var(--muted); }
      svg .cell-label { font-size: 10px; fill: #243b53; pointer-events: none; }
      svg .cell-label.dark { fill: #fff; }
      svg line.axis { stroke: #9aa5b1; }
      svg line.grid { stroke: #e4e7eb; }
      svg line.divider { stroke: #9aa5b1; stroke-dasharray: 4 3; }
      svg rect[data-value]:hover { stroke: #102a43; stroke-width: 1.5; }
      table.pairs { width: 100%; border-collapse: collapse; font-size: 14px; }
      table.pairs th { text-align: left; font-size: 12px; text-transform: uppercase;
        letter-spacing: 0.04em; color: var(--muted); border-bottom: 2px solid var(--line);
        padding: 6px 8px; }
      table.pairs td { border-bottom: 1px solid var(--line); padding: 8px; vertical-align: top; }
      table.pairs tr:hover td { background: #f8fafc; }
      .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      .rank { color: var(--muted); }
      .pair { white-space: nowrap; font-weight: 600; }
      .cc { font-size: 11px; font-weight: 500; color: var(--muted); border: 1px solid var(--line);
        border-radius: 4px; padding: 0 4px; }
      .dash { color: var(--muted); }
      .meter { display: inline-block; width: 48px; height: 8px; margin-right: 8px;
        background: #eef1f4; border-radius: 4px; vertical-align: middle; overflow: hidden; }
      .meter span { display: block; height: 100%; background: #1d91c0; }
      .chip { display: inline-block; white-space: nowrap; font-size: 12px; margin: 0 6px 2px 0; }
      .chip i { display: inline-block; width: 9px; height: 9px; border-radius: 2px;
        margin-right: 4px; }
      .years { white-space: nowrap; }
      td.evidence ul { margin: 0; padding: 0; list-style: none; }
      td.evidence li { margin: 0 0 6px; padding-left: 10px; border-left: 3px solid #bcccdc; }
      .quote { display: block; font-size: 13px; }
      .source, .muted { color: var(--muted); }
      td.evidence .source { display: block; font-size: 11px; }
      footer { max-width: 1140px; margin: 0 auto; padding: 8px 24px 40px; color: var(--muted);
        font-size: 12px; }
      """;
}
