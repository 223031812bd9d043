package io.citylinks.bench;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.TextMatcher;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import io.citylinks.config.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The plain Spark NLP pipeline of SPEC section 7 (DocumentAssembler, SentenceDetector, Tokenizer,
 * TextMatcher over a city list): the baseline citylinks' throughput is compared with.
 */
final class SparkNlpBaseline {
  private SparkNlpBaseline() {}

  static PipelineModel build(Dataset<Row> texts, Path workDir) throws IOException {
    Path entities = workDir.resolve("baseline-entities.txt");
    Files.write(entities, DataFiles.readLines("bench/baseline-entities.txt"),
        StandardCharsets.UTF_8);
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"sentence"});
    tokenizer.setOutputCol("token");
    TextMatcher matcher = new TextMatcher();
    matcher.setInputCols(new String[] {"sentence", "token"});
    matcher.setOutputCol("entity");
    matcher.setEntities(entities.toString(), ReadAs.TEXT(), matcher.setEntities$default$3());
    return new Pipeline()
        .setStages(new PipelineStage[] {document, sentences, tokenizer, matcher})
        .fit(texts);
  }
}
