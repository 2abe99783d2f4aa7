package dev.prdarts.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.search.genotype.BuiltinGenotypes;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class CellDiagramTest {

    @TempDir Path tmp;

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> children(Element parent, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls == null || cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void dl2SvgHasOneLabelledEdgePerGenotypeEntry() throws Exception {
        Genotype dl2 = BuiltinGenotypes.get("DL2");
        Path file = tmp.resolve("cells.svg");

        CellDiagram.of(dl2).write(file);

        Document doc = parse(Files.readString(file, StandardCharsets.UTF_8));
        List<Element> cells = children(doc.getDocumentElement(), "g", "cell");
        assertEquals(2, cells.size());
        for (Element cellEl : cells) {
            CellType type = CellType.valueOf(cellEl.getAttribute("data-cell").toUpperCase());
            CellGenotype cell = dl2.cell(type);
            List<Element> edges = children(cellEl, "g", "edge");
            assertEquals(cell.entries().size(), edges.size(), "edges of " + type);
            for (Element edge : edges) {
                int i = Integer.parseInt(edge.getAttribute("data-entry"));
                GenotypeEntry entry = cell.entries().get(i);
                assertEquals(entry.op().text(), edge.getAttribute("data-op"));
                assertEquals(CellLayout.stateId(entry.input()), edge.getAttribute("data-from"));
                assertEquals(Integer.toString(i / 2), edge.getAttribute("data-to"));
                List<Element> labels = children(edge, "text", "label");
                assertEquals(1, labels.size());
                assertEquals(entry.op().text(), labels.get(0).getTextContent());
            }
            List<String> states = new ArrayList<>();
            for (Element s : children(cellEl, "g", "state")) {
                states.add(s.getAttribute("data-state"));
            }
            assertEquals(List.of("c_{k-2}", "c_{k-1}", "0", "1", "2", "3", "c_{k}"), states);
        }
    }

    @Test
    void labelsOfOneCellNeverOverlap() {
        for (Genotype g : List.of(BuiltinGenotypes.get("DL2"), TestGenotypes.chain())) {
            for (CellType type : CellType.values()) {
                CellLayout layout = CellLayout.of("cell", g.cell(type));
                List<CellLayout.Edge> edges = layout.edges();
                for (int a = 0; a < edges.size(); a++) {
                    for (int b = a + 1; b < edges.size(); b++) {
                        CellLayout.Edge x = edges.get(a);
                        CellLayout.Edge y = edges.get(b);
                        boolean apartX =
                                Math.abs(x.label().x() - y.label().x())
                                        >= (x.labelW() + y.labelW()) / 2;
                        boolean apartY =
                                Math.abs(x.label().y() - y.label().y()) >= CellLayout.LABEL_H;
                        assertTrue(apartX || apartY, x.op() + " overlaps " + y.op());
                    }
                }
            }
        }
    }

    @Test
    void pngHasTheSizeOfTheSvgScaled() throws Exception {
        CellDiagram diagram = CellDiagram.of(BuiltinGenotypes.get("DL2"));
        Path file = tmp.resolve("cells.png");

        diagram.write(file);

        var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertEquals(Math.ceil(diagram.width() * 1.5), image.getWidth(), 1.0);
        assertEquals(Math.ceil(diagram.height() * 1.5), image.getHeight(), 1.0);
    }

    @Test
    void unknownExtensionIsRejectedWithTheFileName() {
        CellDiagram diagram = CellDiagram.of(BuiltinGenotypes.get("DL2"));

        var ex =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> diagram.write(tmp.resolve("cells.gif")));

        assertEquals("diagram file must end in .svg or .png, got cells.gif", ex.getMessage());
    }
}
