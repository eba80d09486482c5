package dev.camelvobiz.emulator.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Vobiz accepts as an answer (protocol §9, §10, §12). */
class AnswerParserTest {

    private static List<Instruction> parse(String contentType, String body) throws InvalidAnswerException {
        return AnswerParser.parse(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsElementsAttributesTextAndChildren() throws Exception {
        List<Instruction> document = parse(
                "text/xml; charset=utf-8",
                "<?xml version=\"1.0\"?><Response><Stream bidirectional=\"true\">wss://a.example/m?x=1&amp;y=2</Stream>"
                        + "<Gather action=\"https://a.example/g\"><Speak>Press 1</Speak></Gather></Response>");

        assertThat(document).extracting(Instruction::verb).containsExactly("Stream", "Gather");
        assertThat(document.get(0).text()).isEqualTo("wss://a.example/m?x=1&y=2");
        assertThat(document.get(0).flag("bidirectional", false)).isTrue();
        assertThat(document.get(1).children()).extracting(Instruction::text).containsExactly("Press 1");
    }

    @Test
    void refusesWhatVobizRefuses() {
        assertThatThrownBy(() -> parse("text/plain", "<Response/>")).hasMessageContaining("text/plain");
        assertThatThrownBy(() -> parse(null, "<Response/>")).isInstanceOf(InvalidAnswerException.class);
        assertThatThrownBy(() -> parse("application/xml", "<Reply/>")).hasMessageContaining("<Reply>");
        assertThatThrownBy(() -> parse("application/xml", "<Response><Speak>a</Speak></Response><x/>"))
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> parse("application/xml", "<Response><Say>hi</Say></Response>"))
                .hasMessageContaining("<Say>");
        assertThatThrownBy(() -> parse(
                        "application/xml", "<Response><PreAnswer><Stream>wss://a</Stream></PreAnswer></Response>"))
                .hasMessageContaining("inside <PreAnswer>");
        assertThatThrownBy(() -> parse("application/xml", "<!DOCTYPE r [<!ENTITY x \"y\">]><Response/>"))
                .isInstanceOf(InvalidAnswerException.class);
        String big = "<Response>" + "<Wait/>".repeat(15_000) + "</Response>";
        assertThatThrownBy(() -> parse("application/xml", big)).hasMessageContaining("100 KB");
    }

    @Test
    void readsMiniVoiceKeyedAndTypedActions() throws Exception {
        List<Instruction> actions = parse(
                "application/json",
                "{\"actions\":[{\"say\":{\"text\":\"Hi\"}},"
                        + "{\"type\":\"start_stream\",\"stream_url\":\"wss://a.example/s\",\"track\":\"both\"}]}");

        assertThat(actions).extracting(Instruction::verb).containsExactly("say", "start_stream");
        assertThat(actions.get(0).attributes()).containsEntry("text", "Hi");
        assertThat(actions.get(1).attributes()).containsEntry("track", "both").doesNotContainKey("type");
    }

    @Test
    void refusesMiniVoiceStreamsThatAreNotWssOrHaveAnUnknownTrack() {
        assertThatThrownBy(() ->
                        parse("application/json", "{\"actions\":[{\"start_stream\":{\"stream_url\":\"https://a\"}}]}"))
                .hasMessageContaining("wss://");
        assertThatThrownBy(() -> parse(
                        "application/json",
                        "{\"actions\":[{\"start_stream\":{\"stream_url\":\"wss://a\",\"track\":\"speaker\"}}]}"))
                .hasMessageContaining("speaker");
        assertThatThrownBy(() -> parse("application/json", "{\"actions\":[{\"dance\":{}}]}"))
                .hasMessageContaining("dance");
        assertThatThrownBy(() -> parse("application/json", "{\"steps\":[]}")).hasMessageContaining("actions");
    }

    @Test
    void appliesTheStreamAttributeRules() throws Exception {
        StreamAttributes clamped = StreamAttributes.from(parse(
                        "application/xml",
                        "<Response><Stream maxRetries=\"42\" keepCallAlive=\"true\">ws://a/m</Stream></Response>")
                .get(0));
        assertThat(clamped.maxRetries()).isEqualTo(10);
        assertThat(clamped.keepCallAlive()).isFalse();
        assertThat(clamped.violations()).anyMatch(v -> v.contains("keepCallAlive"));
        assertThat(clamped.refusal()).isNull();

        StreamAttributes notANumber = StreamAttributes.from(
                parse("application/xml", "<Response><Stream maxRetries=\"two\">ws://a/m</Stream></Response>")
                        .get(0));
        assertThat(notANumber.maxRetries()).isZero();

        assertThat(StreamAttributes.from(parse(
                                        "application/xml",
                                        "<Response><Stream contentType=\"audio/x-l16;rate=24000\">ws://a/m</Stream></Response>")
                                .get(0))
                        .refusal())
                .contains("24 kHz");
        assertThat(StreamAttributes.from(parse("application/xml", "<Response><Stream url=\"wss://a/m\"/></Response>")
                        .get(0)))
                .satisfies(s -> assertThat(s.refusal()).isNotNull())
                .satisfies(s -> assertThat(s.violations()).anyMatch(v -> v.contains("element's text")));
    }
}
