package dev.camelvobiz.emulator.call;

import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.Callee;
import dev.camelvobiz.emulator.answer.Instruction;
import dev.camelvobiz.emulator.answer.InvalidAnswerException;
import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.http.AnswerFetcher;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.record.PlaybackQueue;
import dev.camelvobiz.emulator.stream.StreamEnd;
import dev.camelvobiz.emulator.stream.StreamLeg;
import dev.camelvobiz.emulator.stream.Ticker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a call's answer documents the way Vobiz does (protocol §2, §9, §10, §12): elements top to
 * bottom; {@code Redirect} and a {@code Gather} that got digits continue with the document their URL
 * returns; the call hangs up with "End Of XML Instructions" (4010) when the elements run out.
 */
public final class CallFlow implements Runnable {

    private static final long INVALID_ANSWER_DROP_MILLIS = 1000;
    private static final CallRecord.Hangup END_OF_XML =
            new CallRecord.Hangup("End Of XML Instructions", "4010", "Vobiz");

    private static final CallRecord.Hangup STOPPED_BY_API =
            new CallRecord.Hangup("Normal Hangup", "4000", "API Request");

    private final Call call;
    private final CallRecord record;
    private final AnswerFetcher fetcher;
    private final Ticker ticker;
    private final PlaybackQueue announcements;

    public CallFlow(Call call, AnswerFetcher fetcher, Ticker ticker) {
        this.call = call;
        this.ticker = ticker;
        this.record = call.record();
        this.fetcher = fetcher;
        this.announcements = record.newPlaybackQueue();
    }

    @Override
    public void run() {
        call.flowThread(Thread.currentThread());
        try {
            if (call.outbound() != null && !dial(call.outbound())) {
                return;
            }
            List<Instruction> document = firstDocument();
            while (!record.isEnded()) {
                while (document != null && !record.isEnded()) {
                    document = execute(document);
                }
                awaitOpenStreams();
                document = transferred(); // a transfer that came while the call waited on its streams
                if (document == null) {
                    break;
                }
            }
            call.end(END_OF_XML);
        } catch (InvalidAnswerException e) {
            record.log("invalid answer", e.getMessage());
            call.pause(INVALID_ANSWER_DROP_MILLIS); // Vobiz accepts the 200 and drops the call about 1 s later
            call.end(new CallRecord.Hangup("Invalid Answer XML", "", "Error"));
        } catch (IOException e) {
            record.log("answer failed", e.toString()); // a refused connection has no message
            call.end(new CallRecord.Hangup("Answer URL Unreachable", "", "Error"));
        } catch (RuntimeException e) {
            record.log("emulator error", e.toString());
            call.end(new CallRecord.Hangup("Emulator Error", "", "Error"));
            throw e;
        }
    }

    /**
     * The destination of an outbound call rings and answers, or does not: busy, unanswered, unreachable,
     * or a machine that machine_detection=hangup hangs up on. Returns whether the call was answered.
     */
    private boolean dial(Outbound outbound) {
        Callee callee = outbound.callee();
        record.log("dialling", call.spec().to() + " (" + callee + ")");
        if (callee.outcome() == Callee.Outcome.BUSY || callee.outcome() == Callee.Outcome.FAILS) {
            call.end(callee.outcome() == Callee.Outcome.BUSY ? Hangups.BUSY : Hangups.UNREACHABLE);
            return false;
        }
        if (outbound.ringUrl() != null && !outbound.ringUrl().isBlank()) {
            Map<String, String> ringing = call.callFields("Ring", "ringing");
            call.post(outbound.ringUrl(), outbound.ringMethod(), ringing);
        }
        Duration ringFor = callee.ringFor();
        if (callee.outcome() == Callee.Outcome.NO_ANSWER
                && outbound.ringTimeout() != null
                && outbound.ringTimeout().compareTo(ringFor) < 0) {
            ringFor = outbound.ringTimeout();
        }
        if (!call.pause(ringFor.toMillis())) {
            return false; // hung up (by the API) while it rang
        }
        if (callee.outcome() == Callee.Outcome.NO_ANSWER) {
            call.end(Hangups.NO_ANSWER);
            return false;
        }
        boolean machine = callee.outcome() == Callee.Outcome.MACHINE;
        call.answered();
        record.log("answered", machine ? "by a machine" : "by a person");
        if (outbound.detectsMachines()) {
            reportMachine(outbound, machine);
            if (machine && outbound.hangsUpOnMachines()) {
                call.end(Hangups.MACHINE);
                return false;
            }
        }
        return true;
    }

    /** Machine detection's verdict: on the answer request (Machine=…) and, if set, to machine_detection_url. */
    private void reportMachine(Outbound outbound, boolean machine) {
        call.machine(machine);
        if (outbound.machineDetectionUrl() != null
                && !outbound.machineDetectionUrl().isBlank()) {
            Map<String, String> fields = call.callFields("MachineDetection", "in-progress");
            fields.put("Machine", Boolean.toString(machine));
            call.post(outbound.machineDetectionUrl(), outbound.machineDetectionMethod(), fields);
        }
    }

    /** The document of a transfer asked through the REST API, or null when none is pending. */
    private List<Instruction> transferred() throws IOException, InvalidAnswerException {
        Transfer transfer = call.takeTransfer();
        if (transfer == null) {
            return null;
        }
        Thread.interrupted(); // the transfer's wake-up call has done its work
        for (StreamLeg leg : call.legs()) {
            leg.stop(StreamEnd.API_STOP, "call transferred"); // the new answer takes the call over
        }
        return fetcher.fetch(record, transfer.url(), transfer.method(), call.callFields("Transfer", "in-progress"));
    }

    private List<Instruction> firstDocument() throws IOException, InvalidAnswerException {
        CallSpec spec = call.spec();
        if (spec.streamUrl() != null) {
            record.log("answer", "straight into a stream: " + spec.streamUrl());
            return List.of(new Instruction(
                    "Stream",
                    Map.of(
                            "bidirectional", "true",
                            "keepCallAlive", "true",
                            "contentType", spec.streamContentType()),
                    spec.streamUrl(),
                    List.of()));
        }
        try {
            return fetcher.fetch(
                    record,
                    spec.answerUrlValue(),
                    spec.answerMethodValue(),
                    call.callFields("StartApp", "in-progress"));
        } catch (IOException failed) {
            Outbound outbound = call.outbound();
            if (outbound == null || outbound.fallbackUrl() == null) {
                throw failed;
            }
            // make-call's fallback_url: asked when answer_url fails (Vobiz: after its retries or a timeout)
            record.log("fallback", outbound.fallbackMethod() + " " + outbound.fallbackUrl() + " after " + failed);
            return fetcher.fetch(
                    record,
                    outbound.fallbackUrl(),
                    outbound.fallbackMethod(),
                    call.callFields("StartApp", "in-progress"));
        }
    }

    /** Runs a document; returns the next one if an element handed over to a URL, else null. */
    private List<Instruction> execute(List<Instruction> document) throws IOException, InvalidAnswerException {
        for (Instruction instruction : document) {
            List<Instruction> moved = transferred();
            if (moved != null || record.isEnded()) {
                return moved;
            }
            List<Instruction> next = executeOne(instruction);
            if (next != null) {
                return next;
            }
        }
        return transferred();
    }

    private List<Instruction> executeOne(Instruction instruction) throws IOException, InvalidAnswerException {
        switch (instruction.verb()) {
            case "Stream" -> stream(StreamAttributes.from(instruction));
            case "start_stream" -> stream(StreamAttributes.from(miniVoiceStream(instruction)));
            case "stop_stream" -> stopStreams(instruction);
            case "Speak" -> speak(instruction.text(), instruction.number("loop", 1));
            case "say" -> speak(instruction.attribute("text", ""), 1);
            case "Play" -> play(instruction.text(), instruction.number("loop", 1));
            case "Wait" -> {
                record.log("wait", instruction.number("length", 1) + " s");
                call.pause(instruction.number("length", 1) * 1000L);
            }
            case "PreAnswer" -> {
                return execute(instruction.children());
            }
            case "Gather" -> {
                return gather(instruction);
            }
            case "gather" -> gatherMiniVoice(instruction);
            case "Redirect", "redirect" -> {
                String url = "Redirect".equals(instruction.verb())
                        ? instruction.text()
                        : instruction.attribute("url", instruction.attribute("destination", ""));
                record.log("redirect", url);
                return fetcher.fetch(
                        record,
                        url,
                        instruction.attribute("method", "POST"),
                        call.callFields("Redirect", "in-progress"));
            }
            case "Hangup" -> hangup(instruction);
            default ->
                record.log(
                        "not emulated",
                        "<" + instruction.verb() + "> " + instruction.attributes() + " (logged, skipped)");
        }
        return null;
    }

    // ---- streams -------------------------------------------------------------------------------

    private void stream(StreamAttributes attributes) {
        attributes.violations().forEach(record::violation);
        if (attributes.refusal() != null) {
            record.violation("stream refused: " + attributes.refusal());
            call.end(END_OF_XML); // the media server rejects it and the call ends (§2)
            return;
        }
        record.log(
                "stream",
                attributes.url() + (attributes.bidirectional() ? " bidirectional" : "")
                        + (attributes.keepCallAlive() ? " keepCallAlive" : "") + " " + attributes.contentType());
        StreamLeg leg = call.startStream(attributes);
        if (attributes.keepCallAlive()) {
            StreamEnd end = awaitLeg(leg);
            record.log("stream ended", String.valueOf(end));
            if (end == StreamEnd.API_STOP) {
                keptAliveByOtherStreams(leg);
            }
        }
    }

    /**
     * A REST stop ends the fork, but unlike the app's {@code stop} it does not move the call on to the
     * next element (Stop Stream page): the call stays up while another stream keeps it alive, and then
     * ends. The docs name no hangup cause for this; the emulator uses a normal hang-up by API request.
     */
    private void keptAliveByOtherStreams(StreamLeg stopped) {
        for (StreamLeg leg : call.legs()) {
            if (leg != stopped
                    && leg.attributes().keepCallAlive()
                    && !leg.ended().isDone()) {
                awaitLeg(leg);
            }
        }
        call.end(STOPPED_BY_API);
    }

    private StreamEnd awaitLeg(StreamLeg leg) {
        try {
            return leg.ended().get(call.spec().maxDurationValue().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return StreamEnd.CALL_ENDED;
        }
    }

    /** MiniVoice has no keep-alive flag: the call stays up while its streams are open (emulator's rule). */
    private void awaitOpenStreams() {
        for (StreamLeg leg : call.legs()) {
            if (!leg.ended().isDone() && !leg.attributes().keepCallAlive() && isMiniVoice(leg)) {
                awaitLeg(leg);
            }
        }
    }

    private static boolean isMiniVoice(StreamLeg leg) {
        return "true".equals(leg.attributes().extraHeaders().get("minivoice"));
    }

    private static Instruction miniVoiceStream(Instruction action) {
        String track = action.attribute("track", "inbound");
        return new Instruction(
                "Stream",
                Map.of(
                        "bidirectional",
                        Boolean.toString("inbound".equals(track)),
                        "audioTrack",
                        track,
                        "extraHeaders",
                        "minivoice=true"),
                action.attribute("stream_url", ""),
                List.of());
    }

    private void stopStreams(Instruction action) {
        String url = action.attributes().get("stream_url");
        String track = action.attributes().get("track");
        for (StreamLeg leg : call.legs()) {
            boolean urlMatches =
                    url == null || url.equals(leg.attributes().url().toString());
            boolean trackMatches =
                    track == null || track.equals(leg.attributes().audioTrack());
            if (urlMatches && trackMatches) {
                leg.stop(StreamEnd.APP_STOP, "stop_stream");
            }
        }
    }

    // ---- audio the platform plays --------------------------------------------------------------

    private void speak(String text, int loop) {
        Pcm speech = Speech.render(text, loop);
        record.log("speak", "\"" + text + "\" (" + speech.durationMillis() + " ms tone)");
        announce(speech);
    }

    private void play(String url, int loop) {
        try {
            Pcm audio = Wav.read(fetcher.fetchAudio(url));
            record.log("play", url + " (" + audio.durationMillis() + " ms)");
            for (int i = 0; i < Math.max(1, loop) && !record.isEnded(); i++) {
                announce(audio);
            }
        } catch (IOException | IllegalArgumentException e) {
            record.log("play skipped", url + ": " + e.getMessage()); // a fetch failure skips the element
        }
    }

    private void announce(Pcm audio) {
        ByteBuffer bytes = ByteBuffer.allocate(audio.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(audio.samples());
        long start = announcements.enqueue(bytes.array(), audio.sampleRate(), 2, record.nowMicros());
        record.queued(start, audio);
        call.pause(audio.durationMillis());
    }

    // ---- input -----------------------------------------------------------------------------------

    private List<Instruction> gather(Instruction gather) throws IOException, InvalidAnswerException {
        call.keypad().clear();
        for (Instruction prompt : gather.children()) {
            executeOne(prompt);
        }
        String digits = collectDigits(
                gather.number("numDigits", 32),
                gather.attribute("finishOnKey", "#"),
                Math.max(5, Math.min(60, gather.number("executionTimeout", 15))) * 1000L,
                gather.number("digitEndTimeout", 5) * 1000L);
        record.log("gather", digits.isEmpty() ? "no input" : "digits " + digits);
        if (digits.isEmpty() || gather.attributes().get("action") == null) {
            return null;
        }
        Map<String, String> fields = call.callFields("Gather", "in-progress");
        fields.put("InputType", "dtmf");
        fields.put("Digits", digits);
        List<Instruction> next =
                fetcher.fetch(record, gather.attributes().get("action"), gather.attribute("method", "POST"), fields);
        return gather.flag("redirect", true) ? next : null;
    }

    private void gatherMiniVoice(Instruction gather) {
        if (gather.attributes().containsKey("prompt")) {
            speak(gather.attribute("prompt", ""), 1);
        }
        String digits =
                collectDigits(gather.number("num_digits", 32), "#", gather.number("timeout_seconds", 15) * 1000L, 5000);
        record.log("gather", digits.isEmpty() ? "no input" : "digits " + digits);
    }

    private String collectDigits(int maxDigits, String finishOnKey, long timeoutMillis, long interDigitMillis) {
        StringBuilder digits = new StringBuilder();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (digits.length() < maxDigits && !record.isEnded()) {
                long wait = digits.length() == 0
                        ? deadline - System.currentTimeMillis()
                        : Math.min(interDigitMillis, deadline - System.currentTimeMillis());
                Character digit = wait <= 0 ? null : call.keypad().poll(wait, TimeUnit.MILLISECONDS);
                if (digit == null || finishOnKey.indexOf(digit) >= 0) {
                    break;
                }
                digits.append(digit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return digits.toString();
    }

    private void hangup(Instruction hangup) {
        int schedule = hangup.number("schedule", 0);
        String reason = hangup.attribute("reason", "");
        CallRecord.Hangup how =
                switch (reason) {
                    case "rejected" -> new CallRecord.Hangup("Call Rejected", "", "Answer XML");
                    case "busy" -> new CallRecord.Hangup("Busy Line", "", "Answer XML");
                    default -> new CallRecord.Hangup("Normal Hangup", "4000", "Answer XML");
                };
        if (schedule > 0) {
            record.log("hangup scheduled", "in " + schedule + " s");
            ticker.schedule(() -> call.end(how), schedule * 1000L);
        } else {
            call.end(how);
        }
    }
}
