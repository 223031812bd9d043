package io.citylinks.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylinks.generate.GeneratorOptions.Format;
import io.citylinks.generate.SyntheticArticle.Partnership;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes a synthetic archive of municipal news with known ground truth: JSON Lines, WARC or
 * seed-format text files, sharded and written in parallel, byte-identical for the same options.
 * The ground truth ({@code _ground_truth.jsonl}) and a summary ({@code _summary.json}) sit beside
 * the records; their leading underscore keeps readers from taking them as input.
 */
public final class ArchiveGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveGenerator() {}

  public static GeneratorSummary generate(GeneratorOptions options) throws IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(options.out());
    Vocabulary vocab = new Vocabulary();
    ArticleComposer composer = new ArticleComposer(vocab, options);
    int shards = options.format() == Format.TEXT ? Math.max(1, (options.docs() + 999) / 1000)
        : options.effectiveShards();
    AtomicLong bytes = new AtomicLong();
    AtomicLong partnerships = new AtomicLong();
    AtomicLong copies = new AtomicLong();
    int threads = Math.max(1, Math.min(shards, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < shards; s++) {
        final int shard = s;
        done.add(pool.submit(() -> {
          writeShard(options, composer, shard, shards, bytes, partnerships, copies);
          return null;
        }));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("generator shard failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Path truth = options.out().resolve("_ground_truth.jsonl");
    try (OutputStream out = Files.newOutputStream(truth)) {
      for (int s = 0; s < shards; s++) {
        Path part = truthPart(options, s);
        Files.copy(part, out);
        Files.delete(part);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    GeneratorSummary summary = new GeneratorSummary(options.format() == Format.TEXT
        ? options.docs() : shards, options.docs(), partnerships.get(), copies.get(), bytes.get(),
        Math.round(seconds * 10) / 10.0);
    ObjectNode s = JSON.valueToTree(summary);
    s.put("format", options.format().name().toLowerCase());
    s.put("seed", options.seed());
    Files.writeString(options.out().resolve("_summary.json"), JSON.writeValueAsString(s) + "\n");
    return summary;
  }

  private static Path truthPart(GeneratorOptions options, int shard) {
    return options.out().resolve(String.format("_truth-%05d.part", shard));
  }

  private static void writeShard(GeneratorOptions options, ArticleComposer composer, int shard,
      int shards, AtomicLong bytes, AtomicLong partnerships, AtomicLong copies)
      throws IOException {
    long from = (long) options.docs() * shard / shards;
    long to = (long) options.docs() * (shard + 1) / shards;
    try (Writer truth = new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(truthPart(options, shard)), StandardCharsets.UTF_8), 1 << 16)) {
      switch (options.format()) {
        case JSONL -> writeJsonLines(options, composer, shard, from, to, truth, bytes,
            partnerships, copies);
        case WARC -> writeWarc(options, composer, shard, from, to, truth, bytes, partnerships,
            copies);
        case TEXT -> writeText(options, composer, shard, from, to, truth, bytes, partnerships,
            copies);
      }
    }
  }

  private static void writeJsonLines(GeneratorOptions options, ArticleComposer composer,
      int shard, long from, long to, Writer truth, AtomicLong bytes, AtomicLong partnerships,
      AtomicLong copies) throws IOException {
    String name = String.format("articles-%05d.jsonl%s", shard, options.gzip() ? ".gz" : "");
    Path file = options.out().resolve(name);
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = options.gzip() ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
            1 << 16)) {
      long line = 0;
      for (long i = from; i < to; i++) {
        SyntheticArticle a = composer.record(i);
        ObjectNode o = JSON.createObjectNode();
        o.put("url", a.url());
        o.put("title", a.title());
        // One page in ten carries its HTML, as some crawl exports do.
        if (Math.floorMod(a.id().hashCode(), 10) == 0) {
          o.put("html", a.html("utf-8"));
        } else {
          o.put("text", a.text());
        }
        if (a.dateInMetadata()) {
          o.put("published", a.date().toString());
        }
        o.put("lang", a.lang());
        o.put("source", a.domain());
        w.write(JSON.writeValueAsString(o));
        w.write('\n');
        line++;
        writeTruth(truth, a, name, "line " + line);
        count(a, partnerships, copies);
      }
    }
    bytes.addAndGet(Files.size(file));
  }

  private static void writeWarc(GeneratorOptions options, ArticleComposer composer, int shard,
      long from, long to, Writer truth, AtomicLong bytes, AtomicLong partnerships,
      AtomicLong copies) throws IOException {
    String name = String.format("archive-%05d.warc%s", shard, options.gzip() ? ".gz" : "");
    Path file = options.out().resolve(name);
    try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
        options.gzip() ? WarcCompression.GZIP : WarcCompression.NONE)) {
      writer.write(new Warcinfo.Builder()
          .date(java.time.Instant.parse("2026-01-01T00:00:00Z"))
          .fields(java.util.Map.of("software", List.of("citylinks generator"),
              "format", List.of("WARC File Format 1.1")))
          .build());
      for (long i = from; i < to; i++) {
        SyntheticArticle a = composer.record(i);
        java.time.Instant captured = a.date().plusDays(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
        URI uri = URI.create(a.url());
        writer.write(new WarcRequest.Builder(uri).date(captured).build());
        Charset cs = StandardCharsets.UTF_8;
        int legacy = Math.floorMod((a.id() + "cs").hashCode(), 20);
        if (legacy < 3) { // 15% of pages in their language's legacy charset
          cs = legacyCharset(a.lang());
        }
        // Declared in the header, only in the page's meta, or nowhere (to be detected).
        String contentType = legacy == 0 || cs == StandardCharsets.UTF_8
            ? "text/html; charset=" + cs.name() : "text/html";
        String html = a.html(legacy == 1 ? cs.name() : null);
        if (cs.name().equals("windows-1256")) {
          // The code page has no Persian ی ک: legacy Persian pages store Arabic ي ك instead.
          html = html.replace('ی', 'ي').replace('ک', 'ك');
        }
        byte[] body = html.getBytes(cs);
        HttpResponse http = new HttpResponse.Builder(200, "OK")
            .body(MediaType.parse(contentType), body).build();
        long offset = writer.position();
        writer.write(new WarcResponse.Builder(uri).date(captured).body(http).build());
        writeTruth(truth, a, name, "offset " + offset);
        count(a, partnerships, copies);
      }
    }
    bytes.addAndGet(Files.size(file));
  }

  private static Charset legacyCharset(String lang) {
    return switch (lang) {
      case "tr" -> Charset.forName("windows-1254");
      case "fa", "ar" -> Charset.forName("windows-1256");
      case "zh" -> Charset.forName("GB18030");
      case "ru", "uk" -> Charset.forName("windows-1251");
      case "pl" -> Charset.forName("windows-1250");
      case "ja" -> Charset.forName("Shift_JIS");
      case "ko" -> Charset.forName("x-windows-949");
      default -> Charset.forName("windows-1252");
    };
  }

  private static void writeText(GeneratorOptions options, ArticleComposer composer, int shard,
      long from, long to, Writer truth, AtomicLong bytes, AtomicLong partnerships,
      AtomicLong copies) throws IOException {
    Path dir = options.out().resolve(String.format("text-%05d", shard));
    Files.createDirectories(dir);
    for (long i = from; i < to; i++) {
      SyntheticArticle a = composer.record(i);
      String name = dir.getFileName() + "/" + a.id() + ".txt";
      String text = a.dateInMetadata() ? " date " + a.date() + "\n" + a.text() : a.text();
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      Files.write(options.out().resolve(name), b);
      bytes.addAndGet(b.length);
      writeTruth(truth, a, name, name);
      count(a, partnerships, copies);
    }
  }

  private static void count(SyntheticArticle a, AtomicLong partnerships, AtomicLong copies) {
    if (a.partnership() != null) {
      partnerships.incrementAndGet();
    }
    if (a.dupOf() != null) {
      copies.incrementAndGet();
    }
  }

  private static void writeTruth(Writer truth, SyntheticArticle a, String file, String locator)
      throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("file", file);
    o.put("locator", locator);
    o.put("url", a.url());
    o.put("lang", a.lang());
    o.put("date", a.date().toString());
    o.put("source", a.domain());
    o.put("dup_of", a.dupOf());
    o.put("dup_kind", a.dupKind());
    o.put("dup_group", a.dupOf() == null ? null : "group-" + a.dupOf());
    o.put("event_id", a.eventId());
    ArrayNode ps = o.putArray("partnerships");
    Partnership p = a.partnership();
    if (p != null) {
      ObjectNode po = ps.addObject();
      po.putArray("cities").add(ascii(p.cityA())).add(ascii(p.cityB()));
      po.putArray("geoname_ids").add(p.idA()).add(p.idB());
      po.putArray("countries").add(p.countryA()).add(p.countryB());
      po.put("type", p.type());
      ArrayNode topics = po.putArray("topics");
      p.topics().forEach(topics::add);
      po.put("year", p.year());
    }
    truth.write(JSON.writeValueAsString(o));
    truth.write('\n');
  }

  /** Gold files name cities in ASCII GeoNames style (İzmir → Izmir, Xi’an → Xi'an). */
  private static String ascii(String name) {
    String n = java.text.Normalizer.normalize(name.replace('’', '\''),
        java.text.Normalizer.Form.NFD);
    return n.replaceAll("\\p{M}", "").replace('ı', 'i');
  }

}
