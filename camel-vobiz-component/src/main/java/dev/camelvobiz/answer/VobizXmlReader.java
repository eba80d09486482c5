package dev.camelvobiz.answer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads VobizXML text into the typed model, through the same setters as the builder and the data
 * form, so the same rules apply: an unknown element or attribute, or a child an element cannot hold,
 * fails with {@link InvalidAnswerException}. No DOCTYPE (and so no external entities) is accepted.
 */
final class VobizXmlReader {

    private VobizXmlReader() {}

    static VobizXml read(String xml) {
        Element root = parse(xml);
        if (!root.getTagName().equals("Response")) {
            throw new InvalidAnswerException("VobizXML has one <Response> root, not <" + root.getTagName() + ">");
        }
        VobizXml response = VobizXml.response();
        for (Element child : elements(root)) {
            Map<String, Object> attributes = attributes(child);
            attributes.put("text", text(child));
            XmlElement element = AnswerData.element(child.getTagName(), attributes);
            for (Element nested : elements(child)) {
                String name = nested.getTagName().toLowerCase(Locale.ROOT);
                // a child's value in the data form is its text, or for a <Wait> its length
                String text = text(nested);
                Object value = text.isEmpty() && nested.hasAttribute("length") ? nested.getAttribute("length") : text;
                if (!element.addChild(name, value)) {
                    throw new InvalidAnswerException(
                            "<" + child.getTagName() + "> cannot contain <" + nested.getTagName() + ">");
                }
                XmlElement added = element.children().get(element.children().size() - 1);
                attributes(nested).forEach(added::set);
            }
            response.append(element);
        }
        return response;
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new InvalidAnswerException("Not well-formed VobizXML: " + e.getMessage());
        }
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Map<String, Object> attributes(Element element) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        NamedNodeMap nodes = element.getAttributes();
        for (int i = 0; i < nodes.getLength(); i++) {
            attributes.put(nodes.item(i).getNodeName(), nodes.item(i).getNodeValue());
        }
        return attributes;
    }

    /** The element's own text (not its children's), trimmed. */
    private static String text(Element element) {
        StringBuilder text = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString().strip();
    }
}
