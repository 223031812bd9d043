package io.citylinks.eval;

import io.citylinks.eval.GoldScorer.Found;
import io.citylinks.eval.GoldScorer.GoldDoc;
import io.citylinks.extract.partnership.ConfidenceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fits {@code conf/extract/confidence-model.tsv}: runs partnership extraction on labelled sets
 * of text pages ({@link DevPartnershipReport#extract}), labels each extracted pair right or
 * wrong against the gold file, and fits Spark MLlib's logistic regression on the pairs' features
 * ({@link ConfidenceModel#FEATURES}). Usage: {@code ConfidenceModelFitter OUT DOCS GOLD [DOCS
 * GOLD ...]}. Never give it a held-out set: what it is fitted on is no longer a measure.
 */
public final class ConfidenceModelFitter {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    List<Row> rows = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      Path docs = Path.of(args[i]);
      List<GoldDoc> gold = GoldScorer.readGold(Path.of(args[i + 1]));
      int before = rows.size();
      for (GoldDoc g : gold) {
        Path doc = docs.resolve(g.id() + ".txt");
        if (Files.isRegularFile(doc)) {
          rows.addAll(examples(Files.readString(doc), g));
        }
      }
      sets.add(docs + " (" + gold.size() + " pages, " + (rows.size() - before) + " pairs)");
    }
    long right = rows.stream().filter(r -> r.getDouble(0) > 0).count();
    SparkSession spark = SparkSession.builder().master("local[1]").appName("confidence-fit")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      StructType schema = new StructType().add("label", DataTypes.DoubleType)
          .add("features", SQLDataTypes.VectorType());
      Dataset<Row> data = spark.createDataFrame(rows, schema);
      // the L2 strength is chosen by 5-fold cross-validation on log loss, so the weights are the
      // ones whose probabilities hold best on pairs they were not fitted on
      LogisticRegression lr = new LogisticRegression().setElasticNetParam(0).setMaxIter(200);
      ParamMap[] grid = new ParamGridBuilder()
          .addGrid(lr.regParam(), new double[] {0.001, 0.01, 0.03, 0.1, 0.3, 1.0}).build();
      CrossValidatorModel cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(grid)
          .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("logLoss"))
          .setNumFolds(5).setSeed(42)
          .fit(data);
      LogisticRegressionModel model = (LogisticRegressionModel) cv.bestModel();
      double regParam = model.getRegParam();
      double[] logLoss = cv.avgMetrics(); // log loss per candidate
      double[] coefficients = model.coefficients().toArray();
      double[] w = new double[coefficients.length + 1];
      w[0] = model.intercept();
      System.arraycopy(coefficients, 0, w, 1, coefficients.length);
      String header = "# Weights of the partnership confidence model "
          + "(io.citylinks.extract.partnership.ConfidenceModel):\n"
          + "# confidence = 1 / (1 + exp(-sum(weight * feature))). Written by the test-scope tool\n"
          + "# io.citylinks.eval.ConfidenceModelFitter (Spark MLlib logistic regression, L2 "
          + regParam + " chosen by 5-fold cross-validation, log loss " + String.format(Locale.ROOT,
              "%.3f", Arrays.stream(logLoss).min().orElse(Double.NaN)) + ")\n"
          + "# from the extracted pairs of labelled pages, each right or wrong by its labels:\n"
          + sets.stream().map(s -> "#   " + s + "\n").reduce("", String::concat)
          + String.format(Locale.ROOT, "# %d pairs, %d right. Rerun it after changing extraction.%n",
              rows.size(), right)
          + "# min_confidence: pairs below it are not reported (kept from the file, set by hand).\n"
          + "# columns: feature<TAB>weight\n";
      double floor = Files.exists(out) ? ConfidenceModel.shared().minConfidence() : 0;
      Files.writeString(out, ConfidenceModel.format(w, floor, header));
      System.out.print(ConfidenceModel.format(w, floor, header));
    } finally {
      spark.stop();
    }
  }

  /** Each extracted pair of a page: label 1 when the page's labels have it, with its features. */
  static List<Row> examples(String page, GoldDoc gold) {
    List<double[]> features = new ArrayList<>();
    List<Found> found = DevPartnershipReport.extract(page, gold.lang(), null, features);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      boolean right = gold.partnerships().stream()
          .anyMatch(g -> GoldScorer.samePair(g, f, GazetteerNames.shared()));
      // the first entry is the intercept's constant 1: MLlib fits its own intercept
      double[] x = Arrays.copyOfRange(features.get(i), 1, features.get(i).length);
      out.add(RowFactory.create(right ? 1.0 : 0.0, Vectors.dense(x)));
    }
    return out;
  }

  private ConfidenceModelFitter() {}
}
