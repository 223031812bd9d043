package io.citylinks.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of the extraction phase ({@code citylinks.extract}); validated on construction.
 *
 * @param sentenceBounds regular expressions of Spark NLP's SentenceDetector (custom bounds only)
 * @param allArticles true ({@code scope = all}): recognise places in every canonical article;
 *     false ({@code scope = candidates}): only in those with a partnership cue
 */
public record ExtractSettings(List<String> sentenceBounds, boolean allArticles)
    implements Serializable {
  public ExtractSettings {
    sentenceBounds = List.copyOf(sentenceBounds);
    if (sentenceBounds.isEmpty()) {
      throw new IllegalArgumentException("citylinks.extract.sentence-bounds must not be empty");
    }
    for (String bound : sentenceBounds) {
      try {
        Pattern.compile(bound);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "citylinks.extract.sentence-bounds: '" + bound + "' is not a regular expression: "
                + e.getDescription());
      }
    }
  }

  /**
   * The sentence bounds as one pattern, for splitting text the way the SentenceDetector does
   * where Spark NLP is not running (the one-core bench, developers' reports).
   */
  public Pattern sentencePattern() {
    return Pattern.compile(sentenceBounds.stream().map(b -> "(?:" + b + ")")
        .collect(Collectors.joining("|")));
  }

  static ExtractSettings from(Config c) {
    String scope = c.getString("scope");
    if (!scope.equals("all") && !scope.equals("candidates")) {
      throw new IllegalArgumentException(
          "citylinks.extract.scope must be candidates or all, got '" + scope + "'");
    }
    return new ExtractSettings(c.getStringList("sentence-bounds"), scope.equals("all"));
  }
}
