package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.emulator.ReferenceApp.AgentSocket;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.record.CallObserver;
import dev.camelvobiz.emulator.record.CallRecord;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call's stream against the plain-Jetty reference app: start, media pacing, playout, checkpoints, clear, stop. */
class StreamCallTest extends ReferenceAppTestSupport {

    private String streamXml(String attributes, String after) {
        return "<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\" statusCallbackUrl=\""
                + app.http("/events") + "\" " + attributes + ">" + app.ws("/media") + "</Stream>" + after
                + "</Response>";
    }

    private EmulatedCall callWith(String xml) {
        app.xml("/answer", xml);
        return emulator.call(CallSpec.answerUrl(app.http("/answer")).hangupUrl(app.http("/hangup")));
    }

    @Test
    void startsWithTheCurrentNestedShapeThenStreamsMediaEvery20Millis() throws Exception {
        EmulatedCall call = callWith(streamXml("", ""));
        AgentSocket socket = app.awaitSocket();

        JsonNode start = socket.first();
        assertThat(start.path("event").asText()).isEqualTo("start");
        assertThat(start.path("sequenceNumber").asInt()).isZero();
        assertThat(start.path("start").path("callId").asText()).isEqualTo(call.callUuid());
        assertThat(start.path("start").path("accountId").asText()).isEqualTo("500025");
        assertThat(start.path("start").path("tracks").toString()).isEqualTo("[\"inbound\"]");
        assertThat(start.path("start").path("mediaFormat").path("encoding").asText())
                .isEqualTo("audio/x-l16");
        assertThat(start.path("start").path("mediaFormat").path("sampleRate").isNumber())
                .isTrue();
        assertThat(start.path("extra_headers").asText()).isEqualTo("{}");
        String streamId = start.path("start").path("streamId").asText();

        await().atMost(WAIT).until(() -> socket.events("media").size() >= 60);
        List<ReferenceApp.AgentSocket.Message> media = socket.receivedWithTimes().stream()
                .filter(m -> "media".equals(m.json().path("event").asText()))
                .toList();
        JsonNode first = media.get(0).json();
        assertThat(first.path("streamId").asText()).isEqualTo(streamId);
        assertThat(first.path("sequenceNumber").asInt()).isEqualTo(1);
        assertThat(first.path("media").path("timestamp").isTextual()).isTrue();
        assertThat(first.path("media").path("track").asText()).isEqualTo("inbound");
        assertThat(Base64.getDecoder()
                        .decode(first.path("media").path("payload").asText()))
                .hasSize(320);
        for (int i = 0; i < 60; i++) {
            assertThat(media.get(i).json().path("media").path("chunk").asInt()).isEqualTo(i);
            assertThat(media.get(i).json().path("sequenceNumber").asInt()).isEqualTo(i + 1);
        }
        // real-time pacing: 59 intervals of 20 ms, measured on arrival (a ratio, not a wall-clock race)
        double spanMillis = (media.get(59).arrivalNanos() - media.get(0).arrivalNanos()) / 1e6;
        assertThat(spanMillis / 59).isBetween(15.0, 25.0);

        await().atMost(WAIT).until(() -> app.requests("/events").stream()
                .anyMatch(r -> "StartStream".equals(r.fields().get("Event"))));
        ReferenceApp.Received started = app.requests("/events").get(0);
        assertThat(started.fields())
                .containsEntry("CallUUID", call.callUuid())
                .containsEntry("StreamID", streamId)
                .containsEntry("ServiceURL", app.ws("/media"));
        assertThat(started.headers()).containsKey(CallbackSignature.V3);
    }

    @Test
    void playedStreamComesWhenTheAudioBeforeTheCheckpointHasPlayedAndNotBefore() throws Exception {
        callWith(streamXml("", ""));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();

        long sentNanos = System.nanoTime();
        AppMessages.playTone(streamId, 440, 1000).forEach(socket::send); // 1 s, faster than real time
        socket.send(AppMessages.checkpoint(streamId, "greeting"));

        ReferenceApp.AgentSocket.Message played = socket.awaitEvent("playedStream", WAIT);
        assertThat(played.json().path("name").asText()).isEqualTo("greeting");
        double afterMillis = (played.arrivalNanos() - sentNanos) / 1e6;
        assertThat(afterMillis).as("not before the audio's playout time").isGreaterThanOrEqualTo(1000.0);
        assertThat(afterMillis).as("within 100 ms after it").isLessThan(1100.0);
    }

    @Test
    void clearAudioCutsThePlayoutVoidsPendingCheckpointsAndRepliesClearedAudio() throws Exception {
        EmulatedCall call = callWith(streamXml("", ""));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();

        AppMessages.playTone(streamId, 440, 2000).forEach(socket::send);
        socket.send(AppMessages.checkpoint(streamId, "long-answer"));
        await().pollDelay(Duration.ofMillis(400)).until(() -> true);
        socket.send(AppMessages.clearAudio(streamId));

        JsonNode cleared = socket.awaitEvent("clearedAudio", WAIT).json();
        assertThat(cleared.path("streamId").asText()).isEqualTo(streamId);
        AppMessages.playTone(streamId, 880, 200).forEach(socket::send);
        socket.send(AppMessages.checkpoint(streamId, "after-clear"));
        socket.awaitMessage(m -> "after-clear".equals(m.path("name").asText()), WAIT);

        assertThat(socket.events("playedStream"))
                .extracting(m -> m.path("name").asText())
                .containsExactly("after-clear");
        assertThat(call.record().checkpointsVoided()).containsExactly("long-answer");
        await().atMost(WAIT).until(() -> app.requests("/events").stream()
                .anyMatch(r -> "ClearedAudio".equals(r.fields().get("Event"))));

        // heard: about 0.4 s of the first tone, cut, then the short second one
        Pcm heard = call.record().heard(8000);
        assertThat(heard.audibleMillis()).isBetween(500L, 900L);
    }

    @Test
    void stopClosesTheSocketRunsTheNextElementThenHangsUpWithEndOfXml() throws Exception {
        EmulatedCall call = callWith(streamXml("", "<Speak>Bye</Speak>"));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();

        socket.send(AppMessages.stop(streamId));

        assertThat(socket.awaitClose(WAIT).getCode()).isEqualTo(1000);
        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        assertThat(hangup.cause()).isEqualTo("End Of XML Instructions");
        assertThat(hangup.causeCode()).isEqualTo("4010");
        assertThat(call.record().timeline())
                .extracting(CallRecord.Entry::what)
                .containsSubsequence("stop", "stream closed", "speak", "hangup");
        await().atMost(WAIT).until(() -> !app.requests("/hangup").isEmpty());
        assertThat(app.requests("/hangup").get(0).fields())
                .containsEntry("Event", "Hangup")
                .containsEntry("HangupCauseCode", "4010")
                .containsEntry("HangupSource", "Vobiz")
                .containsEntry("CallUUID", call.callUuid());
        await().atMost(WAIT).until(() -> app.requests("/events").stream()
                .anyMatch(r -> "StopStream".equals(r.fields().get("Event"))));
    }

    @Test
    void aDroppedSocketIsRetriedWithANewStreamIdOnTheSameCall() throws Exception {
        app.xml("/answer", streamXml("maxRetries=\"1\"", ""));
        EmulatedCall call =
                emulator.call(CallSpec.answerUrl(app.http("/answer")).dropStreamAt(Duration.ofMillis(800)));
        AgentSocket first = app.awaitSocket();
        AgentSocket second = app.awaitSocket();

        JsonNode start1 = first.first().path("start");
        JsonNode start2 = second.first().path("start");
        assertThat(start2.path("callId").asText())
                .isEqualTo(start1.path("callId").asText());
        assertThat(start2.path("streamId").asText())
                .isNotEqualTo(start1.path("streamId").asText());
        assertThat(call.record().streamIds()).hasSize(2);
        await().atMost(WAIT).until(() -> app.requests("/events").stream()
                .anyMatch(r -> "DroppedStream".equals(r.fields().get("Event"))));

        second.close(1000, "app done"); // no retries left: the stream ends, and with it the XML
        assertThat(call.awaitHangup(WAIT).cause()).isEqualTo("End Of XML Instructions");
    }

    @Test
    void legacyFlatShapeCarriesTheFormatInContentTypeAndMediaPerFrame() throws Exception {
        app.xml("/answer", streamXml("contentType=\"audio/x-mulaw;rate=8000\"", ""));
        emulator.call(CallSpec.answerUrl(app.http("/answer")).shape(StartShape.FLAT));
        AgentSocket socket = app.awaitSocket();

        JsonNode start = socket.first();
        assertThat(start.has("start")).isFalse();
        assertThat(start.path("streamId").asText()).isNotEmpty();
        assertThat(start.path("contentType").asText()).isEqualTo("audio/x-mulaw;rate=8000");
        JsonNode media = socket.awaitEvent("media", WAIT).json().path("media");
        assertThat(media.path("contentType").asText()).isEqualTo("audio/x-mulaw");
        assertThat(media.path("timestamp").isNumber()).isTrue();
        assertThat(media.has("chunk")).isFalse();
        assertThat(Base64.getDecoder().decode(media.path("payload").asText())).hasSize(160);
    }

    @Test
    void plivoShapeCountsFromOneAndPassesExtraHeaders() throws Exception {
        app.xml("/answer", streamXml("extraHeaders=\"tenant=acme\" contentType=\"audio/x-l16;rate=16000\"", ""));
        emulator.call(CallSpec.answerUrl(app.http("/answer")).shape(StartShape.PLIVO));
        AgentSocket socket = app.awaitSocket();

        JsonNode start = socket.first();
        assertThat(start.path("sequenceNumber").asInt()).isEqualTo(1);
        assertThat(start.path("start").path("accountId").asText()).startsWith("MA_");
        assertThat(start.path("extra_headers").asText()).isEqualTo("tenant=acme");
        assertThat(start.path("start").path("mediaFormat").path("sampleRate").asInt())
                .isEqualTo(16000);
        JsonNode media = socket.awaitEvent("media", WAIT).json();
        assertThat(Base64.getDecoder()
                        .decode(media.path("media").path("payload").asText()))
                .hasSize(640);
        await().atMost(WAIT).until(() -> app.requests("/events").stream()
                .anyMatch(r -> "acme".equals(r.fields().get("X-VH-tenant"))));
    }

    @Test
    void bidirectionalWithBothTracksIsRefusedAndTheCallEnds() throws Exception {
        EmulatedCall call = callWith(streamXml("audioTrack=\"both\"", "<Speak>never</Speak>"));

        assertThat(call.awaitHangup(WAIT).cause()).isEqualTo("End Of XML Instructions");
        assertThat(app.sockets()).isEmpty();
        assertThat(call.record().violations()).anyMatch(v -> v.contains("audioTrack=\"both\""));
    }

    @Test
    void bothTracksOfAOneWayStreamArriveAsTwoMediaStreams() throws Exception {
        app.xml(
                "/answer",
                "<Response><Stream audioTrack=\"both\" streamTimeout=\"2\">" + app.ws("/media")
                        + "</Stream><Wait length=\"3\"/></Response>");
        emulator.call(CallSpec.answerUrl(app.http("/answer")));
        AgentSocket socket = app.awaitSocket();

        assertThat(socket.first().path("start").path("tracks").toString()).isEqualTo("[\"inbound\",\"outbound\"]");
        await().atMost(WAIT).until(() -> socket.events("media").size() >= 10);
        assertThat(socket.events("media"))
                .extracting(m -> m.path("media").path("track").asText())
                .contains("inbound", "outbound");
        assertThat(socket.events("media"))
                .allSatisfy(m -> assertThat(m.path("streamId").asText())
                        .isEqualTo(socket.first().path("start").path("streamId").asText()));
    }

    @Test
    void streamTimeoutEndsTheStreamAndTheFlowGoesOn() throws Exception {
        EmulatedCall call = callWith(streamXml("streamTimeout=\"1\"", "<Speak>after</Speak>"));
        AgentSocket socket = app.awaitSocket();

        assertThat(socket.awaitClose(WAIT).getCode()).isEqualTo(1000);
        assertThat(call.awaitHangup(WAIT).causeCode()).isEqualTo("4010");
        assertThat(call.record().timeline())
                .extracting(CallRecord.Entry::what)
                .containsSubsequence("stream closed", "speak");
    }

    @Test
    void theCallersAudioIsStreamedAndTheAppsSlipsAreRecorded() throws Exception {
        app.xml("/answer", streamXml("", ""));
        EmulatedCall call =
                emulator.call(CallSpec.answerUrl(app.http("/answer")).callerAudio(AudioSource.tone(440, 500)));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();

        JsonNode media = socket.awaitEvent("media", WAIT).json();
        byte[] payload =
                Base64.getDecoder().decode(media.path("media").path("payload").asText());
        assertThat(payload).as("a tone, not silence").isNotEqualTo(new byte[320]);
        socket.send("{\"event\":\"playAudio\",\"media\":{\"contentType\":\"audio/x-l16;rate=8000\","
                + "\"sampleRate\":\"8000\",\"payload\":\"AAAA\"}}");
        socket.send("{not json");
        socket.send(AppMessages.stop(streamId));

        call.awaitHangup(WAIT);
        assertThat(call.record().violations())
                .anyMatch(v -> v.contains("sampleRate sent as a string"))
                .anyMatch(v -> v.contains("without a top-level streamId"))
                .anyMatch(v -> v.contains("carries parameters"))
                .anyMatch(v -> v.contains("unreadable command"));
    }

    @Test
    void theCallerHangingUpClosesTheStreamAndVoidsWhatWasStillQueued() throws Exception {
        EmulatedCall call = callWith(streamXml("", ""));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();
        AppMessages.playTone(streamId, 440, 3000).forEach(socket::send);
        socket.send(AppMessages.checkpoint(streamId, "unheard"));
        await().atMost(WAIT).until(() -> call.record().timeline().stream()
                .anyMatch(e -> e.what().equals("checkpoint")));

        call.hangup();

        assertThat(socket.awaitClose(WAIT).getCode()).isEqualTo(1000);
        assertThat(call.record().hangup().get(5, TimeUnit.SECONDS).source()).isEqualTo("Caller");
        await().atMost(WAIT).until(() -> call.record().checkpointsVoided().contains("unheard"));
        assertThat(socket.events("playedStream")).isEmpty();
        assertThat(call.record().mediaMessagesSent())
                .as("media the record counts as written = media the app received")
                .isPositive()
                .isEqualTo(socket.events("media").size());
    }

    @Test
    void observersHearTheCallAsItHappensAndOneThatThrowsDoesNotHurtIt() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.xml("/answer", streamXml("", ""));
        EmulatedCall call = emulator.call(CallSpec.answerUrl(app.http("/answer"))
                .callerAudio(AudioSource.tone(440, 200))
                .observer(new CallObserver() {
                    @Override
                    public void logged(CallRecord.Entry entry) {
                        throw new IllegalStateException("a broken view");
                    }
                })
                .observer(new CallObserver() {
                    @Override
                    public void streamOpened(String streamId, int sampleRate) {
                        seen.add("stream " + sampleRate);
                    }

                    @Override
                    public void said(long atMicros, short[] samples, int sampleRate) {
                        seen.add("said");
                    }

                    @Override
                    public void checkpoint(String name, CheckpointState state) {
                        seen.add(name + " " + state);
                    }

                    @Override
                    public void ended(CallRecord.Hangup hangup) {
                        seen.add("ended " + hangup.cause());
                    }
                }));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();
        AppMessages.playTone(streamId, 440, 100).forEach(socket::send);
        socket.send(AppMessages.checkpoint(streamId, "short"));
        socket.awaitEvent("playedStream", WAIT);
        call.hangup();
        call.awaitHangup(WAIT);

        assertThat(seen).startsWith("stream 8000").contains("said", "short QUEUED", "short PLAYED");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("ended Normal Hangup");
        assertThat(call.record().timeline())
                .filteredOn(entry -> entry.what().equals("observer failed"))
                .isNotEmpty()
                .allMatch(entry -> entry.detail().contains("a broken view"));
        assertThat(call.record().said(8000).audibleMillis())
                .as("the tone, until the hang-up")
                .isBetween(60L, 220L);
    }

    @Test
    void aCommandForAnotherStreamIdIsAViolationAndHasNoEffect() throws Exception {
        EmulatedCall call = callWith(streamXml("", "<Speak>after the stream</Speak>"));
        AgentSocket socket = app.awaitSocket();
        String streamId = socket.first().path("start").path("streamId").asText();

        socket.send(AppMessages.stop("not-" + streamId));
        socket.send(AppMessages.checkpoint("not-" + streamId, "elsewhere"));
        socket.send(AppMessages.checkpoint(streamId, "here")); // commands are handled in order
        socket.awaitEvent("playedStream", WAIT);
        assertThat(socket.events("playedStream"))
                .extracting(e -> e.path("name").asText())
                .containsExactly("here");
        assertThat(call.record().isEnded()).as("the wrong stop closed nothing").isFalse();
        assertThat(call.record().violations())
                .anyMatch(v -> v.startsWith("stop for unknown stream not-" + streamId))
                .anyMatch(v -> v.startsWith("checkpoint for unknown stream not-" + streamId));

        socket.send(AppMessages.stop(streamId));
        assertThat(socket.awaitClose(WAIT).getCode()).isEqualTo(1000);
        assertThat(call.awaitHangup(WAIT).causeCode()).isEqualTo("4010");
        assertThat(call.record().timeline().stream().map(CallRecord.Entry::what))
                .as("the app's stop moves the call on to the next element")
                .contains("speak");
    }
}
