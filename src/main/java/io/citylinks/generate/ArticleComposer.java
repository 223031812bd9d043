package io.citylinks.generate;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import io.citylinks.generate.SyntheticArticle.Partnership;
import io.citylinks.generate.Vocabulary.City;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Composes record {@code i} of an archive as a pure function of (seed, i), so shards can be
 * written in parallel and the same options always give the same bytes. Copies are derived from an
 * earlier original record, rebuilt from its own index.
 */
final class ArticleComposer {
  private static final String[] TYPES = {"twinning", "agreement", "visit", "conference"};
  /** Outlets per language; each outlet belongs to one local city and has its own site chrome. */
  private static final int OUTLETS_PER_LANGUAGE = 12;
  private static final long FIRST_DAY = LocalDate.of(2015, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2025, 12, 31).toEpochDay();

  private final Vocabulary vocab;
  private final GeneratorOptions options;

  ArticleComposer(Vocabulary vocab, GeneratorOptions options) {
    this.vocab = vocab;
    this.options = options;
  }

  private SplittableRandom random(long index, long salt) {
    return new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + index * 31 + salt);
  }

  static String id(long index) {
    return String.format("gen-%08d", index);
  }

  /** What record {@code index} is: an original or a copy of an earlier one. */
  private String copyKind(long index) {
    if (index == 0) {
      return null;
    }
    double r = random(index, 1).nextDouble();
    if (r < options.exactDupShare()) {
      return "exact";
    }
    if (r < options.exactDupShare() + options.nearDupShare()) {
      return "near";
    }
    if (r < options.exactDupShare() + options.nearDupShare() + options.rewordedShare()) {
      return "reworded";
    }
    return null;
  }

  /** The record as it goes into the archive. */
  SyntheticArticle record(long index) {
    String kind = copyKind(index);
    if (kind == null) {
      return original(index);
    }
    SplittableRandom rnd = random(index, 2);
    long j = rnd.nextLong(index);
    while (j > 0 && copyKind(j) != null) {
      j--; // copy an original, so dup_of always names the text's first appearance
    }
    SyntheticArticle source = original(j);
    if (kind.equals("reworded") && source.partnership() == null) {
      return original(index); // only partnership news is reworded by other outlets
    }
    return switch (kind) {
      case "exact" -> exactCopy(index, source, rnd);
      case "near" -> nearCopy(index, source, rnd);
      default -> reworded(index, source, rnd);
    };
  }

  private SyntheticArticle original(long index) {
    SplittableRandom rnd = random(index, 3);
    String lang = Vocabulary.LANGUAGES.get(rnd.nextInt(Vocabulary.LANGUAGES.size()));
    int outlet = rnd.nextInt(OUTLETS_PER_LANGUAGE);
    City local = localCity(lang, outlet);
    LocalDate date = LocalDate.ofEpochDay(FIRST_DAY + rnd.nextLong(LAST_DAY - FIRST_DAY + 1));
    boolean partnership = rnd.nextDouble() < options.partnershipShare();
    City foreign = foreignCity(local, rnd);
    String type = TYPES[rnd.nextInt(TYPES.length)];
    List<String> topics = pickTopics(rnd);
    return compose(index, lang, outlet, local, foreign, partnership ? type : null, topics, date,
        rnd, null, null);
  }

  private SyntheticArticle compose(long index, String lang, int outlet, City local, City foreign,
      String type, List<String> topics, LocalDate date, SplittableRandom rnd, String dupOf,
      String eventOf) {
    Map<String, String> slots = new java.util.HashMap<>();
    slots.put("local", local.names().get(lang));
    slots.put("foreign", foreign.names().get(lang));
    slots.put("local_country", vocab.countryNames.get(local.country()).get(lang));
    slots.put("foreign_country", vocab.countryNames.get(foreign.country()).get(lang));
    String and = " " + pick(vocab.templates(lang, "and"), rnd) + " ";
    List<String> topicWords = new ArrayList<>();
    for (String t : topics) {
      topicWords.add(vocab.topicNames.get(t).get(lang));
    }
    slots.put("topics", unspaced(lang) ? String.join("、", topicWords)
        : String.join(and, topicWords));
    slots.put("trap_year", String.valueOf(date.getYear() - 2 - rnd.nextInt(9)));
    slots.put("date", formatDate(lang, date, rnd));

    String kind = type == null ? "negative" : type;
    String title = fill(pick(vocab.templates(lang, "title." + kind), rnd), slots);
    List<String> paragraphs = new ArrayList<>();
    boolean dateInText = rnd.nextDouble() < 0.6;
    if (dateInText) {
      paragraphs.add(fill(pick(vocab.templates(lang, "dateline"), rnd), slots));
    }
    paragraphs.add(fill(pick(vocab.templates(lang, "lead." + kind), rnd), slots));
    if (type != null) {
      paragraphs.add(fill(pick(vocab.templates(lang, "topics"), rnd), slots));
      if (rnd.nextDouble() < 0.15) {
        paragraphs.add(fill(pick(vocab.templates(lang, "trap"), rnd), slots));
      }
    }
    // Four paragraphs of the article's own among two stock ones: the stories of one outlet share
    // a few set phrases (which the site-boilerplate step may then remove), not most of their
    // text. A copy cut short loses the last paragraph, so that is one of the article's own.
    List<String> fillers = new ArrayList<>(vocab.templates(lang, "filler"));
    shuffle(fillers, rnd);
    paragraphs.add(detail(lang, rnd));
    paragraphs.add(fill(fillers.get(0), slots));
    paragraphs.add(detail(lang, rnd));
    paragraphs.add(detail(lang, rnd));
    paragraphs.add(fill(fillers.get(1), slots));
    paragraphs.add(detail(lang, rnd));
    List<String> chrome = vocab.templates(lang, "boilerplate");
    String domain = domain(lang, outlet);
    SplittableRandom site = new SplittableRandom(domain.hashCode());
    List<String> top = List.of(chrome.get(site.nextInt(chrome.size())));
    List<String> bottom = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      bottom.add(chrome.get(site.nextInt(chrome.size())));
    }
    Partnership p = type == null ? null : partnership(local, foreign, type, topics, date);
    String id = id(index);
    return new SyntheticArticle(id, lang, domain, url(domain, date, index), title, paragraphs,
        top, bottom, date, rnd.nextDouble() < 0.7 || !dateInText, p,
        p == null ? null : "event-" + (eventOf == null ? id : eventOf), dupOf, null);
  }

  private SyntheticArticle exactCopy(long index, SyntheticArticle s, SplittableRandom rnd) {
    // The same page scraped again: same outlet, same text, the URL with a tracking parameter.
    return new SyntheticArticle(id(index), s.lang(), s.domain(), s.url() + "?utm_source=feed"
        + rnd.nextInt(100), s.title(), s.paragraphs(), s.boilerplateTop(), s.boilerplateBottom(),
        s.date(), s.dateInMetadata(), s.partnership(), s.eventId(), s.id(), "exact");
  }

  private SyntheticArticle nearCopy(long index, SyntheticArticle s, SplittableRandom rnd) {
    // Another outlet runs the same text: its own chrome, a ticker in the title, maybe cut short.
    int outlet = rnd.nextInt(OUTLETS_PER_LANGUAGE);
    String domain = "mirror-" + domain(s.lang(), outlet);
    List<String> chrome = vocab.templates(s.lang(), "boilerplate");
    List<String> paragraphs = new ArrayList<>(s.paragraphs());
    if (paragraphs.size() > 4 && rnd.nextBoolean()) {
      paragraphs.remove(paragraphs.size() - 1);
    }
    return new SyntheticArticle(id(index), s.lang(), domain, url(domain, s.date(), index),
        s.title() + " | " + domain, paragraphs,
        List.of(chrome.get(rnd.nextInt(chrome.size()))),
        List.of(chrome.get(rnd.nextInt(chrome.size()))), s.date(), s.dateInMetadata(),
        s.partnership(), s.eventId(), s.id(), "near");
  }

  private SyntheticArticle reworded(long index, SyntheticArticle s, SplittableRandom rnd) {
    // Another outlet, maybe in another language, reports the same event in its own words.
    Partnership p = s.partnership();
    String lang = Vocabulary.LANGUAGES.get(rnd.nextInt(Vocabulary.LANGUAGES.size()));
    City local = city(p.idA() == localOf(s).geonameId() ? p.idA() : p.idB());
    City foreign = city(local.geonameId() == p.idA() ? p.idB() : p.idA());
    SyntheticArticle r = compose(index, lang, rnd.nextInt(OUTLETS_PER_LANGUAGE), local, foreign,
        p.type(), p.topics(), s.date().plusDays(rnd.nextInt(3)), rnd, s.id(),
        s.eventId().substring("event-".length()));
    Partnership kept = new Partnership(p.cityA(), p.idA(), p.countryA(), p.cityB(), p.idB(),
        p.countryB(), p.type(), p.topics(), p.year());
    return new SyntheticArticle(r.id(), r.lang(), "other-" + r.domain(), r.url(), r.title(),
        r.paragraphs(), r.boilerplateTop(), r.boilerplateBottom(), r.date(), r.dateInMetadata(),
        kept, s.eventId(), s.id(), "reworded");
  }

  private City localOf(SyntheticArticle s) {
    String name = s.domain();
    int outlet = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.indexOf('.')));
    return localCity(s.lang(), outlet);
  }

  private City city(long geonameId) {
    for (City c : vocab.cities) {
      if (c.geonameId() == geonameId) {
        return c;
      }
    }
    throw new IllegalStateException("no city " + geonameId);
  }

  /** Outlets of a language sit in the countries that language is the news language of. */
  private City localCity(String lang, int outlet) {
    List<String> countries = switch (lang) {
      case "tr" -> List.of("TR");
      case "fa" -> List.of("IR");
      case "ar" -> List.of("EG", "JO", "AE");
      case "zh" -> List.of("CN");
      case "ru" -> List.of("RU");
      case "es" -> List.of("ES");
      case "fr" -> List.of("FR");
      case "de" -> List.of("DE");
      case "pt" -> List.of("PT");
      case "it" -> List.of("IT");
      case "ja" -> List.of("JP");
      case "ko" -> List.of("KR");
      case "uk" -> List.of("UA");
      case "pl" -> List.of("PL");
      case "nl" -> List.of("NL");
      default -> List.of("GB", "NL", "DE", "FR", "ES", "IT", "RO", "KR", "JP");
    };
    List<City> candidates = vocab.cities.stream()
        .filter(c -> countries.contains(c.country())).toList();
    return candidates.get(outlet % candidates.size());
  }

  private City foreignCity(City local, SplittableRandom rnd) {
    List<City> others = vocab.cities.stream()
        .filter(c -> !c.country().equals(local.country())).toList();
    return others.get(rnd.nextInt(others.size()));
  }

  private List<String> pickTopics(SplittableRandom rnd) {
    List<String> all = new ArrayList<>(vocab.topicNames.keySet());
    shuffle(all, rnd);
    List<String> picked = new ArrayList<>(all.subList(0, 1 + rnd.nextInt(3)));
    picked.sort(Comparator.naturalOrder());
    return picked;
  }

  private static Partnership partnership(City local, City foreign, String type,
      List<String> topics, LocalDate date) {
    City a = local;
    City b = foreign;
    if (a.country().compareTo(b.country()) > 0
        || (a.country().equals(b.country()) && a.name().compareTo(b.name()) > 0)) {
      a = foreign;
      b = local;
    }
    return new Partnership(a.name(), a.geonameId(), a.country(), b.name(), b.geonameId(),
        b.country(), type, topics, date.getYear());
  }

  static String domain(String lang, int outlet) {
    return "news-" + lang + "-" + outlet + ".example";
  }

  private static String url(String domain, LocalDate date, long index) {
    return "https://" + domain + "/news/" + index;
  }

  /** The date as the language's news sites print it (Persian in Solar Hijri, its own digits). */
  private static String formatDate(String lang, LocalDate d, SplittableRandom rnd) {
    String hhmm = String.format("%02d:%02d", 8 + rnd.nextInt(10), rnd.nextInt(60));
    return switch (lang) {
      case "tr" -> String.format("%02d.%02d.%d %s", d.getDayOfMonth(), d.getMonthValue(),
          d.getYear(), hhmm);
      case "fa" -> digits(solarHijri(d), '۰');
      case "ar" -> digits(String.format("%d/%02d/%02d", d.getYear(), d.getMonthValue(),
          d.getDayOfMonth()), '٠');
      case "zh" -> String.format("%d-%02d-%02d %s", d.getYear(), d.getMonthValue(),
          d.getDayOfMonth(), hhmm);
      case "ru", "de", "uk" -> String.format("%02d.%02d.%d", d.getDayOfMonth(),
          d.getMonthValue(), d.getYear());
      case "pl" -> String.format("%02d.%02d.%d, %s", d.getDayOfMonth(), d.getMonthValue(),
          d.getYear(), hhmm);
      case "es", "fr", "it" -> String.format("%02d/%02d/%d", d.getDayOfMonth(),
          d.getMonthValue(), d.getYear());
      case "pt" -> String.format("%02d/%02d/%d %s", d.getDayOfMonth(), d.getMonthValue(),
          d.getYear(), hhmm);
      case "nl" -> String.format("%02d-%02d-%d", d.getDayOfMonth(), d.getMonthValue(),
          d.getYear());
      case "ja" -> String.format("%d年%d月%d日 %s", d.getYear(), d.getMonthValue(),
          d.getDayOfMonth(), hhmm);
      case "ko" -> String.format("%d.%02d.%02d %s", d.getYear(), d.getMonthValue(),
          d.getDayOfMonth(), hhmm);
      default -> d.toString();
    };
  }

  private static String solarHijri(LocalDate d) {
    PersianCalendar cal = new PersianCalendar(TimeZone.GMT_ZONE);
    cal.setTimeInMillis(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    return String.format("%d/%02d/%02d", cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1,
        cal.get(Calendar.DAY_OF_MONTH));
  }

  /** ASCII digits written with another script's zero, e.g. '۰' (Persian) or '٠' (Arabic-Indic). */
  private static String digits(String s, char zero) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
    }
    return sb.toString();
  }

  private static String fill(String template, Map<String, String> slots) {
    StringBuilder sb = new StringBuilder(template.length() + 64);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        sb.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      String value = close < 0 ? null : slots.get(template.substring(open + 1, close));
      if (value == null) {
        throw new IllegalArgumentException("generator template has an unknown slot: " + template);
      }
      sb.append(template, i, open).append(value);
      i = close + 1;
    }
    return sb.toString();
  }

  /** A paragraph of 30 to 45 words in sentences of 6 to 14, with a figure or two. */
  private String detail(String lang, SplittableRandom rnd) {
    List<String> words = vocab.detailWords(lang);
    boolean zh = unspaced(lang);
    StringBuilder sb = new StringBuilder();
    int n = 30 + rnd.nextInt(16);
    int sentence = 6 + rnd.nextInt(9);
    for (int i = 0; i < n; i++) {
      if (i > 0 && !zh) {
        sb.append(' ');
      }
      sb.append(rnd.nextInt(12) == 0 ? String.valueOf(2 + rnd.nextInt(990)) : pick(words, rnd));
      if (--sentence == 0 || i == n - 1) {
        sb.append(zh ? "。" : ".");
        sentence = 6 + rnd.nextInt(9);
      }
    }
    return sb.toString();
  }

  /** Languages written without spaces between words (Chinese, Japanese). */
  static boolean unspaced(String lang) {
    return lang.equals("zh") || lang.equals("ja");
  }

  private static <T> T pick(List<T> list, SplittableRandom rnd) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
