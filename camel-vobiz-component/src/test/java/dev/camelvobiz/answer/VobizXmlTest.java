package dev.camelvobiz.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.answer.AnswerEnums.AudioTrack;
import dev.camelvobiz.answer.AnswerEnums.HangupReason;
import dev.camelvobiz.answer.AnswerEnums.HttpMethod;
import dev.camelvobiz.answer.AnswerEnums.InputType;
import dev.camelvobiz.answer.AnswerEnums.RecordFormat;
import dev.camelvobiz.answer.AnswerEnums.StreamContentType;
import dev.camelvobiz.answer.AnswerEnums.Voice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every VobizXML element against a golden file, and every refusal with its message. */
class VobizXmlTest {

    static String golden(String name) throws IOException {
        try (InputStream in = VobizXmlTest.class.getResourceAsStream("/answer/" + name + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, VobizXml> everyElement() {
        Map<String, VobizXml> documents = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("tenant", "acme");
        extra.put("tier", "gold");
        documents.put(
                "stream",
                VobizXml.response().stream("wss://example.com/media/s3cret?x=1&y=2", s -> s.bidirectional(true)
                        .audioTrack(AudioTrack.INBOUND)
                        .contentType(StreamContentType.MULAW_8K)
                        .statusCallbackUrl("https://example.com/events?a=1&b=2")
                        .statusCallbackMethod(HttpMethod.GET)
                        .extraHeaders(extra)
                        .keepCallAlive(true)
                        .maxRetries(3)
                        .streamTimeout(600)));
        documents.put("speak", VobizXml.response().speak("Hello <caller> & welcome", s -> s.voice(Voice.MAN)
                .language("en-GB")
                .loop(2)));
        documents.put("play", VobizXml.response().play("https://example.com/hold.mp3", p -> p.loop(0)));
        documents.put(
                "wait",
                VobizXml.response()
                        .waitFor(w -> w.length(3).silence(true).minSilence(500))
                        .waitFor(1));
        documents.put("gather", VobizXml.response().gather("https://example.com/digits", g -> g.method(HttpMethod.GET)
                .inputType(InputType.DTMF_SPEECH)
                .executionTimeout(20)
                .numDigits(4)
                .finishOnKey("*")
                .language("hi-IN")
                .hints("yes,no")
                .redirect(false)
                .speak("Enter your PIN")
                .play("https://example.com/beep.wav")));
        documents.put("dial", VobizXml.response().dial(d -> d.action("https://example.com/dialed", HttpMethod.POST)
                .callerId("918000000000")
                .timeLimit(600)
                .hangupOnStar(true)
                .number("918071387423")
                .user("sip:agent@example.com")));
        documents.put(
                "record", VobizXml.response().record(r -> r.action("https://example.com/recorded", HttpMethod.POST)
                        .fileFormat(RecordFormat.WAV)
                        .maxLength(30)
                        .playBeep(false)
                        .recordSession(true)));
        documents.put("conference", VobizXml.response().conference("Room-42", c -> c.muted(true)
                .endConferenceOnExit(true)
                .maxParticipants(10)));
        documents.put(
                "redirect", VobizXml.response().redirect("https://example.com/next", r -> r.method(HttpMethod.GET)));
        documents.put(
                "hangup",
                VobizXml.response()
                        .hangup(h -> h.reason(HangupReason.BUSY).schedule(30))
                        .speak("You have thirty seconds")
                        .hangup());
        documents.put("preanswer", VobizXml.response().preAnswer(p -> p.speak("Connecting")
                .play("https://example.com/ring.wav")
                .waitFor(2)));
        documents.put("dtmf", VobizXml.response().dtmf("12w34#", d -> d.async(false)));
        return documents;
    }

    @Test
    void everyElementMatchesItsGoldenFile() throws IOException {
        for (Map.Entry<String, VobizXml> document : everyElement().entrySet()) {
            assertThat(document.getValue().toXml()).as(document.getKey()).isEqualTo(golden(document.getKey()));
        }
    }

    @Test
    void refusesWhatVobizRejectsNamingElementAndAttribute() {
        assertThatThrownBy(() -> VobizXml.response().stream(
                                "wss://a/m", s -> s.bidirectional(true).audioTrack(AudioTrack.BOTH))
                        .toXml())
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("<Stream> audioTrack");
        assertThatThrownBy(() -> VobizXml.response().stream("wss://a/m", s -> s.audioTrack(AudioTrack.OUTBOUND)
                                .bidirectional(true))
                        .toXml())
                .hasMessageContaining("<Stream> audioTrack");
        assertThatThrownBy(() -> VobizXml.response().stream("wss://a/m", s -> s.keepCallAlive(true))
                        .toXml())
                .hasMessageContaining("<Stream> keepCallAlive");
        assertThatThrownBy(() -> VobizXml.response().stream("wss://a/m", s -> s.contentType(StreamContentType.L16_24K))
                        .toXml())
                .hasMessageContaining("<Stream> contentType");
        assertThatThrownBy(() -> VobizXml.response().stream("https://a/m").toXml())
                .hasMessageContaining("<Stream> URL");
        assertThatThrownBy(() -> VobizXml.response().stream("wss://a/m", s -> s.maxRetries(11))
                        .toXml())
                .hasMessageContaining("<Stream> maxRetries");
        assertThatThrownBy(() -> VobizXml.response().stream("wss://a/m", s -> s.extraHeaders(Map.of("bad key", "x")))
                        .toXml())
                .hasMessageContaining("<Stream> extraHeaders");
        assertThatThrownBy(() -> VobizXml.response().hangup(h -> h.schedule(10)).toXml())
                .hasMessageContaining("<Hangup> schedule");
        assertThatThrownBy(() -> VobizXml.response()
                        .waitFor(w -> w.silence(true).beep(true))
                        .toXml())
                .hasMessageContaining("<Wait> silence/beep");
        assertThatThrownBy(() -> VobizXml.response()
                        .gather("https://a/g", g -> g.executionTimeout(90))
                        .toXml())
                .hasMessageContaining("<Gather> executionTimeout");
        assertThatThrownBy(
                        () -> VobizXml.response().gather("ftp://a/g", g -> {}).toXml())
                .hasMessageContaining("<Gather> action");
        assertThatThrownBy(() -> VobizXml.response().dtmf("12a").toXml()).hasMessageContaining("<DTMF> digits");
        assertThatThrownBy(() -> VobizXml.response().dial(d -> {}).toXml()).hasMessageContaining("<Dial> children");
        VobizXml huge = VobizXml.response();
        for (int i = 0; i < 2000; i++) {
            huge.speak("A rather long sentence that is said again and again to fill the document.");
        }
        assertThatThrownBy(huge::toXml).hasMessageContaining("100 KB");
    }

    @Test
    void leavesDefaultsOut() {
        assertThat(VobizXml.response().stream("wss://a/m", s -> s.bidirectional(false)
                                .audioTrack(AudioTrack.INBOUND)
                                .contentType(StreamContentType.L16_8K)
                                .streamTimeout(86400)
                                .maxRetries(0))
                        .speak("Hi", s -> s.voice(Voice.WOMAN).language("en-US").loop(1))
                        .toXml())
                .isEqualTo("<Response><Stream>wss://a/m</Stream><Speak>Hi</Speak></Response>");
    }
}
