package io.citylinks.extract.places.gazetteer;

import java.util.ArrayList;
import java.util.List;

/**
 * The gender, number and case forms of a country adjective, from its base form, for the
 * languages that inflect adjectives: {@code conf/places/countries.tsv} may list only "argentino"
 * and the news writes "argentinos", "argentinas"; only "marocain" and the news writes
 * "marocains"; only "китайский" and the news writes "китайской"; only "ليبي" and the news writes
 * "الليبية". Regular endings only; an
 * irregular form ("turque") is for the file to list.
 */
final class AdjectiveForms {
  private AdjectiveForms() {}

  /** Forms of {@code base} other than itself (possibly none). Lower-case input expected. */
  static List<String> of(String lang, String base) {
    List<String> out = new ArrayList<>();
    String b = base.strip();
    if (b.isEmpty() || b.indexOf(' ') >= 0) {
      return out;
    }
    switch (lang) {
      case "es" -> spanish(b, out);
      case "pt" -> portuguese(b, out);
      case "it" -> italian(b, out);
      case "fr" -> french(b, out);
      case "de" -> german(b, out);
      case "ru" -> russian(b, out);
      case "ar" -> arabic(b, out);
      default -> { }
    }
    out.remove(b);
    return out;
  }

  private static String cut(String s, int n) {
    return s.substring(0, s.length() - n);
  }

  private static void spanish(String b, List<String> out) {
    if (b.endsWith("o")) {
      String stem = cut(b, 1);
      out.addAll(List.of(stem + "a", stem + "os", stem + "as"));
    } else if (b.endsWith("és") || b.endsWith("án") || b.endsWith("ín")) {
      String stem = cut(b, 2) + plain(b.charAt(b.length() - 2)) + b.charAt(b.length() - 1);
      out.addAll(List.of(stem + "a", stem + "es", stem + "as"));
    } else if (b.endsWith("í")) {
      out.addAll(List.of(b + "es", b + "s"));
    } else if (b.endsWith("e")) {
      out.add(b + "s");
    } else if (b.endsWith("l") || b.endsWith("r") || b.endsWith("n") || b.endsWith("s")) {
      out.addAll(List.of(b + "a", b + "es", b + "as"));
    }
  }

  private static void portuguese(String b, List<String> out) {
    if (b.endsWith("ês")) {
      String stem = cut(b, 2) + "es";
      out.addAll(List.of(stem + "a", stem + "es", stem + "as"));
    } else if (b.endsWith("ão")) {
      String stem = cut(b, 2);
      out.addAll(List.of(stem + "ã", stem + "ãos", stem + "ães", stem + "ãs"));
    } else if (b.endsWith("o")) {
      String stem = cut(b, 1);
      out.addAll(List.of(stem + "a", stem + "os", stem + "as"));
    } else if (b.endsWith("e")) {
      out.add(b + "s");
    } else if (b.endsWith("l")) {
      out.addAll(List.of(cut(b, 1) + "is", b + "a", b + "as"));
    }
  }

  private static void italian(String b, List<String> out) {
    if (b.endsWith("co")) {
      String stem = cut(b, 2);
      out.addAll(List.of(stem + "ca", stem + "chi", stem + "che", stem + "ci"));
    } else if (b.endsWith("o")) {
      String stem = cut(b, 1);
      out.addAll(List.of(stem + "a", stem + "i", stem + "e"));
    } else if (b.endsWith("e")) {
      out.add(cut(b, 1) + "i");
    }
  }

  private static void french(String b, List<String> out) {
    if (b.endsWith("ien")) {
      out.addAll(List.of(b + "ne", b + "s", b + "nes"));
    } else if (b.endsWith("e")) {
      out.add(b + "s");
    } else if (b.endsWith("s")) {
      out.addAll(List.of(b + "e", b + "es"));
    } else if (b.endsWith("x")) {
      out.addAll(List.of(cut(b, 1) + "se", cut(b, 1) + "ses"));
    } else {
      out.addAll(List.of(b + "e", b + "s", b + "es"));
    }
  }

  private static void german(String b, List<String> out) {
    if (b.endsWith("isch")) {
      for (String e : List.of("e", "en", "er", "es", "em")) {
        out.add(b + e);
      }
    }
  }

  private static void russian(String b, List<String> out) {
    String stem;
    if (b.endsWith("ский") || b.endsWith("цкий")) {
      stem = cut(b, 2);
      for (String e : List.of("ая", "ое", "ие", "ого", "ой", "ому", "ом", "ую", "их", "ими",
          "им")) {
        out.add(stem + e);
      }
    } else if (b.endsWith("ый")) {
      stem = cut(b, 2);
      for (String e : List.of("ая", "ое", "ые", "ого", "ой", "ому", "ом", "ую", "ых", "ыми",
          "ым")) {
        out.add(stem + e);
      }
    }
  }

  /** صيني → صينية, الصيني, الصينية. */
  /**
   * The base adjective of a country from its name, for a language whose adjectives are regular
   * enough: Arabic's nisba (النرويج → نرويجي, فنلندا → فنلندي, السعودية → سعودي). Null when the
   * name is of several words, too short, or ends like an adjective already (مالي: also the word
   * for financial).
   */
  static String fromName(String lang, String name) {
    if (!lang.equals("ar")) {
      return null;
    }
    String n = name.strip();
    if (n.indexOf(' ') >= 0) {
      return null;
    }
    if (n.startsWith("ال")) {
      n = n.substring(2);
    }
    if (n.endsWith("ي") || n.length() < 3) {
      return null;
    }
    if (n.endsWith("ية")) {
      n = cut(n, 2);
    } else if (n.endsWith("ا") || n.endsWith("ة")) {
      n = cut(n, 1);
    }
    return n.length() < 3 ? null : n + "ي";
  }

  private static void arabic(String b, List<String> out) {
    if (b.endsWith("ي") && !b.startsWith("ال")) {
      out.addAll(List.of(b + "ة", "ال" + b, "ال" + b + "ة"));
    }
  }

  private static char plain(char c) {
    return switch (c) {
      case 'é' -> 'e';
      case 'á' -> 'a';
      case 'í' -> 'i';
      default -> c;
    };
  }
}
