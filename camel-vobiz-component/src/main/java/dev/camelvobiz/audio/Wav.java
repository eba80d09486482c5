package dev.camelvobiz.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV (RIFF) in and out through the JDK's {@code javax.sound.sampled}, which parses the container
 * correctly (chunks, extensible format) and converts μ-law/A-law and 8-bit to 16-bit PCM; stereo is
 * mixed to mono here. Sample rates other than 8, 16 and 24 kHz are refused (resample first).
 */
public final class Wav {

    private Wav() {}

    /** Whether {@code bytes} start like a RIFF/WAVE file. */
    public static boolean isWav(byte[] bytes) {
        return bytes.length >= 12
                && bytes[0] == 'R'
                && bytes[1] == 'I'
                && bytes[2] == 'F'
                && bytes[3] == 'F'
                && bytes[8] == 'W'
                && bytes[9] == 'A'
                && bytes[10] == 'V'
                && bytes[11] == 'E';
    }

    public static AudioData read(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            javax.sound.sampled.AudioFormat source = in.getFormat();
            int rate = Math.round(source.getSampleRate());
            int channels = source.getChannels();
            javax.sound.sampled.AudioFormat pcm = new javax.sound.sampled.AudioFormat(
                    javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, 2 * channels, rate, false);
            byte[] interleaved;
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
                interleaved = converted.readAllBytes();
            }
            AudioFormat format = new AudioFormat(AudioEncoding.L16, rate, java.nio.ByteOrder.LITTLE_ENDIAN);
            return new AudioData(channels == 1 ? interleaved : mixDown(interleaved, channels), format);
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Unsupported WAV audio: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable WAV audio: " + e.getMessage(), e);
        }
    }

    private static byte[] mixDown(byte[] interleaved, int channels) {
        int frames = interleaved.length / (2 * channels);
        byte[] mono = new byte[frames * 2];
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = (f * channels + c) * 2;
                sum += (short) ((interleaved[at + 1] << 8) | (interleaved[at] & 0xFF));
            }
            short mixed = (short) (sum / channels);
            mono[2 * f] = (byte) mixed;
            mono[2 * f + 1] = (byte) (mixed >> 8);
        }
        return mono;
    }

    /** A mono 16-bit PCM WAV file of {@code audio} (converted to little-endian L16 first). */
    public static byte[] write(byte[] audio, AudioFormat format) {
        AudioFormat pcm = new AudioFormat(AudioEncoding.L16, format.sampleRate(), java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] samples = new AudioConverter(pcm).convert(audio, format);
        javax.sound.sampled.AudioFormat jdk =
                new javax.sound.sampled.AudioFormat(format.sampleRate(), 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), jdk, samples.length / 2)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length + 44);
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write WAV", e);
        }
    }
}
