package io.citylinks.report;

import io.citylinks.report.ReportData.CityPair;
import io.citylinks.report.ReportData.CountryPairCount;
import io.citylinks.report.ReportData.Evidence;
import io.citylinks.report.ReportData.Source;
import io.citylinks.report.ReportData.Totals;
import io.citylinks.report.ReportData.TopicYearCount;
import io.citylinks.report.ReportData.TypeCount;
import io.citylinks.report.ReportData.YearTypeCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Report data written by hand, for the tests that need no warehouse. */
final class SampleReport {
  private SampleReport() {}

  static final String SCRIPT_EVIDENCE =
      "Mayor said <script>alert('x')</script> & \"friends\" signed the protocol.";

  static final Source SOURCE = new Source("/data/warehouse", "citylinks",
      "0f8c1d2e-0000-4000-8000-000000000001", "succeeded",
      Instant.parse("2025-03-04T05:06:07Z"));

  static ReportData data() {
    List<CountryPairCount> pairs = List.of(
        new CountryPairCount("AZ", "TR", 7), new CountryPairCount("CN", "TR", 4),
        new CountryPairCount("DE", "TR", 12), new CountryPairCount("IR", "TR", 3),
        new CountryPairCount("CN", "IR", 2), new CountryPairCount("DE", "FR", 9),
        new CountryPairCount("FR", "FR", 1), new CountryPairCount("RU", "TR", 5),
        new CountryPairCount("CN", "RU", 6), new CountryPairCount("DE", "PL", 2),
        new CountryPairCount("IR", "RU", 1), new CountryPairCount("AZ", "IR", 2));
    List<YearTypeCount> years = new ArrayList<>();
    String[] types = {"twinning", "agreement", "visit", "conference"};
    for (int y = 2014; y <= 2024; y++) {
      for (int t = 0; t < types.length; t++) {
        int v = (y * 7 + t * 3) % 5;
        if (v > 0) {
          years.add(new YearTypeCount(y, types[t], v));
        }
      }
    }
    years.add(new YearTypeCount(null, "visit", 3));
    years.add(new YearTypeCount(null, "twinning", 1));
    List<TopicYearCount> topics = new ArrayList<>();
    String[] names = {"culture", "education", "general", "tourism", "transport", "trade",
        "smart_city"};
    for (int i = 0; i < names.length; i++) {
      for (int y = 2016; y <= 2024; y++) {
        int v = (y + i * 5) % 6;
        if (v > 0) {
          topics.add(new TopicYearCount(names[i], y, v));
        }
      }
    }
    topics.add(new TopicYearCount("general", null, 2));
    List<CityPair> cities = List.of(
        new CityPair("Bursa", "TR", "Darmstadt", "DE", 4, 9,
            List.of(new TypeCount("twinning", 3), new TypeCount("visit", 1)), 2016, 2023,
            List.of(new Evidence(SCRIPT_EVIDENCE, "en", "news.example.org", "2023-05-01"),
                new Evidence("Bursa ve Darmstadt kardeş şehir protokolü imzaladı.", "tr",
                    "haber.example.tr", "2016-02-10"))),
        new CityPair("Tabriz", "IR", "İstanbul", "TR", 3, 5,
            List.of(new TypeCount("agreement", 2), new TypeCount("conference", 1)), null, null,
            List.of(new Evidence("شهرداری تبریز و استانبول تفاهم‌نامه همکاری امضا کردند.", "fa",
                "shahr.example.ir", null))),
        new CityPair("Xi’an", "CN", "Kazan", "RU", 2, 2, List.of(new TypeCount("visit", 2)),
            2019, 2019, List.of()));
    return new ReportData(SOURCE, new Totals(1234, 1100, 60, 75, 2), pairs, years, topics,
        cities);
  }

  static ReportData empty() {
    return new ReportData(new Source("/tmp/empty", "citylinks", null, null, null),
        new Totals(0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of());
  }
}
