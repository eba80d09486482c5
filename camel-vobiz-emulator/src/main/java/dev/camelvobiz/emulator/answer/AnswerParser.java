package dev.camelvobiz.emulator.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks and reads an answer_url reply as Vobiz does (protocol §9, §10): XML with one
 * {@code <Response>} root, known elements only, at most 100 KB, served as {@code application/xml} or
 * {@code text/xml}; or a MiniVoice {@code {"actions":[…]}} list (§12) served as JSON.
 */
public final class AnswerParser {

    static final int MAX_BYTES = 100 * 1024;

    private static final Set<String> VERBS = Set.of(
            "Speak",
            "Play",
            "Wait",
            "Gather",
            "Dial",
            "Record",
            "Conference",
            "Redirect",
            "Hangup",
            "PreAnswer",
            "DTMF",
            "Stream");
    private static final Map<String, Set<String>> ALLOWED_CHILDREN = Map.of(
            "Gather", Set.of("Speak", "Play"),
            "PreAnswer", Set.of("Speak", "Play", "Wait"),
            "Dial", Set.of("Number", "User"));
    private static final Set<String> MINIVOICE_ACTIONS = Set.of(
            "say",
            "gather",
            "send_digits",
            "redirect",
            "transfer",
            "bridge",
            "conference",
            "hold",
            "resume",
            "mute",
            "unmute",
            "start_recording",
            "stop_recording",
            "start_stream",
            "stop_stream");
    private static final Set<String> TRACKS = Set.of("inbound", "outbound", "both");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerParser() {}

    public static List<Instruction> parse(String contentType, byte[] body) throws InvalidAnswerException {
        if (body.length > MAX_BYTES) {
            throw new InvalidAnswerException("answer is " + body.length + " bytes, over the 100 KB limit");
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/xml", "text/xml" -> parseXml(body);
            case "application/json" -> parseMiniVoice(body);
            default ->
                throw new InvalidAnswerException("answer served as '" + contentType
                        + "': Vobiz reads application/xml or text/xml (MiniVoice: application/json)");
        };
    }

    // ---- VobizXML ----------------------------------------------------------------------------

    private static List<Instruction> parseXml(byte[] body) throws InvalidAnswerException {
        Element root;
        try {
            root = newBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new InvalidAnswerException("malformed XML: " + e.getMessage());
        }
        if (!"Response".equals(root.getTagName())) {
            throw new InvalidAnswerException("root element is <" + root.getTagName() + ">, not <Response>");
        }
        List<Instruction> instructions = new ArrayList<>();
        for (Element child : childElements(root)) {
            if (!VERBS.contains(child.getTagName())) {
                throw new InvalidAnswerException("unknown element <" + child.getTagName() + "> in <Response>");
            }
            instructions.add(toInstruction(child));
        }
        return instructions;
    }

    private static DocumentBuilder newBuilder() throws InvalidAnswerException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new InvalidAnswerException("no XML parser: " + e.getMessage());
        }
    }

    private static Instruction toInstruction(Element element) throws InvalidAnswerException {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap nodes = element.getAttributes();
        for (int i = 0; i < nodes.getLength(); i++) {
            attributes.put(nodes.item(i).getNodeName(), nodes.item(i).getNodeValue());
        }
        List<Instruction> children = new ArrayList<>();
        Set<String> allowed = ALLOWED_CHILDREN.getOrDefault(element.getTagName(), Set.of());
        for (Element child : childElements(element)) {
            if (!allowed.contains(child.getTagName())) {
                throw new InvalidAnswerException(
                        "<" + child.getTagName() + "> is not allowed inside <" + element.getTagName() + ">");
            }
            children.add(toInstruction(child));
        }
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return new Instruction(element.getTagName(), attributes, text.toString().trim(), children);
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    // ---- MiniVoice ---------------------------------------------------------------------------

    private static List<Instruction> parseMiniVoice(byte[] body) throws InvalidAnswerException {
        JsonNode actions;
        try {
            actions = JSON.readTree(body).path("actions");
        } catch (IOException e) {
            throw new InvalidAnswerException("malformed JSON: " + e.getMessage());
        }
        if (!actions.isArray()) {
            throw new InvalidAnswerException("a MiniVoice answer is {\"actions\":[…]}");
        }
        List<Instruction> instructions = new ArrayList<>();
        for (JsonNode action : actions) {
            instructions.add(toAction(action));
        }
        return instructions;
    }

    /** Reads one action in either encoding: keyed {@code {"say":{…}}} or typed {@code {"type":"say",…}}. */
    private static Instruction toAction(JsonNode action) throws InvalidAnswerException {
        String type;
        JsonNode fields;
        if (action.hasNonNull("type")) {
            type = action.get("type").asText();
            fields = action;
        } else if (action.isObject() && action.size() == 1) {
            type = action.fieldNames().next();
            fields = action.get(type);
        } else {
            throw new InvalidAnswerException("a MiniVoice action is {\"<name>\":{…}} or {\"type\":\"<name>\",…}");
        }
        if (!MINIVOICE_ACTIONS.contains(type)) {
            throw new InvalidAnswerException("unknown MiniVoice action '" + type + "'");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.fields().forEachRemaining(field -> {
            if (!"type".equals(field.getKey())) {
                attributes.put(
                        field.getKey(),
                        field.getValue().isValueNode()
                                ? field.getValue().asText()
                                : field.getValue().toString());
            }
        });
        if ("start_stream".equals(type) || "stop_stream".equals(type)) {
            validateStreamAction(type, attributes);
        }
        return new Instruction(type, attributes, null, List.of());
    }

    private static void validateStreamAction(String type, Map<String, String> attributes)
            throws InvalidAnswerException {
        String url = attributes.get("stream_url");
        if ("start_stream".equals(type) && (url == null || url.isBlank())) {
            throw new InvalidAnswerException("start_stream needs a stream_url");
        }
        if (url != null && !url.toLowerCase(Locale.ROOT).startsWith("wss://")) {
            throw new InvalidAnswerException(type + ".stream_url must be wss://, not '" + url + "'");
        }
        String track = attributes.get("track");
        if (track != null && !TRACKS.contains(track)) {
            throw new InvalidAnswerException(type + ".track must be inbound, outbound or both, not '" + track + "'");
        }
    }
}
