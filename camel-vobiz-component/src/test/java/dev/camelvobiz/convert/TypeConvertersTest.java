package dev.camelvobiz.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.answer.MiniVoice;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.event.ClosedEvent;
import dev.camelvobiz.event.DtmfEvent;
import dev.camelvobiz.event.StartEvent;
import dev.camelvobiz.event.StreamEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The converters camel-vobiz registers through Camel's generated loaders, found as any route would find them. */
class TypeConvertersTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final TypeConverter converter = camel.getTypeConverter();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void eventsBecomeMapsAndJson() {
        DtmfEvent dtmf = new DtmfEvent("s-1", "5", "inbound");

        assertThat(converter.convertTo(Map.class, dtmf))
                .containsEntry("digit", "5")
                .containsEntry("streamId", "s-1");
        assertThat(converter.convertTo(String.class, dtmf)).contains("\"digit\":\"5\"");
    }

    @Test
    void mapsAndJsonBecomeEventsAgain() {
        StartEvent start = new StartEvent(
                "s-2",
                "c-2",
                "MA_1",
                List.of("inbound"),
                AudioFormat.parse("audio/x-mulaw;rate=8000"),
                1L,
                "{}",
                null,
                null,
                null);
        ClosedEvent closed = new ClosedEvent("s-2", "c-2", 1000, "bye", List.of("greeting"));

        for (StreamEvent event : List.of(start, closed, new DtmfEvent("s-2", "7", "inbound"))) {
            String json = converter.convertTo(String.class, event);
            assertThat(converter.convertTo(StreamEvent.class, json)).as(json).isEqualTo(event);
            assertThat(converter.convertTo(StreamEvent.class, converter.convertTo(Map.class, event)))
                    .isEqualTo(event);
        }
        assertThatThrownBy(() -> converter.mandatoryConvertTo(StreamEvent.class, "{\"event\":\"media\"}"))
                .hasRootCauseMessage("Not a stream event: \"event\" is 'media'");
    }

    @Test
    void answerModelsBecomeTheTextTheyAreSentAs() {
        assertThat(converter.convertTo(String.class, VobizXml.response().speak("Hello")))
                .isEqualTo(VobizXml.response().speak("Hello").toXml())
                .contains("<Speak>Hello</Speak>");
        MiniVoice actions = MiniVoice.actions().say("Hi").gather("Press 1", 1, 10);
        String json = converter.convertTo(String.class, actions);
        assertThat(json).isEqualTo(actions.toJson());
        assertThat(converter.convertTo(MiniVoice.class, json).toJson())
                .as("read back")
                .isEqualTo(json);
    }

    @Test
    void vobizXmlTextReadsBackIntoTheModelForEveryElement() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/answer"))) {
            List<Path> golden = files.filter(f -> f.toString().endsWith(".xml")).toList();
            assertThat(golden).hasSizeGreaterThanOrEqualTo(12);
            for (Path file : golden) {
                String xml = Files.readString(file).strip();
                VobizXml answer = converter.mandatoryConvertTo(VobizXml.class, xml);
                assertThat(dom(answer.toXml()).isEqualNode(dom(xml)))
                        .as("%s read back: %s", file, answer.toXml())
                        .isTrue();
            }
        }
        assertThat(converter
                        .convertTo(
                                VobizXml.class, "<Response>\n  <Speak voice=\"MAN\">\n    Hi\n  </Speak>\n</Response>")
                        .toXml())
                .as("indentation is not text")
                .isEqualTo("<Response><Speak voice=\"MAN\">Hi</Speak></Response>");
        assertThatThrownBy(() -> converter.mandatoryConvertTo(VobizXml.class, "<Response><Dance/></Response>"))
                .hasRootCauseMessage("Unknown VobizXML element 'Dance'");
        assertThatThrownBy(() -> converter.mandatoryConvertTo(
                        VobizXml.class, "<Response><Speak><Play>x</Play></Speak></Response>"))
                .hasRootCauseMessage("<Speak> cannot contain <Play>");
        assertThatThrownBy(
                        () -> converter.mandatoryConvertTo(
                                VobizXml.class,
                                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response><Speak>&x;</Speak></Response>"))
                .rootCause()
                .hasMessageStartingWith("Not well-formed VobizXML");
    }

    /** The XML as a DOM document: equal when elements, text and attributes are, whatever the attribute order. */
    private static org.w3c.dom.Document dom(String xml) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void audioRoundTripsThroughWav() {
        byte[] pcm = new byte[320];
        for (int i = 0; i < pcm.length; i += 2) {
            pcm[i] = (byte) i; // little-endian samples 0, 2, 4, ...
        }
        AudioData audio = new AudioData(pcm, AudioFormat.parse("audio/x-l16;rate=8000;endian=little", null));

        byte[] wav = converter.convertTo(byte[].class, audio);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        AudioData back = converter.convertTo(AudioData.class, wav);
        assertThat(back.audio()).isEqualTo(pcm);
        assertThat(back.format().sampleRate()).isEqualTo(8000);

        assertThatThrownBy(() -> converter.mandatoryConvertTo(AudioData.class, new byte[] {1, 2, 3}))
                .isInstanceOf(TypeConversionException.class)
                .hasRootCauseMessage("Not a WAV file (3 bytes without a RIFF/WAVE header)");
    }
}
