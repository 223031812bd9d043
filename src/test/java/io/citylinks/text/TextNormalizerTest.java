package io.citylinks.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
