package io.citylinks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.ingest.InputFiles.InputFile;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-range splits of a JSON Lines file read every line exactly once, whatever the cut points. */
class FileSplitTest {
  @TempDir Path dir;

  @Test
  void splitsCoverEveryLineOnce() throws Exception {
    StringBuilder sb = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String url = "https://n.example/" + i;
      expected.add(url);
      sb.append("{\"url\":\"").append(url).append("\",\"text\":\"")
          .append("word ".repeat(i % 17 + 1)).append("\"}\n");
    }
    Path file = Fixtures.writeText(dir.resolve("big.jsonl"), sb.toString());
    long size = Files.size(file);
    for (long target : new long[] {1, 7, 64, 100, 333, 1024, size}) {
      List<InputFile> splits = FileSplit.splitLargeJsonLines(
          List.of(new InputFile(file.toString(), size, 0)), target);
      List<String> urls = new ArrayList<>();
      for (InputFile s : splits) {
        FileSplit split = FileSplit.parse(s.path());
        InputStream in = Files.newInputStream(file);
        JsonLinesStream stream;
        if (split.isRange()) {
          in.skipNBytes(Math.max(0, split.start() - 1));
          stream = JsonLinesStream.split(new Origin(file.toString(), null, 0),
              new BufferedInputStream(in), split.start(), split.end(), 1 << 20);
        } else {
          stream = new JsonLinesStream(new Origin(file.toString(), null, 0), in, 1 << 20, false);
        }
        try (stream) {
          stream.forEachRemaining(item -> urls.add(((RawRecord) item).url()));
        }
      }
      assertEquals(expected, urls, "target " + target);
    }
  }
}
