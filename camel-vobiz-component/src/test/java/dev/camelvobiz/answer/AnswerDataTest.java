package dev.camelvobiz.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The YAML data form reads into the same checked builder. */
class AnswerDataTest {

    @Test
    void readsElementsAttributesAndChildren() throws Exception {
        Object answer = AnswerData.fromYaml(
                """
                - stream: {url: "wss://example.com/media/s3cret?x=1&y=2", bidirectional: true,
                           contentType: audio/x-mulaw;rate=8000, statusCallbackUrl: "https://example.com/events?a=1&b=2",
                           statusCallbackMethod: GET, extraHeaders: {tenant: acme, tier: gold}, keepCallAlive: true,
                           maxRetries: 3, streamTimeout: 600}
                """);
        assertThat(((VobizXml) answer).toXml()).isEqualTo(VobizXmlTest.golden("stream"));

        Object gather = AnswerData.fromYaml(
                """
                - gather:
                    action: https://example.com/digits
                    method: GET
                    inputType: dtmf speech
                    executionTimeout: 20
                    numDigits: 4
                    finishOnKey: "*"
                    language: hi-IN
                    hints: yes,no
                    redirect: false
                    speak: Enter your PIN
                    play: https://example.com/beep.wav
                """);
        assertThat(((VobizXml) gather).toXml()).isEqualTo(VobizXmlTest.golden("gather"));

        Object simple = AnswerData.fromYaml("- speak: Goodbye\n- hangup: {}\n");
        assertThat(((VobizXml) simple).toXml()).isEqualTo("<Response><Speak>Goodbye</Speak><Hangup/></Response>");
    }

    @Test
    void appliesTheSameRules() {
        assertThatThrownBy(() -> ((VobizXml) AnswerData.fromYaml(
                                "- stream: {url: wss://a/m, bidirectional: true, audioTrack: both}"))
                        .toXml())
                .hasMessageContaining("<Stream> audioTrack");
        assertThatThrownBy(() -> AnswerData.fromYaml("- stream: {url: wss://a/m, colour: blue}"))
                .hasMessageContaining("<Stream> has no attribute 'colour'");
        assertThatThrownBy(() -> AnswerData.fromYaml("- say: hello")).hasMessageContaining("'say'");
        assertThatThrownBy(() -> AnswerData.fromYaml("- speak: a\n  play: b")).hasMessageContaining("one-key map");
    }

    @Test
    void readsMiniVoiceActions() {
        Object answer = AnswerData.fromYaml(
                """
                actions:
                  - say: {text: Hello}
                  - type: start_stream
                    stream_url: wss://example.com/media
                    track: both
                """);
        assertThat(answer).isInstanceOf(MiniVoice.class);
        assertThat(((MiniVoice) answer).toJson())
                .isEqualTo("{\"actions\":[{\"say\":{\"text\":\"Hello\"}},{\"start_stream\":{\"stream_url\":"
                        + "\"wss://example.com/media\",\"track\":\"both\"}}]}");
    }
}
