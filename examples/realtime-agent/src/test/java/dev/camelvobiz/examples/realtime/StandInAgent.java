package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import dev.camelvobiz.emulator.audio.Pcm;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for a speech-to-speech service, over a real WebSocket: it hears the caller with an
 * energy detector (a burst of 880 Hz is "goodbye"), thinks for 300 ms, and answers with tones sent in
 * 700-byte μ-law chunks (87.5 ms: never whole 20 ms frames) four times faster than real time, as
 * services do. When the caller speaks over an answer it stops, but one more chunk (1 kHz) of the
 * interrupted answer is already on its way. Subclasses speak the service's protocol.
 */
abstract class StandInAgent implements AutoCloseable {

    static final int GREETING_HZ = 440;
    static final int ANSWER_HZ = 660;
    static final int SECOND_ANSWER_HZ = 1800;
    static final int FAREWELL_HZ = 330;
    static final int LATE_HZ = 1000;
    static final int BYE_HZ = 880;
    static final int CHUNK = 700;

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> callIds = new CopyOnWriteArrayList<>();
    volatile int callerFrames;
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    StandInAgent() throws Exception {
        server = vertx.createHttpServer()
                .webSocketHandler(socket -> {
                    authorizations.add(String.valueOf(socket.headers().get("Authorization")));
                    callIds.add(String.valueOf(socket.headers().get("X-Vobiz-Call")));
                    Session session = open(socket);
                    socket.textMessageHandler(text -> {
                        texts.add(text);
                        session.text(text);
                    });
                    socket.binaryMessageHandler(audio -> session.hear(audio.getBytes()));
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    String url(String path) {
        return "ws://127.0.0.1:" + server.actualPort() + path;
    }

    abstract Session open(ServerWebSocket socket);

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One conversation: all of it runs on its socket's event loop. */
    abstract class Session {

        final ServerWebSocket socket;
        private int loudFrames;
        private int quietFrames;
        private int byeFrames;
        private boolean callerSpeaking;
        private int answers;
        private Long streaming; // the timer sending the current answer
        private String answer;

        Session(ServerWebSocket socket) {
            this.socket = socket;
        }

        abstract void text(String message);

        /** The caller's audio, μ-law 8 kHz, in whatever pieces the protocol carries it. */
        void hear(byte[] mulaw) {
            for (int from = 0; from + 160 <= mulaw.length; from += 160) {
                frame(Samples.decode(Arrays.copyOfRange(mulaw, from, from + 160), AudioFormat.MULAW_8K));
            }
        }

        private void frame(short[] samples) {
            callerFrames++;
            double energy = 0;
            for (short sample : samples) {
                energy += (double) sample * sample;
            }
            boolean loud = Math.sqrt(energy / samples.length) > 2000;
            loudFrames = loud ? loudFrames + 1 : 0;
            quietFrames = loud ? 0 : quietFrames + 1;
            if (loud && strength(samples, BYE_HZ) > 4000) {
                byeFrames++;
            }
            if (!callerSpeaking && loudFrames == 2) {
                callerSpeaking = true;
                byeFrames = 0;
                boolean interrupting = streaming != null;
                if (interrupting) {
                    vertx.cancelTimer(streaming);
                    streaming = null;
                }
                callerStarted(answer, interrupting);
                if (interrupting) {
                    audio(answer, mulaw(Pcm.tone(LATE_HZ, 8000, 88), 0, CHUNK)); // already on its way
                }
            } else if (callerSpeaking && quietFrames == 15) {
                callerSpeaking = false;
                boolean bye = byeFrames > 10;
                callerStopped();
                vertx.setTimer(300, t -> answer(bye));
            }
        }

        /** Speaks the greeting: the first answer, unprompted. */
        void greet() {
            speak(Pcm.tone(GREETING_HZ, 8000, 1000), () -> {});
        }

        private void answer(boolean bye) {
            if (bye) {
                speak(Pcm.tone(FAREWELL_HZ, 8000, 800), this::endCall);
            } else {
                speak(Pcm.tone(answers == 1 ? ANSWER_HZ : SECOND_ANSWER_HZ, 8000, answers == 1 ? 2000 : 600), () -> {});
            }
        }

        private void speak(Pcm speech, Runnable then) {
            answers++;
            answer = "resp_" + answers;
            answerStarted(answer);
            byte[] audio = Samples.encode(speech.samples(), speech.samples().length, AudioFormat.MULAW_8K);
            int[] sent = {0};
            String speaking = answer;
            streaming = vertx.setPeriodic(20, timer -> {
                int end = Math.min(audio.length, sent[0] + CHUNK);
                audio(speaking, Arrays.copyOfRange(audio, sent[0], end));
                sent[0] = end;
                if (end == audio.length) {
                    vertx.cancelTimer(timer);
                    streaming = null;
                    answerDone(speaking);
                    then.run();
                }
            });
        }

        private static byte[] mulaw(Pcm pcm, int from, int length) {
            byte[] all = Samples.encode(pcm.samples(), pcm.samples().length, AudioFormat.MULAW_8K);
            return Arrays.copyOfRange(all, from, Math.min(all.length, from + length));
        }

        abstract void callerStarted(String answerInterrupted, boolean interrupting);

        abstract void callerStopped();

        abstract void answerStarted(String answer);

        abstract void audio(String answer, byte[] mulaw);

        abstract void answerDone(String answer);

        abstract void endCall();
    }

    /** Amplitude of {@code hertz} in a frame (Goertzel). */
    static double strength(short[] samples, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 8000);
        double s1 = 0;
        double s2 = 0;
        for (short sample : samples) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / samples.length;
    }
}
