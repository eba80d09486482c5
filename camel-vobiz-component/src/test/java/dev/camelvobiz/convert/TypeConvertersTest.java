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
import java.util.List;
import java.util.Map;
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
        assertThat(converter.convertTo(String.class, MiniVoice.actions().say("Hi")))
                .isEqualTo(MiniVoice.actions().say("Hi").toJson());
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
