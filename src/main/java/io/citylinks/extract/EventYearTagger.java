package io.citylinks.extract;

import io.citylinks.extract.Annotations.Sentences;
import io.citylinks.extract.partnership.Candidate;
import io.citylinks.extract.partnership.EventYears;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import scala.collection.Seq;

/**
 * Spark ML stage that fills the event year of each partnership ({@link EventYears}): the
 * article's {@code year} column first, else a date in the sentences about it.
 */
public final class EventYearTagger extends ArticleStage {
  private static final long serialVersionUID = 1L;

  public EventYearTagger() {
    this(Identifiable$.MODULE$.randomUID("EventYearTagger"));
  }

  public EventYearTagger(String uid) {
    super(uid);
  }

  @Override
  protected String[] inputCols() {
    return new String[] {"sentence", "partnerships", "year", "lang"};
  }

  @Override
  protected String outputCol() {
    return "partnerships";
  }

  @Override
  protected DataType outputType() {
    return Annotations.PARTNERSHIPS;
  }

  @Override
  protected Column compute() {
    UDF4<Seq<Row>, Seq<Row>, Integer, String, List<Row>> tag = EventYearTagger::tag;
    return functions.udf(tag, Annotations.PARTNERSHIPS).asNondeterministic()
        .apply(functions.col("sentence"), functions.col("partnerships"), functions.col("year"),
            functions.col("lang"));
  }

  private static List<Row> tag(Seq<Row> annotations, Seq<Row> partnershipRows, Integer year,
      String lang) {
    if (partnershipRows == null || partnershipRows.isEmpty()) {
      return List.of();
    }
    Sentences s = Sentences.of(annotations);
    List<Row> out = new ArrayList<>();
    for (Candidate c : Annotations.partnerships(partnershipRows, s)) {
      out.add(Annotations.partnershipRow(
          c.withYear(EventYears.year(year, s.texts(), c.support(), lang)), s));
    }
    return out;
  }
}
