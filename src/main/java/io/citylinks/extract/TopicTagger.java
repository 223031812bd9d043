package io.citylinks.extract;

import io.citylinks.extract.Annotations.Sentences;
import io.citylinks.extract.partnership.Candidate;
import io.citylinks.extract.partnership.CueMention;
import io.citylinks.extract.partnership.Topics;
import io.citylinks.extract.places.PlaceMention;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import scala.collection.Seq;

/**
 * Spark ML stage that fills the topics of each partnership ({@link Topics}) from the words of
 * {@code conf/extract/topics.tsv} in the sentences about it.
 */
public final class TopicTagger extends ArticleStage {
  private static final long serialVersionUID = 1L;

  public TopicTagger() {
    this(Identifiable$.MODULE$.randomUID("TopicTagger"));
  }

  public TopicTagger(String uid) {
    super(uid);
  }

  @Override
  protected String[] inputCols() {
    return new String[] {"sentence", "places", "relation_cues", "partnerships", "lang"};
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
    UDF5<Seq<Row>, Seq<Row>, Seq<Row>, Seq<Row>, String, List<Row>> tag = TopicTagger::tag;
    return functions.udf(tag, Annotations.PARTNERSHIPS).asNondeterministic()
        .apply(functions.col("sentence"), functions.col("places"),
            functions.col("relation_cues"), functions.col("partnerships"), functions.col("lang"));
  }

  private static List<Row> tag(Seq<Row> annotations, Seq<Row> placeRows, Seq<Row> cueRows,
      Seq<Row> partnershipRows, String lang) {
    if (partnershipRows == null || partnershipRows.isEmpty()) {
      return List.of();
    }
    Sentences s = Sentences.of(annotations);
    List<PlaceMention> places = Annotations.places(placeRows, s);
    List<CueMention> cues = Annotations.cues(cueRows, s);
    List<Candidate> pairs = Annotations.partnerships(partnershipRows, s);
    List<Row> out = new ArrayList<>(pairs.size());
    for (Candidate c : pairs) {
      List<String> topics = Topics.of(Topics.lexicon(), s.texts(), places, cues, c, pairs,
          lang == null ? "und" : lang);
      out.add(Annotations.partnershipRow(c.withTopics(topics), s));
    }
    return out;
  }
}
