package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.audio.Pcm;

/** Speech is not synthesised: a quiet tone as long as the text would take to say, per loop. */
final class Speech {

    private static final long MILLIS_PER_SPOKEN_CHARACTER = 60;
    private static final long MIN_SPEAK_MILLIS = 400;

    private Speech() {}

    static Pcm render(String text, int loop) {
        long millis = Math.max(MIN_SPEAK_MILLIS, text.length() * MILLIS_PER_SPOKEN_CHARACTER) * Math.max(1, loop);
        return Pcm.tone(330, 8000, millis);
    }
}
