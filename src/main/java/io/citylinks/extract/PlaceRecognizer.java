package io.citylinks.extract;

import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Spark ML stage that recognises the places of each article from its Spark NLP sentence
 * annotations and its language: adds a column {@code places} of resolved mentions, with offsets
 * into the article text. The per-article logic is {@link PlaceResolver}, built once per JVM.
 */
public final class PlaceRecognizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  /** One resolved mention; start/end are character offsets into the article text (end exclusive). */
  public static final StructType PLACE = new StructType()
      .add("sentence_idx", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("surface", DataTypes.StringType)
      .add("place_id", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("country", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("confidence", DataTypes.DoubleType)
      .add("rule", DataTypes.StringType);
  public static final ArrayType PLACES = DataTypes.createArrayType(PLACE, false);

  private final String uid;

  public PlaceRecognizer() {
    this(Identifiable$.MODULE$.randomUID("PlaceRecognizer"));
  }

  public PlaceRecognizer(String uid) {
    this.uid = uid;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    for (String required : new String[] {"sentence", "lang"}) {
      if (!Arrays.asList(schema.fieldNames()).contains(required)) {
        throw new IllegalArgumentException("PlaceRecognizer needs a column '" + required
            + "'; the input has " + Arrays.toString(schema.fieldNames()));
      }
    }
    return schema.add("places", PLACES, false);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    // A UDF over the sentences and the language only: the other columns (the text, the document
    // annotation) stay in Spark's binary rows instead of being converted to Java objects. Marked
    // non-deterministic so that the optimiser evaluates it once per row even when the caller
    // explodes it and reads several fields.
    UDF2<Seq<Row>, String, List<Row>> recognise = PlaceRecognizer::recognise;
    return dataset.toDF().withColumn("places", functions.udf(recognise, PLACES)
        .asNondeterministic().apply(functions.col("sentence"), functions.col("lang")));
  }

  /** The places of one article, from its Spark NLP sentence annotations. */
  private static List<Row> recognise(Seq<Row> annotations, String lang) {
    if (annotations == null || annotations.isEmpty()) {
      return List.of();
    }
    List<Row> sentences = JavaConverters.seqAsJavaList(annotations);
    List<String> texts = new ArrayList<>(sentences.size());
    int[] begins = new int[sentences.size()];
    for (int i = 0; i < begins.length; i++) {
      Row a = sentences.get(i);
      begins[i] = a.getInt(a.fieldIndex("begin"));
      texts.add(a.getString(a.fieldIndex("result")));
    }
    List<Row> places = new ArrayList<>();
    for (PlaceMention m : PlaceResolver.shared().resolve(texts, lang == null ? "und" : lang)) {
      int base = begins[m.sentenceIdx()];
      places.add(RowFactory.create(m.sentenceIdx(), base + m.start(), base + m.end(),
          m.surface(), m.placeId(), m.name(), m.country(), m.kind(), m.confidence(), m.rule()));
    }
    return places;
  }

  @Override
  public Transformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** For {@code PipelineModel.load}: the stage has no parameters beyond its uid. */
  public static MLReader<PlaceRecognizer> read() {
    return new DefaultParamsReadable<PlaceRecognizer>() {}.read();
  }

  public static PlaceRecognizer load(String path) {
    return read().load(path);
  }
}
