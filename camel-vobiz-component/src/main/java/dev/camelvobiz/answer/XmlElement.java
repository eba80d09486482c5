package dev.camelvobiz.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One VobizXML element: attributes in the order they were set (defaults left out, as Vobiz applies
 * them anyway), text, children. Subclasses add the typed setters and the element's own rules.
 */
public abstract class XmlElement {

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;

    protected XmlElement(String name) {
        this.name = name;
    }

    public String elementName() {
        return name;
    }

    /** Sets an attribute, or removes it when {@code value} is null or the documented default. */
    protected void attribute(String attribute, Object value, Object defaultValue) {
        String rendered = render(value);
        if (rendered == null || rendered.equals(render(defaultValue))) {
            attributes.remove(attribute);
        } else {
            attributes.put(attribute, rendered);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof WireValue wire ? wire.wireValue() : value.toString();
    }

    protected String attribute(String attribute) {
        return attributes.get(attribute);
    }

    protected void text(String newText) {
        this.text = newText;
    }

    protected String text() {
        return text;
    }

    protected <T extends XmlElement> T add(T child) {
        children.add(Objects.requireNonNull(child));
        return child;
    }

    protected List<XmlElement> children() {
        return children;
    }

    /** Sets an attribute by its VobizXML name, from the YAML data form; each element knows its own. */
    void set(String attribute, Object value) {
        throw noSuchAttribute(attribute);
    }

    final InvalidAnswerException noSuchAttribute(String attribute) {
        return new InvalidAnswerException("<" + name + "> has no attribute '" + attribute + "'");
    }

    /** Adds a child by element name from the YAML data form; only containers take children. */
    boolean addChild(String element, Object value) {
        return false;
    }

    /** Checks this element and its children; throws {@link InvalidAnswerException} naming what is wrong. */
    protected void validate() {
        for (int i = 0; i < children.size(); i++) {
            XmlElement child = children.get(i);
            child.validate();
            child.validateAt(children, i);
        }
    }

    /** Refuses characters XML 1.0 cannot carry (control characters, lone surrogates), in this element and below. */
    void checkCharacters() {
        attributes.forEach((name, value) -> checkCharacters(name, value));
        if (text != null) {
            checkCharacters("text", text);
        }
        children.forEach(XmlElement::checkCharacters);
    }

    private void checkCharacters(String part, String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw invalid(part, String.format("contains U+%04X, which XML 1.0 cannot carry", c));
            }
            i += Character.charCount(c);
        }
    }

    /** Rules about where an element stands among its siblings (e.g. a scheduled Hangup needs a successor). */
    protected void validateAt(List<XmlElement> siblings, int index) {}

    protected final InvalidAnswerException invalid(String attributeOrPart, String problem) {
        return new InvalidAnswerException("<" + name + "> " + attributeOrPart + ": " + problem);
    }

    void writeTo(StringBuilder xml) {
        xml.append('<').append(name);
        attributes.forEach((key, value) ->
                xml.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
        if (text == null && children.isEmpty()) {
            xml.append("/>");
            return;
        }
        xml.append('>');
        if (text != null) {
            xml.append(escape(text));
        }
        children.forEach(child -> child.writeTo(xml));
        xml.append("</").append(name).append('>');
    }

    /** Escapes for both text and double-quoted attributes: a bare {@code &} makes Vobiz drop the call. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder xml = new StringBuilder();
        writeTo(xml);
        return xml.toString();
    }
}
