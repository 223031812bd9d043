package io.citylinks.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes one inline SVG element by element. Coordinates are rounded to one decimal and printed
 * the same on every machine; every attribute value and text is escaped.
 */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  /** An {@code <svg>} of the given size that scales down with the page; label is for readers. */
  Svg(double width, double height, String label) {
    out.append("<svg viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
        .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
  }

  /** Opens an element; {@code attrs} are name, value pairs (a null value leaves it out). */
  Svg open(String tag, Object... attrs) {
    out.append('<').append(tag);
    attributes(attrs);
    out.append(">\n");
    return this;
  }

  Svg close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** A rectangle; with a tooltip it gets a {@code <title>} child. */
  Svg rect(double x, double y, double w, double h, String fill, String tooltip, Object... attrs) {
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
        .append(num(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
    attributes(attrs);
    if (tooltip == null) {
      out.append("/>\n");
    } else {
      out.append("><title>").append(Html.escape(tooltip)).append("</title></rect>\n");
    }
    return this;
  }

  /** A circle with a tooltip. */
  Svg circle(double cx, double cy, double r, String fill, String tooltip, Object... attrs) {
    out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
        .append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append('"');
    attributes(attrs);
    out.append("><title>").append(Html.escape(tooltip)).append("</title></circle>\n");
    return this;
  }

  /** Text at (x, y); attrs such as {@code class}, {@code text-anchor}, {@code transform}. */
  Svg text(double x, double y, String text, Object... attrs) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    attributes(attrs);
    out.append('>').append(Html.escape(text)).append("</text>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
        .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
        .append("\" class=\"").append(Html.escape(cssClass)).append("\"/>\n");
    return this;
  }

  /** A polyline through the points (x1, y1, x2, y2, ...). */
  Svg polyline(double[] points, String stroke, Object... attrs) {
    out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" points=\"");
    for (int i = 0; i < points.length; i += 2) {
      out.append(i == 0 ? "" : " ").append(num(points[i])).append(',').append(num(points[i + 1]));
    }
    out.append('"');
    attributes(attrs);
    out.append("/>\n");
    return this;
  }

  /** The finished {@code <svg>} element. */
  String end() {
    return out + "</svg>\n";
  }

  private void attributes(Object... attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs: " + attrs.length);
    }
    for (int i = 0; i < attrs.length; i += 2) {
      Object value = attrs[i + 1];
      if (value != null) {
        String text = value instanceof Double d ? num(d) : String.valueOf(value);
        out.append(' ').append(attrs[i]).append("=\"").append(Html.escape(text)).append('"');
      }
    }
  }

  /** At most one decimal, no trailing zeros, no exponent: 12, 12.5, -3. */
  static String num(double v) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    String s = d.toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
