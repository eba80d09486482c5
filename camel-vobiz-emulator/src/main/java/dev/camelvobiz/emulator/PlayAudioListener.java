package dev.camelvobiz.emulator;

/** Told of every {@code playAudio} payload as it arrives (load mode measures round trips with it). */
@FunctionalInterface
interface PlayAudioListener {

    void onPlayAudio(byte[] payload, long arrivalNanos);
}
