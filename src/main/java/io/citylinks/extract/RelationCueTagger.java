package io.citylinks.extract;

import io.citylinks.extract.Annotations.Sentences;
import io.citylinks.extract.partnership.CueMention;
import io.citylinks.extract.partnership.RelationCue;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import scala.collection.Seq;

/**
 * Spark ML stage that finds the relation cues of {@code conf/extract/partnership-cues.tsv} in
 * each sentence (sister city, memorandum, delegation, forum, mayor, "since"...): adds a column
 * {@code relation_cues} ({@link Annotations#CUE}).
 */
public final class RelationCueTagger extends ArticleStage {
  private static final long serialVersionUID = 1L;

  public RelationCueTagger() {
    this(Identifiable$.MODULE$.randomUID("RelationCueTagger"));
  }

  public RelationCueTagger(String uid) {
    super(uid);
  }

  @Override
  protected String[] inputCols() {
    return new String[] {"sentence", "lang"};
  }

  @Override
  protected String outputCol() {
    return "relation_cues";
  }

  @Override
  protected DataType outputType() {
    return Annotations.CUES;
  }

  @Override
  protected Column compute() {
    UDF2<Seq<Row>, String, List<Row>> tag = RelationCueTagger::tag;
    return functions.udf(tag, Annotations.CUES).asNondeterministic()
        .apply(functions.col("sentence"), functions.col("lang"));
  }

  private static List<Row> tag(Seq<Row> annotations, String lang) {
    Sentences s = Sentences.of(annotations);
    List<Row> cues = new ArrayList<>();
    for (CueMention c : CueMention.find(RelationCue.lexicon(), s.texts(),
        lang == null ? "und" : lang)) {
      cues.add(Annotations.cueRow(c, s));
    }
    return cues;
  }
}
