package dev.hadron.eval.plot;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses rendered SVG with the JDK's XML parser and answers structural questions about it. */
final class SvgAssert {
    final Document doc;
    final String svg;

    SvgAssert(String svg) {
        this.svg = svg;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("SVG is not well-formed XML: " + e.getMessage(), e);
        }
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
    }

    /** The text content of every {@code <text>} element (sub/superscripts joined). */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        NodeList l = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    /** Texts inside groups of the given class (e.g. "xticks", "legend", "xlabel"). */
    List<String> textsIn(String groupClass) {
        List<String> out = new ArrayList<>();
        for (Element g : groups(groupClass)) {
            NodeList l = g.getElementsByTagNameNS("*", "text");
            for (int i = 0; i < l.getLength(); i++) {
                out.add(l.item(i).getTextContent());
            }
        }
        return out;
    }

    /** Groups whose class attribute contains the given class. */
    List<Element> groups(String cls) {
        List<Element> out = new ArrayList<>();
        NodeList l = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            for (String c : e.getAttribute("class").split(" ")) {
                if (c.equals(cls)) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    /** The data-label attributes of the series groups, in drawing order. */
    List<String> seriesLabels() {
        List<String> out = new ArrayList<>();
        for (Element g : groups("series")) {
            if (g.hasAttribute("data-label")) {
                out.add(g.getAttribute("data-label"));
            }
        }
        return out;
    }

    int count(String element) {
        return doc.getElementsByTagNameNS("*", element).getLength();
    }

    double width() {
        return Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
    }

    double height() {
        return Double.parseDouble(doc.getDocumentElement().getAttribute("height"));
    }

    void hasText(String s) {
        assertTrue(texts().contains(s), "no <text> '" + s + "' among " + texts());
    }

    /** Decodes PNG bytes and checks their size against the figure at the given scale. */
    static BufferedImage assertPng(byte[] png, Figure fig, double scale) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img, "PNG did not decode");
            assertEquals(Math.round(fig.width() * scale), img.getWidth());
            assertEquals(Math.round(fig.height() * scale), img.getHeight());
            return img;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
