package io.citylinks.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void cleanTextKeepsLinesAndPersianZwnj() {
    assertEquals("Başlık\n\nBirinci satır\nمی\u200Cشود",
        TextNormalizer.cleanText("  Başlık \r\n\r\n\r\n\r\nBirinci\t\t satır \u200B\nمی\u200Cشود  "));
  }

  @Test
  void contentKeyIgnoresCaseSpacingAndPunctuation() {
    assertEquals(TextNormalizer.contentKey("İzmir ile Çin: iş birliği!"),
        TextNormalizer.contentKey("izmir  ile çin iş   birliği"));
  }

  @Test
  void contentKeyIsTheSameAsNfkcLowerCaseAndTheWordCharacters() {
    // Texts of our own in several scripts, and random texts mixing ASCII with letters, marks,
    // digits, symbols, compatibility characters and surrogate pairs: the fast paths of
    // contentKey must give exactly what its definition gives.
    List<String> texts = new ArrayList<>(List.of("",
        "Plain ASCII, with: punctuation -- and 42 digits!",
        "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ ①② ﬁ ligature, ½ and ²",
        "İSTANBUL ile ŞANLIURFA kardeş şehir oldu",
        "ΟΔΥΣΣΕΑΣ στην ΑΘΗΝΑ", "Ёлки-палки, Москва́!",
        "مدينة شيراز وَ أصفهان", "شهر اصفهان\u200Cها", "東京都と大阪市が提携 2024年",
        "서울특별시 부산광역시", "क्षेत्र नगर", "Zürich und Genève\ncafe\u0301",
        "emoji 😀 and 𝐀𝐁𝐂 math letters", "\uD800 lone \uDC00 surrogates"));
    java.util.Random rnd = new java.util.Random(7);
    int[][] blocks = {{0x20, 0x7F}, {0xA0, 0x250}, {0x300, 0x370}, {0x370, 0x500},
        {0x600, 0x700}, {0x900, 0x980}, {0x1E00, 0x1F00}, {0x2000, 0x2200}, {0x3000, 0x3100},
        {0xAC00, 0xAD00}, {0xFB00, 0xFB50}, {0xFF00, 0xFFF0}, {0x1D400, 0x1D500},
        {0x1F600, 0x1F650}};
    for (int t = 0; t < 2000; t++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(40);
      for (int k = 0; k < len; k++) {
        int[] b = rnd.nextInt(3) == 0 ? blocks[0] : blocks[rnd.nextInt(blocks.length)];
        sb.appendCodePoint(b[0] + rnd.nextInt(b[1] - b[0]));
      }
      texts.add(sb.toString());
    }
    for (String text : texts) {
      assertEquals(definition(text), TextNormalizer.contentKey(text), text);
    }
  }

  /** contentKey as its comment defines it, written the plain slow way. */
  private static String definition(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)
          || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(cp);
      } else {
        space = true;
      }
    }
    return out.toString();
  }
}
