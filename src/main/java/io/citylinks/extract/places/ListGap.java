package io.citylinks.extract.places;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What separates two names of one list ("A, B and C", "A (Country), B en C", "A、B和C",
 * "A، B و C"): a comma or the like, or a conjunction of one of the supported languages, with
 * brackets around a skipped country allowed. Used to read listed names as places ({@link PlaceResolver}) and to pair
 * a city with every partner of a list.
 */
public final class ListGap {
  /** Longest text between two listed names. */
  public static final int MAX_LENGTH = 12;

  private static final Pattern GAP = Pattern.compile("^[\\s()]*(?:[,;/、，；・،؛]"
      + "|[,;、，،؛]?\\s*(?:and|or|e|ed|et|ou|und|oder|en|y|i|oraz|lub|и|или|та|і|або|ve|veya"
      + "|ya da|او|یا|및|그리고)\\s|(?:과|와|및)\\s|\\s*(?:和|及|与|與|或|と|や|و))[\\s()]*$");

  private ListGap() {}

  /** A bracketed aside after a listed name: its country, state or year ("Rendsburg (Niemcy), "). */
  private static final Pattern ASIDE = Pattern.compile("\\([^()]{1,30}\\)");

  /**
   * Whether {@code gap}, the text between two names, only separates them as list items; a
   * bracketed aside in it ("Rendsburg (Niemcy), Wołkowysk") is skipped.
   */
  public static boolean separates(CharSequence gap) {
    String g = gap.toString();
    if (g.indexOf('(') >= 0) {
      g = ASIDE.matcher(g).replaceAll("");
    }
    return g.length() <= MAX_LENGTH && GAP.matcher(g.toLowerCase(Locale.ROOT)).matches();
  }
}
