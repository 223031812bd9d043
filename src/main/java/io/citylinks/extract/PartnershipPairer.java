package io.citylinks.extract;

import io.citylinks.extract.Annotations.Sentences;
import io.citylinks.extract.partnership.Candidate;
import io.citylinks.extract.partnership.Pairing;
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
 * Spark ML stage that pairs partner cities ({@link Pairing}) from the places and relation cues of
 * each article: adds a column {@code partnerships} ({@link Annotations#PARTNERSHIP}) with the two
 * cities, the relation type, the supporting sentences and a confidence; topics and year are
 * filled by the next stages.
 */
public final class PartnershipPairer extends ArticleStage {
  private static final long serialVersionUID = 1L;

  public PartnershipPairer() {
    this(Identifiable$.MODULE$.randomUID("PartnershipPairer"));
  }

  public PartnershipPairer(String uid) {
    super(uid);
  }

  @Override
  protected String[] inputCols() {
    return new String[] {"sentence", "places", "relation_cues", "lang"};
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
    UDF4<Seq<Row>, Seq<Row>, Seq<Row>, String, List<Row>> pair = PartnershipPairer::pair;
    return functions.udf(pair, Annotations.PARTNERSHIPS).asNondeterministic()
        .apply(functions.col("sentence"), functions.col("places"),
            functions.col("relation_cues"), functions.col("lang"));
  }

  private static List<Row> pair(Seq<Row> annotations, Seq<Row> places, Seq<Row> cues,
      String lang) {
    if (places == null || places.isEmpty() || cues == null || cues.isEmpty()) {
      return List.of();
    }
    Sentences s = Sentences.of(annotations);
    List<Row> out = new ArrayList<>();
    for (Candidate c : Pairing.pair(s.texts(), Annotations.places(places, s),
        Annotations.cues(cues, s), lang == null ? "und" : lang)) {
      out.add(Annotations.partnershipRow(c, s));
    }
    return out;
  }
}
