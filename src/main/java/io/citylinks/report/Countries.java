package io.citylinks.report;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** English names of ISO 3166-1 alpha-2 codes, for tooltips. */
final class Countries {
  private Countries() {}

  /** {@code TR} → {@code TR (Türkiye)} as the JDK's locale data name it; unknown codes as is. */
  static String label(String code) {
    if (code == null || code.length() != 2) {
      return String.valueOf(code);
    }
    String name;
    try {
      name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
    } catch (IllformedLocaleException e) {
      return code;
    }
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : code + " (" + name + ")";
  }
}
