package io.citylinks.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated record with its ground truth: where it is published, its parts, the partnership it
 * reports (if any), and whether it copies another record (exactly, nearly, or reworded).
 */
record SyntheticArticle(
    String id,
    String lang,
    String domain,
    String url,
    String title,
    List<String> paragraphs,
    List<String> boilerplateTop,
    List<String> boilerplateBottom,
    LocalDate date,
    boolean dateInMetadata,
    Partnership partnership,
    String eventId,
    String dupOf,
    String dupKind) {

  /** A partnership as labelled in gold.jsonl: the two cities and countries sorted. */
  record Partnership(String cityA, long idA, String countryA, String cityB, long idB,
      String countryB, String type, List<String> topics, int year) {}

  /** The page text as a scraper stores it: site chrome, title, body, more chrome. */
  String text() {
    StringBuilder sb = new StringBuilder();
    for (String line : boilerplateTop) {
      sb.append(line).append('\n');
    }
    sb.append('\n').append(title).append("\n\n");
    for (String p : paragraphs) {
      sb.append(p).append("\n\n");
    }
    for (String line : boilerplateBottom) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** The same content as an HTML page (navigation and footer around an article element). */
  String html(String charsetName) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang)
        .append("\"><head>");
    if (charsetName != null) {
      sb.append("<meta charset=\"").append(charsetName).append("\">");
    }
    sb.append("<title>").append(escape(title)).append("</title>");
    if (dateInMetadata && date != null) {
      sb.append("<meta property=\"article:published_time\" content=\"").append(date)
          .append("\">");
    }
    sb.append("</head>\n<body><nav>");
    for (String line : boilerplateTop) {
      sb.append("<div>").append(escape(line)).append("</div>");
    }
    sb.append("</nav>\n<article><h1>").append(escape(title)).append("</h1>\n");
    for (String p : paragraphs) {
      sb.append("<p>").append(escape(p)).append("</p>\n");
    }
    sb.append("</article>\n<footer>");
    for (String line : boilerplateBottom) {
      sb.append("<p>").append(escape(line)).append("</p>");
    }
    return sb.append("</footer></body></html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
