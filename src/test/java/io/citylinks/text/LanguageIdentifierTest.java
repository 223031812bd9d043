package io.citylinks.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Script first, then a vote over function words, then lingua for close Latin calls. */
class LanguageIdentifierTest {
  static final LanguageIdentifier ID = new LanguageIdentifier(
      List.of("tr", "fa", "ar", "zh", "ru", "en", "es", "fr", "de", "pt", "it", "ja", "ko", "uk",
          "pl", "nl"));

  @Test
  void oneSentenceInEachLanguage() {
    assertEquals("tr", ID.identify("Belediye başkanı, kardeş şehir heyetini makamında ağırladı."));
    assertEquals("fa", ID.identify("شهردار گرگان با هیئت چینی دیدار کرد و درباره همکاری گفتگو شد."));
    assertEquals("ar", ID.identify("استقبل رئيس البلدية وفداً من المدينة الصديقة لبحث التعاون."));
    assertEquals("zh", ID.identify("市长会见了来自友好城市的代表团，双方就合作进行了交流。"));
    assertEquals("ja", ID.identify("市長は姉妹都市の代表団と会談しました。"));
    assertEquals("ko", ID.identify("시장은 자매도시 대표단을 만났다."));
    assertEquals("ru", ID.identify("Мэр города встретился с делегацией города-побратима."));
    assertEquals("uk", ID.identify("Міський голова зустрівся з делегацією міста-побратима."));
    assertEquals("en", ID.identify("The mayor met the delegation from the sister city and they "
        + "discussed cooperation in tourism."));
    assertEquals("es", ID.identify("El alcalde recibió a la delegación de la ciudad hermana para "
        + "hablar de la cooperación en turismo."));
    assertEquals("fr", ID.identify("Le maire a reçu la délégation de la ville jumelle pour parler "
        + "de la coopération dans le tourisme."));
    assertEquals("de", ID.identify("Der Bürgermeister empfing die Delegation der Partnerstadt, "
        + "um über die Zusammenarbeit im Tourismus zu sprechen."));
    assertEquals("pt", ID.identify("O prefeito recebeu a delegação da cidade irmã para falar da "
        + "cooperação no turismo."));
    assertEquals("it", ID.identify("Il sindaco ha ricevuto la delegazione della città gemellata "
        + "per parlare della cooperazione nel turismo."));
    assertEquals("pl", ID.identify("Burmistrz przyjął delegację miasta partnerskiego, aby rozmawiać "
        + "o współpracy w turystyce."));
    assertEquals("nl", ID.identify("De burgemeester ontving de delegatie van de zusterstad om over "
        + "samenwerking in het toerisme te praten."));
    assertEquals("uk", ID.identify("Міський голова прийняв делегацію міста-побратима, щоб обговорити "
        + "співпрацю в туризмі."));
    assertEquals("ja", ID.identify("市長は姉妹都市の訪問団を迎え、観光分野での協力について話し合った。"));
    assertEquals("ko", ID.identify("시장은 자매도시 대표단을 맞이하여 관광 분야 협력을 논의했다."));
    assertEquals("und", ID.identify("12345 !!! ---"));
  }

  @Test
  void realPagesMostlyRight() throws Exception {
    Path dir = Paths.get(System.getProperty("citylinks.shared", "../shared"), "dev", "real");
    assumeTrue(Files.isDirectory(dir), "../shared/dev/real is absent");
    ObjectMapper json = new ObjectMapper();
    int total = 0;
    int right = 0;
    for (String line : Files.readAllLines(dir.resolve("gold.jsonl"))) {
      var gold = json.readTree(line);
      Path doc = dir.resolve("docs").resolve(gold.get("id").asText() + ".txt");
      total++;
      if (gold.get("lang").asText().equals(ID.identify(Files.readString(doc)))) {
        right++;
      }
    }
    assertTrue(right >= total - 2, right + " of " + total);
  }
}
