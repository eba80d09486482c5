package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.VobizConstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One call's side of the bridge: the consumers that serve it (its session with the service, its speaker
 * queue) and what the service's events mean for the call right now. {@link #on} runs in the order the
 * service's messages arrived, one at a time; the monitor makes its state visible to the other threads.
 */
final class CallBridge {

    static final String ACTION = "AgentAction";
    static final String SERVICE_MILLIS = "AgentServiceMillis";
    static final String SERVICE_REPORTED_MILLIS = "AgentServiceReportedMillis";
    static final String MULAW_8K = "audio/x-mulaw;rate=8000";

    private final String callId;
    private final String serviceUri; // the call's own client endpoint
    private final String speakerUri; // the call's speaker queue
    private int generation; // the stream's barge-in generation after our latest clear
    // The service's current answer, for services whose audio names none: a new one starts with each end of
    // the caller's turn or "answer started" event, so the late audio of an interrupted one stays apart.
    private String answering = "#0";
    private int answersStarted;
    private String playing; // the answer whose audio was last queued
    // Whether any of our audio is still to be heard: chunks on their way to vobiz:play or being paced out,
    // and, after that, the component's own word on what is left (CamelVobizUnheardMillis on caller audio).
    private int chunksUnplayed;
    private long unheardUntilNanos;
    private String interrupted; // an answer cut by barge-in: its late audio is dropped
    private Instant turnEnded; // the caller's last turn, until its answer's first audio
    private long turnEndedNanos;
    private long serviceReportedMillis = -1;
    private int answers;
    private int turns;

    private final List<Consumer> consumers = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger(); // exchanges in progress in this call's consumers

    CallBridge(String callId, String serviceUri, String speakerUri) {
        this.callId = callId;
        this.serviceUri = serviceUri;
        this.speakerUri = speakerUri;
    }

    String serviceUri() {
        return serviceUri;
    }

    String speakerUri() {
        return speakerUri;
    }

    /** Starts a consumer of {@code endpoint} for this call, feeding {@code processor}. */
    void consume(Endpoint endpoint, Processor processor) throws Exception {
        Consumer consumer = endpoint.createConsumer(exchange -> {
            busy.incrementAndGet();
            try {
                processor.process(exchange);
            } finally {
                busy.decrementAndGet();
            }
        });
        consumers.add(consumer);
        consumer.start(); // a vertx-websocket client consumer connects here
    }

    /**
     * Stops the consumers in the order they started, each once nothing is in progress (up to a second):
     * the stream has closed, so what is still playing fails at once, and a consumer stopped in the middle
     * of an exchange would interrupt its thread.
     */
    void stopConsuming() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Consumer consumer : consumers) {
            while (busy.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ServiceHelper.stopAndShutdownService(consumer);
        }
    }

    String callId() {
        return callId;
    }

    /** What the route does with {@code event}: the header {@link #ACTION}, with the body and headers it needs. */
    synchronized String on(ServiceEvent event, Message message, RealtimeProtocol protocol) {
        long now = System.nanoTime();
        switch (event.kind()) {
            case AUDIO -> {
                return speak(event, message, now);
            }
            case CALLER_STARTED -> {
                if (chunksUnplayed == 0 && now >= unheardUntilNanos) {
                    return "none"; // nothing of ours is playing: not a barge-in
                }
                interrupted = playing;
                unheardUntilNanos = now;
                return "clear";
            }
            case CALLER_STOPPED -> {
                answering = "#" + ++answersStarted;
                turnEnded = Instant.now();
                turnEndedNanos = now;
                serviceReportedMillis = -1;
                return "none";
            }
            case ANSWER_STARTED -> {
                answering = "#" + ++answersStarted;
                serviceReportedMillis = event.serviceLatencyMillis();
                return "none";
            }
            case ANSWER_DONE -> {
                if (playing == null || playing.equals(interrupted)) {
                    return "none";
                }
                message.setHeader(VobizConstants.CHECKPOINT_NAME, "answer-" + answers);
                // queued behind the answer's audio: a barge-in meanwhile makes it void, never sent
                message.setHeader(VobizConstants.GENERATION, generation);
                return "answered";
            }
            case END_CALL -> {
                message.setBody(protocol.functionResult(event.text(), "The call ends after your farewell."));
                return "endCall";
            }
            default -> {
                return "none";
            }
        }
    }

    private String speak(ServiceEvent event, Message message, long now) {
        String answer = event.answerId() == null ? answering : event.answerId();
        if (answer.equals(interrupted)) {
            return "drop"; // the rest of an answer the caller interrupted, still on its way
        }
        if (!answer.equals(playing)) {
            answers++;
            playing = answer;
        }
        chunksUnplayed++;
        message.setBody(event.audio());
        message.setHeader(VobizConstants.AUDIO_FORMAT, MULAW_8K);
        message.setHeader(VobizConstants.GENERATION, generation);
        if (turnEnded != null) { // the first audio answering the caller's turn
            message.setHeader(VobizConstants.TURN_ENDED, turnEnded);
            message.setHeader(SERVICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(now - turnEndedNanos));
            message.setHeader(SERVICE_REPORTED_MILLIS, serviceReportedMillis);
            turnEnded = null;
            turns++;
        }
        return "speak";
    }

    /** A frame of the caller's audio came with the component's count of our audio still unheard. */
    synchronized void unheard(long millis, long nowNanos) {
        unheardUntilNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** A chunk of speech has left vobiz:play (played out, or dropped by a clear). */
    synchronized void chunkPlayed() {
        chunksUnplayed--;
    }

    /** The clear is written: later audio belongs to {@code newGeneration}. Returns the answer it cut. */
    synchronized String cleared(int newGeneration) {
        generation = newGeneration;
        return interrupted;
    }

    synchronized int turns() {
        return turns;
    }
}
