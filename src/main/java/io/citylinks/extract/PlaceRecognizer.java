package io.citylinks.extract;

import io.citylinks.extract.places.PlaceMention;
import io.citylinks.extract.places.PlaceResolver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
      if (!java.util.Arrays.asList(schema.fieldNames()).contains(required)) {
        throw new IllegalArgumentException("PlaceRecognizer needs a column '" + required
            + "'; the input has " + java.util.Arrays.toString(schema.fieldNames()));
      }
    }
    return schema.add("places", PLACES, false);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema());
    int sentenceCol = dataset.schema().fieldIndex("sentence");
    int langCol = dataset.schema().fieldIndex("lang");
    MapPartitionsFunction<Row, Row> recognise = rows -> new Iterator<>() {
      private final PlaceResolver resolver = PlaceResolver.shared();

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        List<Row> annotations = row.isNullAt(sentenceCol) ? List.of() : row.getList(sentenceCol);
        List<String> sentences = new ArrayList<>(annotations.size());
        int[] begins = new int[annotations.size()];
        for (int i = 0; i < annotations.size(); i++) {
          Row a = annotations.get(i);
          begins[i] = a.getInt(a.fieldIndex("begin"));
          sentences.add(a.getString(a.fieldIndex("result")));
        }
        List<Row> places = new ArrayList<>();
        String lang = row.isNullAt(langCol) ? "und" : row.getString(langCol);
        for (PlaceMention m : resolver.resolve(sentences, lang)) {
          int base = begins[m.sentenceIdx()];
          places.add(RowFactory.create(m.sentenceIdx(), base + m.start(), base + m.end(),
              m.surface(), m.placeId(), m.name(), m.country(), m.kind(), m.confidence(),
              m.rule()));
        }
        Object[] values = new Object[row.length() + 1];
        for (int i = 0; i < row.length(); i++) {
          values[i] = row.get(i);
        }
        values[row.length()] = scala.collection.JavaConverters.asScalaBuffer(places).toSeq();
        return RowFactory.create(values);
      }
    };
    return dataset.toDF().mapPartitions(recognise, Encoders.row(out));
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
