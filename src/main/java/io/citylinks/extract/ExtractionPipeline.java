package io.citylinks.extract;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import io.citylinks.config.ExtractSettings;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The extraction pipeline: Spark NLP's DocumentAssembler and SentenceDetector (custom bounds only,
 * per SPEC section 1) followed by the project's own stages: places, relation cues, pairing,
 * topics and event years. One Spark ML PipelineModel, so a run
 * can use exactly the model a data engineer saved and validated.
 */
public final class ExtractionPipeline {
  private ExtractionPipeline() {}

  /** Builds (fits) the pipeline over articles with columns article_id, text, lang, year. */
  public static PipelineModel build(Dataset<Row> articles, ExtractSettings settings) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    sentences.setCustomBounds(settings.sentenceBounds().toArray(new String[0]));
    sentences.setUseCustomBoundsOnly(true);
    return new Pipeline()
        .setStages(new PipelineStage[] {document, sentences, new PlaceRecognizer(),
            new RelationCueTagger(), new PartnershipPairer(), new TopicTagger(),
            new EventYearTagger()})
        .fit(articles.limit(0));
  }
}
