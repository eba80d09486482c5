package dev.camelvobiz.audio;

import dev.camelvobiz.VobizConstants;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Message;

/**
 * A voice agent's ears, as a bean for {@code media} exchanges: an energy-based voice activity detector
 * per stream (no model, no service: loud enough for long enough is speech; quiet for long enough ends
 * the turn). Good for demos, tests and quiet lines; use a real VAD or the STT service's own for
 * production. For every {@code media} frame
 * it sets the header {@code VoiceActivity} to {@code started} (the caller began speaking: time to
 * barge in), {@code ended} (a pause long enough to end the turn: the body becomes what the caller
 * said, as {@link AudioData}, with headers {@code Turn}, {@code UtteranceMillis} and
 * {@code CamelVobizTurnEnded}: when the caller stopped speaking, so a {@code vobiz:play} of the answer
 * measures the whole wait, the end-of-turn pause included), or {@code none}.
 */
public class VoiceActivity {

    /** Frames above the threshold before speech counts as started: ignores clicks. */
    private static final int ONSET_FRAMES = 3;

    /** The longest utterance kept (10 s). */
    private static final int MAX_UTTERANCE_BYTES = 10 * 16_000 * 2;

    private static final class Listening {
        boolean speaking;
        int loudFrames;
        int quietFrames;
        int turns;
        final ByteArrayOutputStream utterance = new ByteArrayOutputStream();
    }

    private final Map<String, Listening> streams = new ConcurrentHashMap<>();
    private double speechThreshold = 800;
    private int endOfTurnMillis = 600;

    public void setSpeechThreshold(double speechThreshold) {
        this.speechThreshold = speechThreshold;
    }

    public void setEndOfTurnMillis(int endOfTurnMillis) {
        this.endOfTurnMillis = endOfTurnMillis;
    }

    public void hear(Message message) {
        byte[] audio = message.getBody(byte[].class);
        AudioFormat format = message.getHeader(VobizConstants.AUDIO_FORMAT, AudioFormat.class);
        Listening state = streams.computeIfAbsent(
                message.getHeader(VobizConstants.STREAM_ID, String.class), id -> new Listening());
        boolean loud = rms(Samples.decode(audio, format)) > speechThreshold;
        String activity = "none";
        synchronized (state) {
            if (state.speaking) {
                if (state.utterance.size() < MAX_UTTERANCE_BYTES) {
                    state.utterance.writeBytes(audio);
                }
                state.quietFrames = loud ? 0 : state.quietFrames + 1;
                if (state.quietFrames * 20 >= endOfTurnMillis) {
                    state.speaking = false;
                    state.turns++;
                    byte[] heard = state.utterance.toByteArray();
                    state.utterance.reset();
                    // the pause that ended the turn is not part of what was said
                    byte[] said = java.util.Arrays.copyOf(
                            heard, Math.max(0, heard.length - state.quietFrames * audio.length));
                    message.setBody(new AudioData(said, format));
                    message.setHeader("Turn", state.turns);
                    message.setHeader("UtteranceMillis", format.millis(said.length));
                    message.setHeader(VobizConstants.TURN_ENDED, System.currentTimeMillis() - state.quietFrames * 20L);
                    activity = "ended";
                }
            } else {
                state.loudFrames = loud ? state.loudFrames + 1 : 0;
                state.utterance.writeBytes(audio); // keep the onset: the first frames of the word
                if (state.utterance.size() > ONSET_FRAMES * audio.length) {
                    byte[] recent = state.utterance.toByteArray();
                    state.utterance.reset();
                    state.utterance.write(
                            recent, recent.length - ONSET_FRAMES * audio.length, ONSET_FRAMES * audio.length);
                }
                if (state.loudFrames >= ONSET_FRAMES) {
                    state.speaking = true;
                    state.quietFrames = 0;
                    activity = "started";
                }
            }
        }
        message.setHeader("VoiceActivity", activity);
    }

    /** Forgets a stream that closed. */
    public void forget(Message message) {
        streams.remove(message.getHeader(VobizConstants.STREAM_ID, String.class));
    }

    private static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }
}
