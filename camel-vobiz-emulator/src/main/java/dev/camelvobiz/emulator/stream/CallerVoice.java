package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.WireFormat;
import java.util.Arrays;

/**
 * The caller's voice: plays an {@link AudioSource} into the stream in real time and is silent after
 * it; {@link #say} starts another at once (what a caller talking over the app sounds like).
 */
public final class CallerVoice implements MediaSource {

    private AudioSource source;
    private Pcm rendered;
    private int position;

    public CallerVoice(AudioSource source) {
        this.source = source;
    }

    public synchronized void say(AudioSource next) {
        source = next;
        rendered = null;
        position = 0;
    }

    @Override
    public synchronized byte[] nextFrame(WireFormat format, long chunk) {
        if (rendered == null || rendered.sampleRate() != format.sampleRate()) {
            int played = rendered == null ? 0 : (int) ((long) position * format.sampleRate() / rendered.sampleRate());
            rendered = source.render(format.sampleRate());
            position = played;
        }
        int samples = format.sampleRate() / 50;
        short[] frame = new short[samples];
        int available = Math.max(0, Math.min(samples, rendered.samples().length - position));
        System.arraycopy(rendered.samples(), Math.min(position, rendered.samples().length), frame, 0, available);
        position += samples;
        Arrays.fill(frame, available, samples, (short) 0);
        return format.encode(frame, 0, samples);
    }
}
