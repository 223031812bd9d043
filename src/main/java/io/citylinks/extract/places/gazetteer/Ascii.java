package io.citylinks.extract.places.gazetteer;

import java.text.Normalizer;

/** Case-preserving ASCII folding of Latin names, for the asciiName of non-GeoNames entries. */
public final class Ascii {
  private Ascii() {}

  /** "Keçiören" → "Kecioren", "Beyoğlu" → "Beyoglu", "İskele" → "Iskele". */
  public static String fold(String name) {
    String d = Normalizer.normalize(name.replace('ı', 'i').replace("ß", "ss"), Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      sb.append(switch (c) {
        case 'ø' -> 'o';
        case 'Ø' -> 'O';
        case 'ł' -> 'l';
        case 'Ł' -> 'L';
        case 'đ' -> 'd';
        case 'Đ' -> 'D';
        case '’', 'ʼ' -> '\'';
        default -> c;
      });
    }
    return sb.toString();
  }
}
