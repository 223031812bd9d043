package io.citylinks.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Settings of the extraction phase ({@code citylinks.extract}); validated on construction. */
public record ExtractSettings(List<String> sentenceBounds) implements Serializable {
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

  static ExtractSettings from(Config c) {
    return new ExtractSettings(c.getStringList("sentence-bounds"));
  }
}
