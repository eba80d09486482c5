package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.record.CallRecord;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The answer_url contract (protocol §9) and the non-stream elements of §10, run against the reference app. */
class CallFlowTest extends ReferenceAppTestSupport {

    private EmulatedCall call() {
        return emulator.call(CallSpec.answerUrl(app.http("/answer")).hangupUrl(app.http("/hangup")));
    }

    @Test
    void postsTheAnswerFieldsAndRunsElementsInOrderThenHangsUpAtTheEnd() throws Exception {
        app.xml("/answer", "<Response><Speak>Hello</Speak><Wait length=\"1\"/></Response>");
        EmulatedCall call = call();

        CallRecord.Hangup hangup = call.awaitHangup(WAIT);

        ReferenceApp.Received answer = app.requests("/answer").get(0);
        assertThat(answer.method()).isEqualTo("POST");
        assertThat(answer.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(answer.fields())
                .containsEntry("CallUUID", call.callUuid())
                .containsEntry("Event", "StartApp")
                .containsEntry("CallStatus", "in-progress")
                .containsEntry("Direction", "inbound")
                .containsKeys("From", "To", "RequestUUID");
        assertThat(hangup).isEqualTo(new CallRecord.Hangup("End Of XML Instructions", "4010", "Vobiz"));
        assertThat(call.record().timeline())
                .extracting(CallRecord.Entry::what)
                .containsSubsequence("answer", "speak", "wait", "hangup");
        await().atMost(WAIT).until(() -> !app.requests("/hangup").isEmpty());
        assertThat(app.requests("/hangup").get(0).fields())
                .containsEntry("CallStatus", "completed")
                .containsKeys("StartTime", "AnswerTime", "EndTime", "Duration", "BillDuration", "HangupCause");
    }

    @Test
    void answersByGetWhenAskedTo() throws Exception {
        app.xml("/answer", "<Response><Hangup/></Response>");
        EmulatedCall call =
                emulator.call(CallSpec.answerUrl(app.http("/answer")).answerMethod("GET"));

        assertThat(call.awaitHangup(WAIT).source()).isEqualTo("Answer XML");
        assertThat(app.requests("/answer").get(0).method()).isEqualTo("GET");
        assertThat(app.requests("/answer").get(0).fields()).containsEntry("Event", "StartApp");
    }

    @Test
    void malformedXmlDropsTheCallAboutASecondLaterAsInvalidAnswerXml() throws Exception {
        app.xml("/answer", "<Response><Play>https://x.example/a.wav?a=1&b=2</Play></Response>");
        EmulatedCall call = call();

        CallRecord.Hangup hangup = call.awaitHangup(WAIT);

        assertThat(hangup.cause()).isEqualTo("Invalid Answer XML");
        long droppedAt = call.record().timeline().stream()
                .filter(e -> e.what().equals("hangup"))
                .findFirst()
                .orElseThrow()
                .atMillis();
        assertThat(droppedAt).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void anAnswerServedAsHtmlIsNotRun() throws Exception {
        app.document("/answer", "text/html", "<Response><Speak>hi</Speak></Response>");

        EmulatedCall call = call();

        assertThat(call.awaitHangup(WAIT).cause()).isEqualTo("Invalid Answer XML");
        assertThat(call.record().timeline()).noneMatch(e -> e.what().equals("speak"));
    }

    @Test
    void redirectFetchesTheNextDocumentWithEventRedirect() throws Exception {
        app.xml("/answer", "<Response><Redirect>" + app.http("/next") + "</Redirect><Speak>skipped</Speak></Response>");
        app.xml("/next", "<Response><Hangup reason=\"busy\"/></Response>");
        EmulatedCall call = call();

        assertThat(call.awaitHangup(WAIT).cause()).isEqualTo("Busy Line");
        assertThat(app.requests("/next").get(0).fields()).containsEntry("Event", "Redirect");
        assertThat(call.record().timeline()).noneMatch(e -> e.detail().contains("skipped"));
    }

    @Test
    void gatherCollectsTheScriptsDigitsAndPostsThemToItsAction() throws Exception {
        app.xml(
                "/answer",
                "<Response><Gather action=\"" + app.http("/digits")
                        + "\" numDigits=\"3\" executionTimeout=\"5\"><Speak>Enter your PIN</Speak></Gather></Response>");
        app.xml("/digits", "<Response><Speak>Thanks</Speak></Response>");
        EmulatedCall call =
                emulator.call(CallSpec.answerUrl(app.http("/answer")).dtmfAt(Duration.ofMillis(1500), "4711"));

        call.awaitHangup(WAIT);

        assertThat(app.requests("/digits")).hasSize(1);
        assertThat(app.requests("/digits").get(0).fields())
                .containsEntry("Digits", "471")
                .containsEntry("InputType", "dtmf");
        assertThat(call.record().timeline()).anyMatch(e -> e.detail().contains("Thanks"));
    }

    @Test
    void gatherWithoutInputGoesOnToTheNextElement() throws Exception {
        app.xml(
                "/answer",
                "<Response><Gather action=\"" + app.http("/digits")
                        + "\" executionTimeout=\"5\"/><Speak>No input</Speak></Response>");
        EmulatedCall call = call();

        call.awaitHangup(WAIT);

        assertThat(app.requests("/digits")).isEmpty();
        assertThat(call.record().timeline()).anyMatch(e -> e.detail().contains("No input"));
    }

    @Test
    void playFetchesTheWavAndTheCallerHearsIt() throws Exception {
        app.file("/beep.wav", Wav.toBytes(Pcm.tone(600, 16000, 300)));
        app.xml(
                "/answer",
                "<Response><Play>" + app.http("/beep.wav") + "</Play><Play>" + app.http("/missing.wav")
                        + "</Play></Response>");
        EmulatedCall call = call();

        call.awaitHangup(WAIT);

        Pcm heard = call.record().heard(16000);
        assertThat(heard.durationMillis()).isBetween(290L, 700L);
        assertThat(heard.rms(heard.samples().length - 1600, heard.samples().length))
                .isGreaterThan(1000);
        assertThat(call.record().timeline()).anyMatch(e -> e.what().equals("play skipped"));
    }

    @Test
    void dialRecordAndConferenceAreLoggedNotRun() throws Exception {
        app.xml(
                "/answer",
                "<Response><Record maxLength=\"5\"/><Dial><Number>15551234</Number></Dial>"
                        + "<Conference>room</Conference></Response>");

        EmulatedCall call = call();

        assertThat(call.awaitHangup(WAIT).causeCode()).isEqualTo("4010");
        assertThat(call.record().timeline().stream().filter(e -> e.what().equals("not emulated")))
                .hasSize(3);
    }

    @Test
    void miniVoiceActionsRunInEitherEncoding() throws Exception {
        app.document(
                "/answer",
                "application/json",
                "{\"actions\":[{\"say\":{\"text\":\"Hello\"}},{\"type\":\"gather\",\"num_digits\":1,"
                        + "\"timeout_seconds\":1},{\"hold\":{}}]}");

        EmulatedCall call = call();

        assertThat(call.awaitHangup(WAIT).causeCode()).isEqualTo("4010");
        assertThat(call.record().timeline())
                .extracting(CallRecord.Entry::what)
                .containsSubsequence("speak", "gather", "not emulated");
    }

    @Test
    void anUnreachableAnswerUrlEndsTheCall() throws Exception {
        EmulatedCall call = emulator.call(CallSpec.answerUrl("http://127.0.0.1:1/answer"));

        assertThat(call.awaitHangup(WAIT).source()).isEqualTo("Error");
    }
}
