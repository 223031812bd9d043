package io.citylinks.extract.places.gazetteer;

import static io.citylinks.extract.places.gazetteer.SurfaceNormalizer.normalize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.extract.places.gazetteer.SurfaceNormalizer.Normalized;
import org.junit.jupiter.api.Test;

/** The normaliser's folding rules, one script at a time. */
class SurfaceNormalizerTest {

  @Test
  void turkishDottedAndDotlessIFoldToI() {
    assertEquals("izmir", normalize("İzmir"));
    assertEquals("izmir", normalize("IZMIR"));
    assertEquals("izmir", normalize("İZMİR"));
    assertEquals("diyarbakir", normalize("Diyarbakır"));
    assertEquals("kecioren", normalize("Keçiören"));
    assertEquals("beyoglu", normalize("BEYOĞLU"));
    assertEquals("cin'den", normalize("Çin’den"));
  }

  @Test
  void latinDiacriticsFoldAndSharpSExpands() {
    assertEquals("bucuresti", normalize("București"));
    assertEquals("bucuresti", normalize("Bucureşti"));
    assertEquals("sao paulo", normalize("São  Paulo"));
    assertEquals("munchen", normalize("München"));
    assertEquals("gross-gerau", normalize("Groß–Gerau"));
    assertEquals("xi'an", normalize("Xi’an"));
    assertEquals("xi'an", normalize("Xī'ān"));
    assertEquals("oita", normalize("Ōita"));
  }

  @Test
  void cyrillicKeepsShortIButFoldsYo() {
    assertEquals("москва", normalize("МОСКВА"));
    assertEquals("йошкар-ола", normalize("Йошкар-Ола"));
    assertEquals("королев", normalize("Королёв"));
  }

  @Test
  void arabicAndPersianLettersAreUnified() {
    // Arabic yeh and kaf become their Persian forms, so both spellings share a key.
    assertEquals(normalize("تبریز"), normalize("تبريز"));
    assertEquals(normalize("کرمان"), normalize("كرمان"));
    // hamza-carrying alefs, harakat and tatweel
    assertEquals(normalize("اصفهان"), normalize("أصفهان"));
    assertEquals(normalize("تهران"), normalize("تِهران"));
    assertEquals(normalize("بغداد"), normalize("بغـــداد"));
    // teh marbuta: Bursa is spelt بورصة and بورصه
    assertEquals(normalize("بورصه"), normalize("بورصة"));
    // the zero-width non-joiner is dropped: scraped Persian often loses it
    assertEquals(normalize("بینالمللی"), normalize("بین\u200cالمللی"));
    assertEquals("گوانگژو", normalize("گوانگ\u200cژو"));
    assertEquals("2024", normalize("۲۰۲۴"));
    assertEquals("2024", normalize("٢٠٢٤"));
  }

  @Test
  void hanIsFoldedToSimplifiedAndFullWidthToAscii() {
    assertEquals("广州", normalize("廣州"));
    assertEquals("叶卡捷琳堡", normalize("葉卡捷琳堡"));
    assertEquals("成都市", normalize("成都市"));
    assertEquals("abc 1", normalize("ＡＢＣ\u30001"));
  }

  @Test
  void offsetsPointBackIntoTheInput() {
    String input = "Dün İzmir\u2019e geldi, بین\u200cالمللی";
    Normalized n = SurfaceNormalizer.normalizeText(input);
    assertEquals("dün izmir'e geldi, بینالمللی".replace("ü", "u"), n.text());
    int at = n.text().indexOf("izmir");
    int[] range = n.sourceRange(at, at + "izmir".length());
    assertEquals("İzmir", input.substring(range[0], range[1]));
    int fa = n.text().indexOf("بینالمللی");
    int[] faRange = n.sourceRange(fa, fa + "بینالمللی".length());
    assertEquals("بین\u200cالمللی", input.substring(faRange[0], faRange[1]));
    assertArrayEquals(new int[] {0, 3}, n.sourceRange(0, 3));
  }
}
