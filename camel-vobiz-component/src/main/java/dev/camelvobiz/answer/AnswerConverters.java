package dev.camelvobiz.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Answer models as the text they are sent as ({@code ${bodyAs(String)}}, {@code convertBodyTo(String.class)}),
 * and that text back into the model ({@code convertBodyTo(VobizXml.class)}, {@code MiniVoice.class}), with
 * the builder's checks: e.g. to amend an answer another service wrote.
 */
@Converter(generateLoader = true)
public final class AnswerConverters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerConverters() {}

    @Converter
    public static String toXml(VobizXml answer) {
        return answer.toXml();
    }

    @Converter
    public static String toJson(MiniVoice actions) {
        return actions.toJson();
    }

    @Converter
    public static VobizXml fromXml(String xml) {
        return VobizXmlReader.read(xml);
    }

    /** Reads {@code {"actions": [...]}} (keyed or typed actions), with the builder's checks. */
    @Converter
    public static MiniVoice fromJson(String json) throws JsonProcessingException {
        return MiniVoice.fromData(JSON.readValue(json, Map.class));
    }
}
