package dev.camelvobiz.answer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The YAML (data) form of an answer: a list of one-key maps, the key naming the element, the value its
 * text or a map of its attributes (with {@code url} or {@code text} for the element's text, and
 * children under their element names):
 *
 * <pre>
 * - stream: {url: "wss://example.com/media", bidirectional: true, keepCallAlive: true}
 * - gather: {action: "https://example.com/digits", numDigits: 4, speak: "Enter your PIN"}
 * - speak: "Goodbye"
 * </pre>
 *
 * It is read into the same typed builder, so the same rules apply.
 */
public final class AnswerData {

    private AnswerData() {}

    /**
     * Reads an answer written as YAML text: a list of elements (VobizXML) or {@code actions:}
     * (MiniVoice). Returns a {@link VobizXml} or a {@link MiniVoice}.
     */
    public static Object fromYaml(String yaml) {
        Object data;
        try {
            data = new Load(LoadSettings.builder()
                            .setMaxAliasesForCollections(10)
                            .build())
                    .loadFromString(yaml);
        } catch (RuntimeException e) {
            throw new InvalidAnswerException("The answer is neither XML, JSON nor YAML data: " + e.getMessage());
        }
        if (data instanceof List<?> list) {
            return toVobizXml(list);
        }
        if (data instanceof Map<?, ?> map && map.containsKey("actions")) {
            return MiniVoice.fromData(map);
        }
        throw new InvalidAnswerException("A YAML answer is a list of elements or a map with actions, not: " + yaml);
    }

    public static VobizXml toVobizXml(List<?> elements) {
        VobizXml response = VobizXml.response();
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?> map) || map.size() != 1) {
                throw new InvalidAnswerException(
                        "Each answer element is a one-key map like '- speak: Hello', not: " + element);
            }
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            response.append(element(String.valueOf(entry.getKey()), entry.getValue()));
        }
        return response;
    }

    static XmlElement element(String name, Object value) {
        Map<?, ?> attributes = value instanceof Map<?, ?> map ? map : Map.of("text", value == null ? "" : value);
        String text = DataValues.string(attributes.containsKey("url") ? attributes.get("url") : attributes.get("text"));
        XmlElement element =
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "stream" -> new Stream(text);
                    case "speak" -> new Speak(text);
                    case "play" -> new Play(text);
                    case "wait" -> new Wait();
                    case "gather" -> new Gather(DataValues.string(attributes.get("action")));
                    case "dial" -> new Dial();
                    case "record" -> new Record();
                    case "conference" -> new Conference(text);
                    case "redirect" -> new Redirect(text);
                    case "hangup" -> new Hangup();
                    case "preanswer" -> new PreAnswer();
                    case "dtmf" -> new Dtmf(text);
                    default -> throw new InvalidAnswerException("Unknown VobizXML element '" + name + "'");
                };
        attributes.forEach((key, attributeValue) -> apply(element, String.valueOf(key), attributeValue));
        return element;
    }

    private static void apply(XmlElement element, String key, Object value) {
        if (key.equals("url") || key.equals("text") || (key.equals("action") && element instanceof Gather)) {
            return;
        }
        List<?> values = value instanceof List<?> list ? list : List.of(value);
        if (!element.addChild(key, values.get(0))) {
            element.set(key, value);
            return;
        }
        values.stream().skip(1).forEach(next -> element.addChild(key, next));
    }
}
