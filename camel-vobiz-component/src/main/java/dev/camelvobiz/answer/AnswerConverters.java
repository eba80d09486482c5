package dev.camelvobiz.answer;

import org.apache.camel.Converter;

/** Answer models as the text they are sent as: {@code ${bodyAs(String)}}, {@code convertBodyTo(String.class)}. */
@Converter(generateLoader = true)
public final class AnswerConverters {

    private AnswerConverters() {}

    @Converter
    public static String toXml(VobizXml answer) {
        return answer.toXml();
    }

    @Converter
    public static String toJson(MiniVoice actions) {
        return actions.toJson();
    }
}
