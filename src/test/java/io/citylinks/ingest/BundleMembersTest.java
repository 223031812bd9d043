package io.citylinks.ingest;

import static io.citylinks.ingest.Fixtures.readAll;
import static io.citylinks.ingest.Fixtures.records;
import static io.citylinks.ingest.Fixtures.rejections;
import static io.citylinks.ingest.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.citylinks.ingest.InputFiles.InputFile;
import io.citylinks.ingest.Rejection.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every member of a real zip, tar and tar.gz is either read (under a safe name), rejected with a
 * reason, or one of the documented skips: directories, hidden names, links. The same for files
 * under an input directory.
 */
class BundleMembersTest {
  @TempDir Path dir;

  private static final byte[] PAGE = utf8("<html><body><article><p>"
      + Fixtures.article("A page of our own.", 4) + "</p></article></body></html>");
  private static final byte[] TEXT = utf8(Fixtures.article("A text of our own.", 4));

  /** Members every bundle kind can hold, in order; names as the archiving tool wrote them. */
  static Map<String, byte[]> members() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("../x.html", PAGE);
    m.put("/abs/y.txt", TEXT);
    m.put("./site/a.txt", TEXT);
    m.put("site/../../b.txt", TEXT);
    m.put(".hidden.txt", TEXT);
    m.put("dir/_z.txt", TEXT);
    m.put("__MACOSX/site/._a.txt", new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
    m.put("../.sneaky.txt", TEXT);
    m.put("site/empty.txt", new byte[0]);
    m.put("..", TEXT);
    return m;
  }

  private static final List<String> READ_AS =
      List.of("x.html", "abs/y.txt", "site/a.txt", "b.txt");

  @Test
  void zipMembersAreReadUnderSafeNamesRejectedOrSkippedAsDocumented() throws Exception {
    Path zip = Fixtures.writeZip(dir.resolve("bundle.zip"), withDirectory(members()));
    assertMembers(zip, List.of());
  }

  @Test
  void tarMembersFollowTheSameRulesAndLinksAndSpecialFilesToo() throws Exception {
    for (boolean gzip : new boolean[] {false, true}) {
      Path tar = writeTar(dir.resolve(gzip ? "bundle.tar.gz" : "bundle.tar"), gzip);
      assertMembers(tar, List.of("fifo"));
    }
  }

  private static void assertMembers(Path bundle, List<String> specialFiles) throws IOException {
    List<IngestItem> items = readAll(bundle);
    List<RawRecord> records = records(items);
    assertEquals(READ_AS, records.stream().map(RawRecord::sourceEntry).toList(), bundle.toString());
    assertEquals("text/html", records.get(0).contentType()); // the extension still counts
    assertEquals("text/plain", records.get(1).contentType());
    List<String> rejected = rejections(items).stream()
        .map(r -> r.sourceEntry() + " " + r.reason().code()).toList();
    List<String> expected = new java.util.ArrayList<>(List.of(
        "site/empty.txt " + Reason.EMPTY_FILE.code(),
        ".. " + Reason.UNSUPPORTED_MEMBER.code()));
    specialFiles.forEach(f -> expected.add(f + " " + Reason.UNSUPPORTED_MEMBER.code()));
    assertEquals(expected, rejected, bundle.toString());
    assertEquals(READ_AS.size() + expected.size(), items.size());
  }

  private static Map<String, byte[]> withDirectory(Map<String, byte[]> members) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("site/", new byte[0]); // a directory entry
    m.putAll(members);
    return m;
  }

  /** A tar with the members as named (absolute ones kept), a directory, two links and a FIFO. */
  private Path writeTar(Path file, boolean gzip) throws IOException {
    try (OutputStream fo = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(fo) : fo;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.putArchiveEntry(new TarArchiveEntry("site/", TarConstants.LF_DIR, true));
      tar.closeArchiveEntry();
      for (var e : members().entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), TarConstants.LF_NORMAL, true);
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      TarArchiveEntry symlink = new TarArchiveEntry("site/passwd.txt", TarConstants.LF_SYMLINK);
      symlink.setLinkName("/etc/passwd");
      tar.putArchiveEntry(symlink);
      tar.closeArchiveEntry();
      TarArchiveEntry hardLink = new TarArchiveEntry("site/again.txt", TarConstants.LF_LINK);
      hardLink.setLinkName("site/a.txt");
      tar.putArchiveEntry(hardLink);
      tar.closeArchiveEntry();
      tar.putArchiveEntry(new TarArchiveEntry("fifo", TarConstants.LF_FIFO));
      tar.closeArchiveEntry();
    }
    return file;
  }

  @Test
  void hiddenFilesUnderAnInputAreSkippedButAHiddenInputPathIsRead() throws Exception {
    Path root = dir.resolve(".cache").resolve("news");
    Fixtures.write(root.resolve("a.txt"), TEXT);
    Fixtures.write(root.resolve("site").resolve("b.txt"), TEXT);
    Fixtures.write(root.resolve(".hidden.txt"), TEXT);
    Fixtures.write(root.resolve("_SUCCESS"), new byte[0]);
    Fixtures.write(root.resolve("_tmp").resolve("c.txt"), TEXT);
    Fixtures.write(root.resolve("site").resolve(".d.txt"), TEXT);
    List<String> listed = InputFiles.list(List.of(root.toString()), new Configuration())
        .stream().map(InputFile::path).map(p -> p.substring(p.indexOf("/news/") + 6)).toList();
    assertEquals(List.of("a.txt", "site/b.txt"), listed);
  }
}
