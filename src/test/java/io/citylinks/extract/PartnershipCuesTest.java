package io.citylinks.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The partnership prefilter, in every supported language, on sentences of our own. */
class PartnershipCuesTest {
  private static final PartnershipCues CUES = PartnershipCues.shared();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | The two cities became sister cities in 1998.
      tr | Belediye, kardeş şehir protokolünü imzaladı.
      fa | تفاهم‌نامه خواهرخواندگی میان دو شهر امضا شد.
      ar | وقع الجانبان مذكرة تفاهم بين المدينتين.
      zh | 两市正式缔结为友好城市。
      ru | Город-побратим прислал поздравление.
      es | Firmaron un acuerdo de hermanamiento.
      fr | Le jumelage a été signé à la mairie.
      de | Die Städtepartnerschaft wurde 1990 besiegelt.
      pt | As cidades-irmãs renovaram o acordo.
      it | Il gemellaggio è stato firmato ieri.
      tr | Çin'den gelen heyet belediyeyi ziyaret etti.
      ru | Делегация из Пекина прибыла в Казань для обсуждения сотрудничества.
      fa | هیئتی از شهر گوانگژو چین از شیراز بازدید کرد.
      """)
  void partnershipNewsPasses(String lang, String text) {
    assertTrue(CUES.mayReportPartnership(text, lang), text);
  }

  @Test
  void otherMunicipalNewsIsSkipped() {
    assertFalse(CUES.mayReportPartnership("The council repaired the road near the park.", "en"));
    assertFalse(CUES.mayReportPartnership("Belediye yol çalışmalarına başladı.", "tr"));
    assertFalse(CUES.mayReportPartnership("عملیات آسفالت معابر آغاز شد.", "fa"));
    assertFalse(CUES.mayReportPartnership("", "en"));
    assertFalse(CUES.mayReportPartnership(null, "en"));
  }

  @Test
  void aWeakCueNeedsAForeignPlace() {
    // a visit and an agreement at home are not a partnership
    assertFalse(CUES.mayReportPartnership(
        "Vali, Ankara'dan gelen heyetle birlikte İzmir'de bir anlaşma imzaladı.", "tr"));
    assertTrue(CUES.mayReportPartnership(
        "Vali, Harbin'den gelen heyetle birlikte İzmir'de bir anlaşma imzaladı.", "tr"));
  }
}
