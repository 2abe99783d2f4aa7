package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.ops.OpKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Draws the normal and the reduction cell of a genotype, one above the other, as SVG or PNG.
 *
 * <p>The layout is computed here ({@link CellLayout}), so no Graphviz program is needed. The SVG
 * marks each entry as {@code <g class="edge" data-cell data-entry data-from data-to data-op>}, so
 * scripts and tests can read the drawn graph back.
 */
public final class CellDiagram {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final double GAP = 12;
    private static final double PNG_SCALE = 1.5;

    private final List<CellLayout> cells;
    private final List<CellType> types;
    private final double width;
    private final double height;

    private CellDiagram(Genotype genotype) {
        this.types = List.of(CellType.NORMAL, CellType.REDUCE);
        this.cells =
                List.of(
                        CellLayout.of("normal cell", genotype.normal()),
                        CellLayout.of("reduction cell", genotype.reduce()));
        double w = 0;
        double h = 0;
        for (CellLayout c : cells) {
            w = Math.max(w, c.width());
            h += c.height() + GAP;
        }
        this.width = w;
        this.height = h;
    }

    /** Returns the diagram of a genotype. */
    public static CellDiagram of(Genotype genotype) {
        if (genotype == null) {
            throw new IllegalArgumentException("genotype to draw must not be null");
        }
        return new CellDiagram(genotype);
    }

    /**
     * Writes the diagram to a file whose name ends in {@code .svg} or {@code .png}.
     *
     * @throws IllegalArgumentException when the extension is neither
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            Files.writeString(file, svg(true, "cd"), StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            Files.write(file, png());
        } else {
            throw new IllegalArgumentException(
                    "diagram file must end in .svg or .png, got " + file.getFileName());
        }
    }

    /** Returns the color of an operation family, shared by diagrams and reports. */
    static String color(OpKind kind) {
        return switch (kind) {
            case CONV -> "#1f5fa8";
            case POOL -> "#d0700a";
            case SKIP -> "#2e8b3a";
            case ZERO -> "#808080";
        };
    }

    /**
     * Returns the diagram as SVG text.
     *
     * @param standalone whether to start with an XML declaration (a file) or not (inline in HTML)
     * @param idPrefix a prefix for element ids, unique within one HTML page
     */
    public String svg(boolean standalone, String idPrefix) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            if (standalone) {
                w.writeStartDocument("UTF-8", "1.0");
                w.writeCharacters("\n");
            }
            w.writeStartElement("svg");
            w.writeDefaultNamespace(SVG_NS);
            w.writeAttribute("width", num(width));
            w.writeAttribute("height", num(height));
            w.writeAttribute("viewBox", "0 0 " + num(width) + " " + num(height));
            w.writeAttribute("class", "cell-diagram");
            w.writeAttribute("font-family", "DejaVu Sans Mono, Menlo, Consolas, monospace");
            w.writeAttribute("font-size", num(CellLayout.FONT));

            w.writeStartElement("defs");
            for (OpKind kind : OpKind.values()) {
                marker(w, idPrefix + "-arrow-" + kind.name().toLowerCase(Locale.ROOT), color(kind));
            }
            marker(w, idPrefix + "-arrow-concat", "#666666");
            w.writeEndElement();

            w.writeStartElement("rect");
            w.writeAttribute("width", "100%");
            w.writeAttribute("height", "100%");
            w.writeAttribute("fill", "#ffffff");
            w.writeEndElement();

            double y = 0;
            for (int i = 0; i < cells.size(); i++) {
                cellSvg(w, cells.get(i), types.get(i), y, idPrefix);
                y += cells.get(i).height() + GAP;
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the SVG of the cell diagram", e);
        }
        return out.toString();
    }

    private static void marker(XMLStreamWriter w, String id, String color)
            throws XMLStreamException {
        w.writeStartElement("marker");
        w.writeAttribute("id", id);
        w.writeAttribute("viewBox", "0 0 10 10");
        w.writeAttribute("refX", "10");
        w.writeAttribute("refY", "5");
        w.writeAttribute("markerWidth", "7");
        w.writeAttribute("markerHeight", "7");
        w.writeAttribute("orient", "auto");
        w.writeStartElement("path");
        w.writeAttribute("d", "M0,0 L10,5 L0,10 z");
        w.writeAttribute("fill", color);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void cellSvg(
            XMLStreamWriter w, CellLayout cell, CellType type, double dy, String idPrefix)
            throws XMLStreamException {
        w.writeStartElement("g");
        w.writeAttribute("class", "cell");
        w.writeAttribute("data-cell", type.key());
        w.writeAttribute("transform", "translate(0," + num(dy) + ")");

        text(w, CellLayout.MARGIN, 20, cell.title(), "title", "start", "#222222");

        for (List<CellLayout.P> line : cell.concat()) {
            w.writeStartElement("polyline");
            w.writeAttribute("class", "concat");
            w.writeAttribute("points", points(line));
            w.writeAttribute("fill", "none");
            w.writeAttribute("stroke", "#888888");
            w.writeAttribute("stroke-width", "1.2");
            w.writeAttribute("stroke-dasharray", "4 3");
            if (line.size() == 3) {
                w.writeAttribute("marker-end", "url(#" + idPrefix + "-arrow-concat)");
            }
            w.writeEndElement();
        }

        for (CellLayout.Edge e : cell.edges()) {
            String color = color(e.kind());
            w.writeStartElement("g");
            w.writeAttribute("class", "edge");
            w.writeAttribute("data-entry", Integer.toString(e.entry()));
            w.writeAttribute("data-from", e.from());
            w.writeAttribute("data-to", e.to());
            w.writeAttribute("data-op", e.op());
            w.writeStartElement("title");
            w.writeCharacters(e.from() + " -> " + e.to() + ": " + e.op());
            w.writeEndElement();
            w.writeStartElement("polyline");
            w.writeAttribute("points", points(e.path()));
            w.writeAttribute("fill", "none");
            w.writeAttribute("stroke", color);
            w.writeAttribute("stroke-width", "1.6");
            w.writeAttribute(
                    "marker-end",
                    "url(#"
                            + idPrefix
                            + "-arrow-"
                            + e.kind().name().toLowerCase(Locale.ROOT)
                            + ")");
            w.writeEndElement();
            w.writeStartElement("rect");
            w.writeAttribute("x", num(e.label().x() - e.labelW() / 2));
            w.writeAttribute("y", num(e.label().y() - CellLayout.LABEL_H / 2));
            w.writeAttribute("width", num(e.labelW()));
            w.writeAttribute("height", num(CellLayout.LABEL_H));
            w.writeAttribute("rx", "3");
            w.writeAttribute("fill", "#ffffff");
            w.writeAttribute("stroke", color);
            w.writeAttribute("stroke-width", "1");
            w.writeEndElement();
            text(w, e.label().x(), e.label().y() + 4, e.op(), "label", "middle", color);
            w.writeEndElement();
        }

        for (CellLayout.Box b : cell.boxes()) {
            w.writeStartElement("g");
            w.writeAttribute("class", "state");
            w.writeAttribute("data-state", b.id());
            w.writeStartElement("rect");
            w.writeAttribute("x", num(b.left()));
            w.writeAttribute("y", num(b.top()));
            w.writeAttribute("width", num(CellLayout.BOX_W));
            w.writeAttribute("height", num(CellLayout.BOX_H));
            w.writeAttribute("rx", b.role() == CellLayout.Role.NODE ? "16" : "4");
            w.writeAttribute("fill", fill(b.role()));
            w.writeAttribute("stroke", "#333333");
            w.writeAttribute("stroke-width", "1.2");
            w.writeEndElement();
            w.writeStartElement("text");
            w.writeAttribute("x", num(b.cx()));
            w.writeAttribute("y", num(b.cy() + 5));
            w.writeAttribute("text-anchor", "middle");
            w.writeAttribute("font-size", "15");
            w.writeAttribute("fill", "#111111");
            w.writeCharacters(b.main());
            if (!b.sub().isEmpty()) {
                w.writeStartElement("tspan");
                w.writeAttribute("font-size", "10");
                w.writeAttribute("dy", "4");
                w.writeCharacters(b.sub());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String fill(CellLayout.Role role) {
        return switch (role) {
            case INPUT -> "#e4eef9";
            case NODE -> "#fff7d6";
            case OUTPUT -> "#e6f4e6";
        };
    }

    private static void text(
            XMLStreamWriter w,
            double x,
            double y,
            String text,
            String cls,
            String anchor,
            String color)
            throws XMLStreamException {
        w.writeStartElement("text");
        w.writeAttribute("class", cls);
        w.writeAttribute("x", num(x));
        w.writeAttribute("y", num(y));
        w.writeAttribute("text-anchor", anchor);
        w.writeAttribute("fill", color);
        if (cls.equals("title")) {
            w.writeAttribute("font-size", "15");
            w.writeAttribute("font-weight", "bold");
            w.writeAttribute("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif");
        }
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static String points(List<CellLayout.P> path) {
        StringBuilder sb = new StringBuilder();
        for (CellLayout.P p : path) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(num(p.x())).append(',').append(num(p.y()));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Returns the diagram as PNG bytes, drawn with Java2D (needs a font, not a display).
     *
     * @throws UncheckedIOException when the image cannot be encoded
     */
    public byte[] png() {
        int w = (int) Math.ceil(width * PNG_SCALE);
        int h = (int) Math.ceil(height * PNG_SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(PNG_SCALE, PNG_SCALE);
            double y = 0;
            for (CellLayout cell : cells) {
                Graphics2D cg = (Graphics2D) g.create();
                cg.translate(0, y);
                cellPng(cg, cell);
                cg.dispose();
                y += cell.height() + GAP;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the cell diagram as PNG", e);
        }
        return bytes.toByteArray();
    }

    private static void cellPng(Graphics2D g, CellLayout cell) {
        Font mono = new Font(Font.MONOSPACED, Font.PLAIN, (int) CellLayout.FONT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(new Color(0x222222));
        g.drawString(cell.title(), (float) CellLayout.MARGIN, 20f);

        g.setColor(new Color(0x888888));
        g.setStroke(
                new BasicStroke(
                        1.2f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10,
                        new float[] {4, 3},
                        0));
        for (List<CellLayout.P> line : cell.concat()) {
            g.draw(polyline(line));
            if (line.size() == 3) {
                arrow(g, line);
            }
        }

        g.setFont(mono);
        for (CellLayout.Edge e : cell.edges()) {
            Color c = Color.decode(color(e.kind()));
            g.setColor(c);
            g.setStroke(new BasicStroke(1.6f));
            g.draw(polyline(e.path()));
            arrow(g, e.path());
            RoundRectangle2D box =
                    new RoundRectangle2D.Double(
                            e.label().x() - e.labelW() / 2,
                            e.label().y() - CellLayout.LABEL_H / 2,
                            e.labelW(),
                            CellLayout.LABEL_H,
                            6,
                            6);
            g.setColor(Color.WHITE);
            g.fill(box);
            g.setColor(c);
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            int tw = g.getFontMetrics().stringWidth(e.op());
            g.drawString(e.op(), (float) (e.label().x() - tw / 2.0), (float) e.label().y() + 4);
        }

        for (CellLayout.Box b : cell.boxes()) {
            RoundRectangle2D r =
                    new RoundRectangle2D.Double(
                            b.left(),
                            b.top(),
                            CellLayout.BOX_W,
                            CellLayout.BOX_H,
                            b.role() == CellLayout.Role.NODE ? 32 : 8,
                            b.role() == CellLayout.Role.NODE ? 32 : 8);
            g.setColor(Color.decode(fill(b.role())));
            g.fill(r);
            g.setColor(new Color(0x333333));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(r);
            Font big = new Font(Font.MONOSPACED, Font.PLAIN, 15);
            Font small = new Font(Font.MONOSPACED, Font.PLAIN, 10);
            int mainW = g.getFontMetrics(big).stringWidth(b.main());
            int subW = b.sub().isEmpty() ? 0 : g.getFontMetrics(small).stringWidth(b.sub());
            float x = (float) (b.cx() - (mainW + subW) / 2.0);
            g.setColor(new Color(0x111111));
            g.setFont(big);
            g.drawString(b.main(), x, (float) b.cy() + 5);
            if (subW > 0) {
                g.setFont(small);
                g.drawString(b.sub(), x + mainW, (float) b.cy() + 9);
            }
        }
        g.setFont(mono);
    }

    private static Path2D polyline(List<CellLayout.P> points) {
        Path2D p = new Path2D.Double();
        p.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            p.lineTo(points.get(i).x(), points.get(i).y());
        }
        return p;
    }

    private static void arrow(Graphics2D g, List<CellLayout.P> path) {
        CellLayout.P tip = path.get(path.size() - 1);
        CellLayout.P from = path.get(path.size() - 2);
        double angle = Math.atan2(tip.y() - from.y(), tip.x() - from.x());
        Path2D head = new Path2D.Double();
        head.moveTo(tip.x(), tip.y());
        head.lineTo(tip.x() - 8 * Math.cos(angle - 0.4), tip.y() - 8 * Math.sin(angle - 0.4));
        head.lineTo(tip.x() - 8 * Math.cos(angle + 0.4), tip.y() - 8 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** Returns the width of the diagram in SVG pixels. */
    public double width() {
        return width;
    }

    /** Returns the height of the diagram in SVG pixels. */
    public double height() {
        return height;
    }
}
