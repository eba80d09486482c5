package dev.camelvobiz.emulator.stream;

/** Told of every {@code playAudio} payload as it arrives (load mode measures round trips with it). */
@FunctionalInterface
public interface PlayAudioListener {

    void onPlayAudio(byte[] payload, long arrivalNanos);
}
