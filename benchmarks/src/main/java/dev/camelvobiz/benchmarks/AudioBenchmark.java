package dev.camelvobiz.benchmarks;

import dev.camelvobiz.audio.AudioConverter;
import dev.camelvobiz.audio.AudioEncoding;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.AudioFramer;
import dev.camelvobiz.audio.Samples;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one 20 ms frame through each audio conversion the stream path can do, and of framing a
 * streamed TTS chunk. A call makes 50 of these a second per direction, so 1 µs per frame is 0.005 %
 * of a core per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AudioBenchmark {

    private static final AudioFormat L16_BE_8K = AudioFormat.L16_8K;
    private static final AudioFormat L16_LE_8K = L16_BE_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN);
    private static final AudioFormat L16_LE_16K = new AudioFormat(AudioEncoding.L16, 16000, ByteOrder.LITTLE_ENDIAN);

    private byte[] l16Frame;
    private byte[] mulawFrame;
    private byte[] l16Frame16k;
    private byte[] ttsChunk;
    private AudioConverter swap;
    private AudioConverter toMulaw;
    private AudioConverter fromMulaw;
    private AudioConverter upsample;
    private AudioConverter downsample;
    private AudioFramer framer;

    @Setup
    public void setUp() {
        short[] samples = new short[320];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        l16Frame = Samples.encode(samples, 160, L16_BE_8K);
        mulawFrame = Samples.encode(samples, 160, AudioFormat.MULAW_8K);
        l16Frame16k = Samples.encode(samples, 320, L16_LE_16K);
        ttsChunk = new byte[1234];
        swap = new AudioConverter(L16_LE_8K);
        toMulaw = new AudioConverter(AudioFormat.MULAW_8K);
        fromMulaw = new AudioConverter(L16_LE_8K);
        upsample = new AudioConverter(L16_LE_16K);
        downsample = new AudioConverter(L16_LE_8K);
        framer = new AudioFramer(L16_LE_8K);
    }

    @Benchmark
    public byte[] byteOrderSwapL16Frame() {
        return swap.convert(l16Frame, L16_BE_8K);
    }

    @Benchmark
    public byte[] l16ToMulawFrame() {
        return toMulaw.convert(l16Frame, L16_BE_8K);
    }

    @Benchmark
    public byte[] mulawToL16Frame() {
        return fromMulaw.convert(mulawFrame, AudioFormat.MULAW_8K);
    }

    @Benchmark
    public byte[] resample8kTo16kFrame() {
        return upsample.convert(l16Frame, L16_BE_8K);
    }

    @Benchmark
    public byte[] resample16kTo8kFrame() {
        return downsample.convert(l16Frame16k, L16_LE_16K);
    }

    @Benchmark
    public List<byte[]> frameA1234ByteChunk() {
        return framer.append(ttsChunk);
    }
}
