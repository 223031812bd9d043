package io.citylinks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as a browser draws it: a headless Chromium screenshot must show the charts (many
 * colours, the event-type colours among them), not a blank page. Skipped without Chromium.
 */
class ReportScreenshotTest {
  @TempDir Path dir;

  @Test
  void chromiumDrawsTheCharts() throws Exception {
    String chromium = onPath("chromium", "chromium-browser", "google-chrome");
    assumeTrue(chromium != null, "no chromium on PATH: the render test is skipped");
    Path page = dir.resolve("report.html");
    Files.writeString(page, HtmlReport.render(SampleReport.data()), StandardCharsets.UTF_8);
    Path png = dir.resolve("report.png");
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
        "--screenshot=" + png, "--window-size=1280,2000", page.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    assertTrue(Files.size(png) > 0, Files.readString(dir.resolve("chromium.log")));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    long nonWhite = 0;
    boolean twinningBlue = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        nonWhite += rgb == 0xffffff ? 0 : 1;
        twinningBlue |= rgb == 0x0072b2;
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertTrue(colours.size() > 200, "distinct colours: " + colours.size());
    assertTrue(nonWhite > pixels / 4, "non-white pixels: " + nonWhite + " of " + pixels);
    assertTrue(twinningBlue, "the stacked bars are drawn in the type colours");
  }

  private static String onPath(String... names) {
    for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : names) {
        File f = new File(dirName, name);
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return null;
  }
}
