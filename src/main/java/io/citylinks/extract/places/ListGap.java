package io.citylinks.extract.places;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What separates two names of one list ("A, B and C", "A (Country), B en C", "A、B和C",
 * "A، B و C"): a comma or the like, or a conjunction of one of the supported languages, with
 * brackets around a skipped country allowed. Used to read listed names as places ({@link PlaceResolver}) and to pair
 * a city with every partner of a list; {@link #coordinates} tells two names of one clause.
 */
public final class ListGap {
  /** Longest text between two listed names. */
  public static final int MAX_LENGTH = 12;

  private static final Pattern GAP = Pattern.compile("^[\\s()]*(?:[,;/、，；・،؛]"
      + "|[,;、，،؛]?\\s*(?:and|or|e|ed|et|ou|und|oder|en|y|i|oraz|lub|и|или|та|і|або|ve|veya"
      + "|ya da|او|یا|및|그리고)\\s|(?:과|와|및)\\s|\\s*(?:和|及|与|與|或|と|や|و))[\\s()]*$");

  /** A conjunction of the supported languages, as a word of its own, or a Han or Hangul one. */
  private static final Pattern CONJUNCTION = Pattern.compile("(?:^|\\s)(?:and|or|with|und|sowie"
      + "|oder|mit|et|ou|avec|y|e|ed|con|com|en|met|i|oraz|lub|и|или|і|та|або|ve|veya|ile)"
      + "(?:\\s|$)|[与與和同及或과와및]");
  private static final Pattern PUNCTUATION = Pattern.compile("[,;:.!?()、，；،؛。]");

  private ListGap() {}

  /**
   * Whether a conjunction, and no punctuation, stands in {@code gap}, the text between two
   * names: the two are coordinated, items of one clause ("Radevormwald in Germany and
   * Châteaubriant", "Antalya Büyükşehir Belediye Başkanı ile Muratpaşa Belediye Başkanı"), not
   * one the other's country or a place of its sentence.
   */
  public static boolean coordinates(CharSequence gap) {
    String g = gap.toString().toLowerCase(Locale.ROOT);
    return !PUNCTUATION.matcher(g).find() && CONJUNCTION.matcher(g).find();
  }

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
