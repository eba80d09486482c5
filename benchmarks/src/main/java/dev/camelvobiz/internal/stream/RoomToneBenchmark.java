package dev.camelvobiz.internal.stream;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a room-tone bed costs per frame (50 of them a second per call, for the whole call): the next
 * frame of the looped bed alone, and with a speech frame mixed over it, in the stream's outbound
 * format (L16 little-endian, the default, or μ-law). Run with {@code -prof gc} for the bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoomToneBenchmark {

    @Param({"audio/x-l16;rate=8000", "audio/x-mulaw;rate=8000"})
    public String format;

    private RoomTone bed;
    private byte[] speech;

    @Setup
    public void setUp() {
        AudioFormat outbound = AudioFormat.parse(format, ByteOrder.LITTLE_ENDIAN);
        short[] noise = new short[8000 * 2 + 37]; // two seconds and a bit: the loop wraps mid-frame
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) ((i * 7919) % 600 - 300);
        }
        bed = new RoomTone(Samples.encode(noise, noise.length, outbound), outbound);
        short[] voice = new short[160];
        for (int i = 0; i < voice.length; i++) {
            voice[i] = (short) (Math.sin(i / 3.0) * 12000);
        }
        speech = Samples.encode(voice, voice.length, outbound);
    }

    @Benchmark
    public byte[] bedAlone() {
        return bed.under(null);
    }

    @Benchmark
    public byte[] speechOverTheBed() {
        return bed.under(speech);
    }
}
