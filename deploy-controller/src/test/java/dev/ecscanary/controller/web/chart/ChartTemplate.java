package dev.ecscanary.controller.web.chart;

import com.github.mustachejava.DefaultMustacheFactory;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The chart as the page draws it ({@code templates/chart.mustache}, as {@code Pages} compiles templates), and as XML. */
final class ChartTemplate {

    private ChartTemplate() {}

    static String render(ChartDrawing drawing) {
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory("templates").compile("chart.mustache").execute(out, drawing);
        return out.toString();
    }

    /** The SVG parsed (so it must be well-formed) and written back without the whitespace between its elements. */
    static String canonical(String svg) {
        try {
            Document document = parse(svg);
            dropBlankText(document.getDocumentElement());
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static void dropBlankText(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                dropBlankText(child);
            }
            child = next;
        }
    }
}
