package dev.rapport.crm.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report: headline figures and horizontal bar charts drawn as inline SVG,
 * with no script, font, style sheet or image loaded from anywhere.
 */
final class HtmlReport {
    private static final int LABEL_WIDTH = 170;
    private static final int BAR_WIDTH = 420;
    private static final int ROW = 22;

    private HtmlReport() {
    }

    /** One bar: its label, its length's value (for drawing only) and the text shown next to it. */
    record Bar(String label, double value, String text) {
    }

    /** A titled bar chart. */
    record Chart(String title, List<Bar> bars) {
    }

    static void write(Path file, String title, List<String> headline, List<Chart> charts) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("h2{font-size:1.1em;margin-top:1.6em}svg text{font-size:12px;font-family:sans-serif}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<ul>\n");
        for (String line : headline) {
            html.append("<li>").append(escape(line)).append("</li>\n");
        }
        html.append("</ul>\n");
        for (Chart chart : charts) {
            html.append("<h2>").append(escape(chart.title())).append("</h2>\n").append(svg(chart)).append('\n');
        }
        html.append("</body>\n</html>\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    static String svg(Chart chart) {
        double max = chart.bars().stream().mapToDouble(Bar::value).max().orElse(0);
        int width = LABEL_WIDTH + BAR_WIDTH + 140;
        int height = Math.max(1, chart.bars().size()) * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                width, height, width, height));
        svg.append("<title>").append(escape(chart.title())).append("</title>");
        int y = 2;
        for (Bar bar : chart.bars()) {
            double length = max <= 0 ? 0 : Math.max(1, bar.value() / max * BAR_WIDTH);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#3b7dd8\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s</text>",
                    LABEL_WIDTH - 8, y + 14, escape(bar.label()), LABEL_WIDTH, y + 2, length, ROW - 6,
                    LABEL_WIDTH + length + 6, y + 14, escape(bar.text())));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
