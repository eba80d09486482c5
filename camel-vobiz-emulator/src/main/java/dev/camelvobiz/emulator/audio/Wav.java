package dev.camelvobiz.emulator.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes RIFF WAV: 16-bit PCM or μ-law in, mono 16-bit PCM out. */
public final class Wav {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private Wav() {}

    public static Pcm read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** Decodes a WAV file's bytes, mixing stereo down to mono. */
    public static Pcm read(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("Not a RIFF/WAVE file");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int position = 12;
        while (position + 8 <= wav.length) {
            int id = in.getInt(position);
            int size = in.getInt(position + 4);
            int body = position + 8;
            if (size < 0 || body + size > wav.length) {
                size = wav.length - body; // streaming writers leave the size open; take the rest
            }
            if (id == 0x20746d66) { // "fmt "
                format = in.getShort(body) & 0xFFFF;
                channels = in.getShort(body + 2);
                rate = in.getInt(body + 4);
                bits = in.getShort(body + 14);
                if (format == FORMAT_EXTENSIBLE && size >= 26) {
                    format = in.getShort(body + 24) & 0xFFFF;
                }
            } else if (id == 0x61746164) { // "data"
                return decode(wav, body, size, format, channels, rate, bits);
            }
            position = body + size + (size & 1);
        }
        throw new IllegalArgumentException("WAV file has no data chunk");
    }

    private static Pcm decode(byte[] wav, int offset, int length, int format, int channels, int rate, int bits) {
        if (channels < 1 || rate <= 0) {
            throw new IllegalArgumentException("WAV file has no usable fmt chunk");
        }
        boolean pcm16 = format == FORMAT_PCM && bits == 16;
        boolean mulaw = format == FORMAT_MULAW && bits == 8;
        if (!pcm16 && !mulaw) {
            throw new IllegalArgumentException(
                    "Unsupported WAV encoding (format " + format + ", " + bits + " bits): use 16-bit PCM or μ-law");
        }
        int frameBytes = channels * (pcm16 ? 2 : 1);
        short[] samples = new short[length / frameBytes];
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples.length; i++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                int at = offset + i * frameBytes + channel * (pcm16 ? 2 : 1);
                sum += pcm16 ? in.getShort(at) : MuLaw.decode(wav[at]);
            }
            samples[i] = (short) (sum / channels);
        }
        return new Pcm(samples, rate);
    }

    public static byte[] toBytes(Pcm pcm) {
        int dataBytes = pcm.samples().length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1);
        out.putInt(pcm.sampleRate())
                .putInt(pcm.sampleRate() * 2)
                .putShort((short) 2)
                .putShort((short) 16);
        out.putInt(0x61746164).putInt(dataBytes);
        for (short sample : pcm.samples()) {
            out.putShort(sample);
        }
        return out.array();
    }

    public static void write(Pcm pcm, Path file) throws IOException {
        Files.write(file, toBytes(pcm));
    }
}
