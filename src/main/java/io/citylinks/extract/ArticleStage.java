package io.citylinks.extract;

import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * A project stage of the extraction pipeline: a UDF over some columns of each article (its Spark
 * NLP sentences, language, places...) that adds or replaces one column. The UDF reads only the
 * columns it needs, so the text and the other annotations stay in Spark's binary rows; it is
 * marked non-deterministic so that the optimiser evaluates it once per row even when a later
 * select reads several of its fields. The stages have no parameters beyond their uid, so a saved
 * pipeline loads with {@code PipelineModel.load} through the one {@link #read()}.
 */
public abstract class ArticleStage extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;

  protected ArticleStage(String uid) {
    this.uid = uid;
  }

  @Override
  public final String uid() {
    return uid;
  }

  /** The columns the stage reads. */
  protected abstract String[] inputCols();

  /** The column it writes. */
  protected abstract String outputCol();

  protected abstract DataType outputType();

  /** The value of the output column, computed from {@link #inputCols()}. */
  protected abstract Column compute();

  @Override
  public StructType transformSchema(StructType schema) {
    for (String required : inputCols()) {
      if (!Arrays.asList(schema.fieldNames()).contains(required)) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " needs a column '"
            + required + "'; the input has " + Arrays.toString(schema.fieldNames()));
      }
    }
    StructType out = new StructType();
    for (var f : schema.fields()) {
      if (!f.name().equals(outputCol())) {
        out = out.add(f);
      }
    }
    return out.add(outputCol(), outputType(), false);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    return dataset.toDF().withColumn(outputCol(), compute());
  }

  @Override
  public Transformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * For {@code PipelineModel.load}, which calls the stage class's static {@code read()}: Spark's
   * reader builds the class named in the saved metadata with its uid, so one reader serves every
   * stage.
   */
  public static MLReader<ArticleStage> read() {
    return new DefaultParamsReadable<ArticleStage>() {}.read();
  }
}
