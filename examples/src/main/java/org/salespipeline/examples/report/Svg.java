package org.salespipeline.examples.report;

import java.util.Locale;

/** Builds one inline SVG chart as text. Not thread-safe; one per chart. */
final class Svg {
  static final int WIDTH = 720;
  static final int HEIGHT = 300;

  private final StringBuilder out = new StringBuilder();

  Svg(String id, String title) {
    out.append(
            String.format(
                Locale.ROOT,
                "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\""
                    + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
                id,
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT))
        .append("<title>")
        .append(escape(title))
        .append("</title>");
  }

  Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    out.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
            x,
            y,
            Math.max(0, w),
            Math.max(0, h),
            fill));
    if (tooltip != null) {
      out.append("<title>").append(escape(tooltip)).append("</title>");
    }
    out.append("</rect>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dash) {
    out.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"%s/>",
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
            dash ? " stroke-dasharray=\"4 3\"" : ""));
    return this;
  }

  Svg path(String d, String stroke, String fill, double width, boolean dash) {
    out.append(
        String.format(
            Locale.ROOT,
            "<path d=\"%s\" stroke=\"%s\" fill=\"%s\" stroke-width=\"%.1f\"%s/>",
            d,
            stroke,
            fill,
            width,
            dash ? " stroke-dasharray=\"5 4\"" : ""));
    return this;
  }

  Svg circle(double x, double y, double r, String fill, String tooltip) {
    out.append(
        String.format(
            Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", x, y, r, fill));
    if (tooltip != null) {
      out.append("<title>").append(escape(tooltip)).append("</title>");
    }
    out.append("</circle>");
    return this;
  }

  /** Text; anchor is start, middle or end. */
  Svg text(double x, double y, String text, String anchor, int size, String fill) {
    out.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">",
                x,
                y,
                anchor,
                size,
                fill))
        .append(escape(text))
        .append("</text>");
    return this;
  }

  String end() {
    return out.append("</svg>").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A short amount: 1.24M, 845.2K. */
  static String amount(double value) {
    double abs = Math.abs(value);
    String sign = value < 0 ? "-" : "";
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%s%.2fM", sign, abs / 1e6);
    }
    if (abs >= 1e3) {
      return String.format(Locale.ROOT, "%s%.1fK", sign, abs / 1e3);
    }
    return String.format(Locale.ROOT, "%s%.0f", sign, abs);
  }
}
