package io.citylinks.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's colours: a sequential scale for counts (ColorBrewer YlGnBu) and categorical
 * colours for event types (Okabe-Ito, distinguishable with colour-blindness).
 */
final class Colors {
  private Colors() {}

  private static final int[] SEQUENTIAL = {0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4,
      0x1d91c0, 0x225ea8, 0x253494, 0x081d58};

  /** The event types in the order the taxonomy lists them (SPEC section 5). */
  static final List<String> TYPES = List.of("twinning", "agreement", "visit", "conference");

  private static final String[] TYPE_COLORS = {"#0072B2", "#009E73", "#E69F00", "#CC79A7"};
  private static final String[] OTHER_COLORS = {"#56B4E9", "#D55E00", "#F0E442", "#7F7F7F"};

  /**
   * Colour of {@code value} on a scale from 1 to {@code max}. The scale is logarithmic, because
   * a few country pairs hold most events and a linear scale would leave the rest pale.
   */
  static String sequential(long value, long max) {
    double t = max <= 1 ? 1.0 : Math.log(Math.max(1, value)) / Math.log(max);
    t = 0.12 + 0.88 * Math.min(1, Math.max(0, t)); // the palest stop is too close to white
    double pos = t * (SEQUENTIAL.length - 1);
    int i = Math.min(SEQUENTIAL.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    int a = SEQUENTIAL[i];
    int b = SEQUENTIAL[i + 1];
    int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, f);
    int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
    int bl = mix(a & 0xff, b & 0xff, f);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }

  /** True when white text reads better than dark text on {@link #sequential} of the value. */
  static boolean isDark(long value, long max) {
    String hex = sequential(value, max);
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    return 0.299 * r + 0.587 * g + 0.114 * b < 140;
  }

  /** Colour of an event type; types outside the taxonomy get the spare colours in turn. */
  static String type(String type, List<String> allTypes) {
    int known = TYPES.indexOf(type);
    if (known >= 0) {
      return TYPE_COLORS[known];
    }
    int other = 0;
    for (String t : allTypes) {
      if (t.equals(type)) {
        break;
      }
      if (!TYPES.contains(t)) {
        other++;
      }
    }
    return OTHER_COLORS[other % OTHER_COLORS.length];
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
