package io.citylinks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citylinks.report.ReportData.CityPair;
import io.citylinks.report.ReportData.CountryPairCount;
import io.citylinks.report.ReportData.Evidence;
import io.citylinks.report.ReportData.TopicYearCount;
import io.citylinks.report.ReportData.YearTypeCount;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The renderers over hand-written data: numbers in the markup, escaping, empty data, offline. */
class ReportHtmlTest {
  private static Document parse(ReportData data) {
    return Jsoup.parse(HtmlReport.render(data));
  }

  @Test
  void matrixCellsCarryTheCountOfTheirPair() {
    ReportData data = SampleReport.data();
    Document doc = parse(data);
    Map<String, Long> expected = new TreeMap<>();
    for (CountryPairCount p : data.countryPairs()) {
      expected.put(p.countryA() + "-" + p.countryB(), p.events());
    }
    Map<String, Long> drawn = new TreeMap<>();
    for (Element cell : doc.select("g#country-pair-matrix rect[data-value]")) {
      Long before = drawn.put(cell.attr("data-country-a") + "-" + cell.attr("data-country-b"),
          Long.parseLong(cell.attr("data-value")));
      assertEquals(null, before, "each pair is drawn once");
      assertFalse(cell.select("title").text().isEmpty(), "tooltip");
    }
    assertEquals(expected, drawn);
    // Rows in order of activity: Türkiye takes part in the most events.
    assertEquals("TR", CountryPairMatrix.countriesByEvents(data.countryPairs()).get(0));
    assertTrue(doc.select("g#country-pair-matrix rect[data-country-a=DE][data-country-b=TR] title")
        .text().contains("12 events"));
    // Beside it, the busiest pairs ranked: the same counts, most first.
    List<String> ranked = doc.select("g#top-country-pairs rect[data-value]").stream()
        .map(e -> e.attr("data-country-a") + "-" + e.attr("data-country-b") + "="
            + e.attr("data-value")).toList();
    assertEquals(List.of("DE-TR=12", "DE-FR=9", "AZ-TR=7", "CN-RU=6", "RU-TR=5"),
        ranked.subList(0, 5));
    for (String r : ranked) {
      String[] kv = r.split("=");
      assertEquals(expected.get(kv[0]), Long.valueOf(kv[1]));
    }
  }

  @Test
  void stackedBarsCarryYearTypeAndCount() {
    ReportData data = SampleReport.data();
    Document doc = parse(data);
    Map<String, Long> expected = new TreeMap<>();
    for (YearTypeCount c : data.eventsByYearType()) {
      expected.put((c.year() == null ? "unknown" : c.year()) + "/" + c.type(), c.events());
    }
    Map<String, Long> drawn = new TreeMap<>();
    for (Element bar : doc.select("g#events-by-year-type rect[data-value]")) {
      drawn.put(bar.attr("data-year") + "/" + bar.attr("data-type"),
          Long.parseLong(bar.attr("data-value")));
    }
    assertEquals(expected, drawn);
    Element unknown = doc.selectFirst("g#events-by-year-type g.bar-stack[data-year=unknown]");
    assertEquals("4", unknown.attr("data-total"));
    assertTrue(doc.select("g#events-by-year-type text").eachText().contains("unknown year"));
    assertEquals(List.of("twinning", "agreement", "visit", "conference"),
        doc.select("g#events-by-year-type g.legend-item").eachAttr("data-type"));
  }

  @Test
  void topicPanelsCarryTopicYearAndSum() {
    ReportData data = SampleReport.data();
    Document doc = parse(data);
    Map<String, Long> expected = new TreeMap<>();
    for (TopicYearCount c : data.topicsByYear()) {
      expected.put(c.topic() + "/" + (c.year() == null ? "unknown" : c.year()), c.events());
    }
    Map<String, Long> drawn = new TreeMap<>();
    for (Element bar : doc.select("g#topics-by-year rect[data-value]")) {
      drawn.put(bar.attr("data-topic") + "/" + bar.attr("data-year"),
          Long.parseLong(bar.attr("data-value")));
    }
    assertEquals(expected, drawn);
    assertEquals(7, doc.select("g#topics-by-year g.panel").size());
  }

  @Test
  void evidenceIsEscapedAndShownAsWritten() {
    ReportData data = SampleReport.data();
    String html = HtmlReport.render(data);
    assertFalse(html.contains("<script"), "no script element, not even from evidence");
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"));
    Document doc = Jsoup.parse(html);
    assertTrue(doc.select("script").isEmpty());
    List<String> quotes = doc.select("table#top-city-pairs .quote").eachText();
    List<String> expected = data.topCityPairs().stream().flatMap(p -> p.evidence().stream())
        .map(Evidence::sentence).toList();
    assertEquals(expected, quotes);
    Element first = doc.selectFirst("table#top-city-pairs tr.city-pair");
    assertEquals("Bursa", first.attr("data-city-a"));
    assertEquals("4", first.attr("data-events"));
    assertEquals("9", first.attr("data-articles"));
    assertEquals("2016–2023", first.selectFirst("td.years").text());
    Element second = doc.select("table#top-city-pairs tr.city-pair").get(1);
    assertEquals("İstanbul", second.attr("data-city-b"));
    assertEquals("unknown", second.selectFirst("td.years").text());
    assertEquals("fa", second.selectFirst(".quote").attr("lang"));
  }

  @Test
  void hostileNamesStayText() {
    ReportData sample = SampleReport.data();
    CityPair evil = new CityPair("<img src=x onerror=alert(1)>", "TR", "A\"B'C", "DE", 1, 1,
        List.of(), 2020, 2020, List.of(new Evidence("x\u0000y", "en", "<b>", null)));
    ReportData data = new ReportData(sample.source(), sample.totals(),
        List.of(new CountryPairCount("<X>", "TR", 1)), sample.eventsByYearType(),
        List.of(new TopicYearCount("\"><svg onload=1>", 2020, 1)), List.of(evil));
    Document doc = parse(data);
    assertTrue(doc.select("img, script, [onerror], [onload]").isEmpty());
    Element row = doc.selectFirst("tr.city-pair");
    assertEquals("<img src=x onerror=alert(1)>", row.attr("data-city-a"));
    assertEquals("A\"B'C", row.attr("data-city-b"));
    assertEquals("x\uFFFDy", row.selectFirst(".quote").text());
  }

  @Test
  void emptyDataSaysSoInsteadOfDrawing() {
    Document doc = parse(SampleReport.empty());
    assertEquals(4, doc.select("p.no-data").size());
    assertTrue(doc.select("svg").isEmpty());
    assertTrue(doc.select("table").isEmpty());
    assertEquals("0", doc.selectFirst("[data-stat=events]").attr("data-value"));
    assertTrue(doc.selectFirst("p.origin").text().contains("no run recorded"));
  }

  @Test
  void pageIsSelfContainedAndDeterministic() {
    ReportData data = SampleReport.data();
    String html = HtmlReport.render(data);
    assertEquals(html, HtmlReport.render(SampleReport.data()));
    Document doc = Jsoup.parse(html);
    assertTrue(doc.select("script, link, img, iframe, object, embed").isEmpty());
    for (Element e : doc.select("[src], [href]")) {
      String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertTrue(ref.startsWith("#"), "only in-page links: " + e);
    }
    assertFalse(html.contains("url("), "no CSS resource");
    assertFalse(html.contains("@import"));
    assertEquals("1234", doc.selectFirst("[data-stat=articles]").attr("data-value"));
    assertEquals("1,234", doc.selectFirst("[data-stat=articles] .num").text());
    assertTrue(doc.selectFirst("p.origin").text()
        .contains("0f8c1d2e-0000-4000-8000-000000000001 (succeeded, 2025-03-04 05:06:07 UTC)"));
    // Every drawn number has a tooltip for people.
    for (Element rect : doc.select("rect[data-value]")) {
      assertEquals(1, rect.select("title").size(), rect.toString());
    }
  }

  @Test
  void axesAndNumbersPrintTheSameEverywhere() {
    assertEquals("12", Svg.num(12.0));
    assertEquals("12.5", Svg.num(12.46));
    assertEquals("0", Svg.num(-0.01));
    assertEquals(List.of(0L, 2L, 4L, 6L, 8L), Axes.ticks(7, 5));
    assertEquals(List.of(0L, 1L), Axes.ticks(1, 5));
    assertEquals(List.of(0L, 50L, 100L, 150L), Axes.ticks(123, 3));
    assertEquals(java.util.Arrays.asList(2019, 2020, 2021, null),
        Axes.years(java.util.Arrays.asList(2021, null, 2019)));
    assertEquals(List.of(1900, 2020), Axes.years(List.of(2020, 1900)));
    assertEquals("#ffffd9".length(), Colors.sequential(1, 1).length());
    assertEquals("TR (Türkiye)", Countries.label("TR").replace("Turkey", "Türkiye"));
    assertEquals("??", Countries.label("??"));
  }
}
