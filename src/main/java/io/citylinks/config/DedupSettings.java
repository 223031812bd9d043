package io.citylinks.config;

import com.typesafe.config.Config;
import java.io.Serializable;

/**
 * Settings of the dedup phase ({@code citylinks.dedup}); validated on construction.
 *
 * @param boilerplateMinPages a line is site boilerplate when it occurs on at least this many
 *     distinct pages (distinct content hashes) of one site…
 * @param boilerplateMinShare …and on at least this share of the site's pages
 * @param nearDuplicates MinHash and verification settings ({@code near-duplicates})
 */
public record DedupSettings(int boilerplateMinPages, double boilerplateMinShare,
    NearDuplicateSettings nearDuplicates) implements Serializable {
  public DedupSettings {
    // Two pages are not enough: a story and its own follow-up share lines that are not a menu.
    if (boilerplateMinPages < 2) {
      throw new IllegalArgumentException(
          "citylinks.dedup.boilerplate-min-pages must be at least 2, got " + boilerplateMinPages);
    }
    if (!(boilerplateMinShare >= 0 && boilerplateMinShare <= 1)) {
      throw new IllegalArgumentException("citylinks.dedup.boilerplate-min-share must be between "
          + "0 and 1, got " + boilerplateMinShare);
    }
  }

  static DedupSettings from(Config c) {
    return new DedupSettings(c.getInt("boilerplate-min-pages"),
        c.getDouble("boilerplate-min-share"),
        NearDuplicateSettings.from(c.getConfig("near-duplicates")));
  }
}
