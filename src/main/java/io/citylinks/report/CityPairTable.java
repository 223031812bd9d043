package io.citylinks.report;

import io.citylinks.report.ReportData.CityPair;
import io.citylinks.report.ReportData.Evidence;
import io.citylinks.report.ReportData.TypeCount;
import java.util.List;
import java.util.Locale;

/** The top city pairs as an HTML table: counts, types, years and the sentences that report them. */
final class CityPairTable {
  private CityPairTable() {}

  static final String ID = "top-city-pairs";

  static String render(List<CityPair> pairs) {
    if (pairs.isEmpty()) {
      return HtmlReport.noData("No partnership events: there are no city pairs to list.");
    }
    long max = pairs.stream().mapToLong(CityPair::events).max().orElse(1);
    List<String> types = pairs.stream().flatMap(p -> p.types().stream()).map(TypeCount::type)
        .distinct().sorted().toList();
    StringBuilder out = new StringBuilder();
    out.append(HtmlReport.note("The " + pairs.size() + " city pairs with the most partnership "
        + "events (ties: more articles first), with up to a few evidence sentences each, the "
        + "most confident first."));
    out.append("<table class=\"pairs\" id=\"").append(ID).append("\">\n<thead><tr>")
        .append("<th class=\"num\">#</th><th>City pair</th><th class=\"num\">Events</th>")
        .append("<th class=\"num\">Articles</th><th>Types</th><th>Years</th><th>Evidence</th>")
        .append("</tr></thead>\n<tbody>\n");
    int rank = 0;
    for (CityPair p : pairs) {
      rank++;
      out.append("<tr class=\"city-pair\"").append(attr("data-rank", rank))
          .append(attr("data-city-a", p.cityA())).append(attr("data-country-a", p.countryA()))
          .append(attr("data-city-b", p.cityB())).append(attr("data-country-b", p.countryB()))
          .append(attr("data-events", p.events())).append(attr("data-articles", p.articles()))
          .append(">\n");
      out.append("<td class=\"num rank\">").append(rank).append("</td>\n");
      out.append("<td class=\"pair\"><span class=\"city\" dir=\"auto\">")
          .append(Html.escape(p.cityA())).append("</span> <span class=\"cc\">")
          .append(Html.escape(p.countryA())).append("</span><span class=\"dash\"> – </span>")
          .append("<span class=\"city\" dir=\"auto\">").append(Html.escape(p.cityB()))
          .append("</span> <span class=\"cc\">").append(Html.escape(p.countryB()))
          .append("</span></td>\n");
      double share = 100.0 * p.events() / max;
      out.append("<td class=\"num events\"").append(attr("data-value", p.events()))
          .append("><span class=\"meter\"><span style=\"width:")
          .append(String.format(Locale.ROOT, "%.0f", share)).append("%\"></span></span>")
          .append(Html.count(p.events())).append("</td>\n");
      out.append("<td class=\"num articles\"").append(attr("data-value", p.articles()))
          .append('>').append(Html.count(p.articles())).append("</td>\n");
      out.append("<td class=\"types\">");
      for (TypeCount t : p.types()) {
        out.append("<span class=\"chip\"").append(attr("data-type", t.type()))
            .append(attr("data-value", t.events())).append("><i")
            .append(attr("style", "background:" + Colors.type(t.type(), types))).append("></i>")
            .append(Html.escape(t.type())).append(' ').append(t.events()).append("</span>");
      }
      out.append("</td>\n<td class=\"years\">").append(Html.escape(years(p))).append("</td>\n");
      out.append("<td class=\"evidence\">");
      if (p.evidence().isEmpty()) {
        out.append("<span class=\"muted\">no evidence sentence</span>");
      } else {
        out.append("<ul>");
        for (Evidence e : p.evidence()) {
          out.append("<li><span class=\"quote\" dir=\"auto\"").append(attr("lang", e.lang()))
              .append('>').append(Html.escape(e.sentence())).append("</span>")
              .append("<span class=\"source\">").append(Html.escape(source(e)))
              .append("</span></li>");
        }
        out.append("</ul>");
      }
      out.append("</td>\n</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  /** 2019–2023, 2021, or "unknown" when no event of the pair has a year. */
  static String years(CityPair p) {
    if (p.firstYear() == null) {
      return "unknown";
    }
    return p.firstYear().equals(p.lastYear()) ? p.firstYear().toString()
        : p.firstYear() + "–" + p.lastYear();
  }

  private static String source(Evidence e) {
    StringBuilder s = new StringBuilder();
    for (String part : new String[] {e.domain(), e.lang(), e.publishedDate()}) {
      if (part != null && !part.isBlank()) {
        s.append(s.length() == 0 ? "" : " · ").append(part);
      }
    }
    return s.toString();
  }

  private static String attr(String name, Object value) {
    return value == null ? "" : " " + name + "=\"" + Html.escape(String.valueOf(value)) + "\"";
  }
}
