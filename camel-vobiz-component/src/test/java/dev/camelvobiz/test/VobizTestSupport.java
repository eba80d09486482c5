package dev.camelvobiz.test;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import dev.camelvobiz.emulator.audio.Pcm;
import java.nio.ByteOrder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/** A Camel context per test class with one free port for the vobiz server. */
public abstract class VobizTestSupport extends CamelTestSupport {

    protected final int port = AvailablePortFinder.getNextAvailable();

    /** The options that put an endpoint on this test's server (loopback, the free port); more follow with {@code &}. */
    protected String onThisServer() {
        return "?host=127.0.0.1&port=" + port;
    }

    /** The stream consumer URI on this test's port with extra options, e.g. {@code "&token=x"}. */
    protected String streamUri(String options) {
        return "vobiz:stream" + onThisServer() + "&path=/media" + options;
    }

    protected VobizPeer startCall(String streamId, String callId) {
        return VobizPeer.start(port, "/media", streamId, callId);
    }

    /**
     * What an echo of {@code bigEndian} L16 sounds like on the wire: the component reads inbound L16 as
     * big-endian and sends playAudio little-endian (protocol §14.9 defaults), so the same samples come
     * back with each pair of bytes swapped.
     */
    protected static byte[] echoed(byte[] bigEndian) {
        byte[] swapped = new byte[bigEndian.length];
        for (int i = 0; i + 1 < bigEndian.length; i += 2) {
            swapped[i] = bigEndian[i + 1];
            swapped[i + 1] = bigEndian[i];
        }
        return swapped;
    }

    /** {@code millis} of a sine at {@code hertz}, L16 8 kHz little-endian: a stream's default outbound format. */
    protected static byte[] tone(int hertz, int millis) {
        return tone(hertz, millis, 16383);
    }

    /** A sine of {@code amplitude} (of 32767), L16 8 kHz little-endian. */
    protected static byte[] tone(int hertz, int millis, int amplitude) {
        short[] samples = new short[8 * millis];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / 8000.0));
        }
        return Samples.encode(samples, samples.length, OUTBOUND_L16_8K);
    }

    private static final AudioFormat OUTBOUND_L16_8K = AudioFormat.L16_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN);

    /** Distinct, recognisable audio: 20 ms of L16 8 kHz whose bytes encode the call and frame numbers. */
    protected static byte[] frame(int call, int index) {
        byte[] audio = new byte[320];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (call * 31 + index * 7 + i);
        }
        return audio;
    }

    /** Amplitude of {@code hertz} in the 20 ms window at {@code from} (Goertzel). */
    protected static double toneStrength(Pcm pcm, int from, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / pcm.sampleRate());
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + 160; i++) {
            double s0 = pcm.samples()[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / 160;
    }
}
