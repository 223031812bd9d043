package io.citylinks.extract;

import io.citylinks.extract.Annotations.Sentences;
import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
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
 * Spark ML stage that recognises the places of each article from its Spark NLP sentence
 * annotations and its language: adds a column {@code places} of resolved mentions
 * ({@link Annotations#PLACE}), with offsets into the article text. The per-article logic is
 * {@link PlaceResolver}, built once per JVM.
 */
public final class PlaceRecognizer extends ArticleStage {
  private static final long serialVersionUID = 1L;

  public PlaceRecognizer() {
    this(Identifiable$.MODULE$.randomUID("PlaceRecognizer"));
  }

  public PlaceRecognizer(String uid) {
    super(uid);
  }

  @Override
  protected String[] inputCols() {
    return new String[] {"sentence", "lang"};
  }

  @Override
  protected String outputCol() {
    return "places";
  }

  @Override
  protected DataType outputType() {
    return Annotations.PLACES;
  }

  @Override
  protected Column compute() {
    UDF2<Seq<Row>, String, List<Row>> recognise = PlaceRecognizer::recognise;
    return functions.udf(recognise, Annotations.PLACES).asNondeterministic()
        .apply(functions.col("sentence"), functions.col("lang"));
  }

  private static List<Row> recognise(Seq<Row> annotations, String lang) {
    Sentences s = Sentences.of(annotations);
    if (s.texts().isEmpty()) {
      return List.of();
    }
    List<Row> places = new ArrayList<>();
    for (PlaceMention m : PlaceResolver.shared().resolve(s.texts(), lang == null ? "und" : lang)) {
      places.add(Annotations.placeRow(m, s));
    }
    return places;
  }
}
