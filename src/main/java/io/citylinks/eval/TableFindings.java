package io.citylinks.eval;

import io.citylinks.eval.GoldScorer.Found;
import io.citylinks.eval.GoldScorer.GoldDoc;
import io.citylinks.eval.GoldScorer.Recognised;
import io.citylinks.spark.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The partnerships the tables hold for each labelled page. A page is found by its URL, else by
 * its file name without extensions ({@code docs/en-001.txt} is {@code en-001}); a page that is a
 * duplicate of another gets the mentions of its cluster's canonical article, which is the one
 * that was read.
 */
public final class TableFindings {
  private TableFindings() {}

  /**
   * Extracted partnerships and recognised places by gold id; labelled pages missing from the
   * tables are listed.
   */
  public record Matched(Map<String, List<Found>> found, Map<String, List<Recognised>> places,
      List<String> missing) {}

  public static Matched read(SparkSession spark, String database, List<GoldDoc> gold) {
    String sql = "SELECT a.source_file, a.url, m.city_a, m.country_a, m.geoname_id_a, m.city_b, "
        + "m.country_b, m.geoname_id_b, m.type, m.topics, m.year, m.confidence FROM "
        + Tables.qualified(database, Tables.ARTICLES) + " a LEFT JOIN "
        + Tables.qualified(database, Tables.PARTNERSHIP_MENTIONS)
        + " m ON m.article_id = a.dup_cluster_id";
    Map<String, List<Found>> byUrl = new HashMap<>();
    Map<String, List<Found>> byStem = new HashMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      List<Found> forUrl = r.isNullAt(1) ? new ArrayList<>()
          : byUrl.computeIfAbsent(r.getString(1), k -> new ArrayList<>());
      List<Found> forStem = byStem.computeIfAbsent(stem(r.getString(0)), k -> new ArrayList<>());
      if (r.isNullAt(2)) {
        continue;
      }
      Found f = new Found(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
          r.getString(6), r.getString(7), r.getString(8), new TreeSet<>(r.<String>getList(9)),
          r.isNullAt(10) ? null : r.getInt(10), r.isNullAt(11) ? Double.NaN : r.getDouble(11));
      forUrl.add(f);
      forStem.add(f);
    }
    Map<String, List<Recognised>> placesByUrl = new HashMap<>();
    Map<String, List<Recognised>> placesByStem = new HashMap<>();
    String places = "SELECT DISTINCT a.source_file, a.url, p.city, p.geoname_id, p.country FROM "
        + Tables.qualified(database, Tables.ARTICLES) + " a JOIN "
        + Tables.qualified(database, Tables.PLACE_MENTIONS)
        + " p ON p.article_id = a.dup_cluster_id";
    for (Row r : spark.sql(places).collectAsList()) {
      Recognised p = new Recognised(r.getString(2), r.getString(3), r.getString(4));
      if (!r.isNullAt(1)) {
        placesByUrl.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(p);
      }
      placesByStem.computeIfAbsent(stem(r.getString(0)), k -> new ArrayList<>()).add(p);
    }
    Map<String, List<Found>> found = new HashMap<>();
    Map<String, List<Recognised>> recognised = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (GoldDoc g : gold) {
      boolean byItsUrl = g.url() != null && byUrl.containsKey(g.url());
      List<Found> f = byItsUrl ? byUrl.get(g.url()) : byStem.get(g.id());
      if (f == null) {
        missing.add(g.id());
      } else {
        found.put(g.id(), f);
        recognised.put(g.id(), (byItsUrl ? placesByUrl : placesByStem)
            .getOrDefault(byItsUrl ? g.url() : g.id(), List.of()));
      }
    }
    return new Matched(found, recognised, missing);
  }

  /** File name without directories and extensions. */
  static String stem(String path) {
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
