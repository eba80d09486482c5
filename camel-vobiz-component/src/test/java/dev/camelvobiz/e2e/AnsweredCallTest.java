package dev.camelvobiz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole call the way Vobiz runs it, through the emulator: answer_url, the stream, status callbacks
 * and the hang-up webhook, all signed with the account's token and checked by the component.
 */
class AnsweredCallTest extends VobizTestSupport {

    private static final String TOKEN = "e2e-account-token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ =
            new VobizEmulatorExtension(EmulatorOptions.defaults().authToken(TOKEN));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setAuthToken(TOKEN);
        camel.getRegistry().bind("greeting", tone(440, 1000));
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + on + "&path=/answer")
                        .setBody(constant(VobizXml.response().stream(
                                        "ws://127.0.0.1:" + port + "/media", s -> s.bidirectional(true)
                                                .keepCallAlive(true)
                                                .statusCallbackUrl("http://127.0.0.1:" + port + "/events"))
                                .speak("Goodbye")));
                from("vobiz:stream" + on + "&path=/media")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 1000)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting")
                        .when(header(VobizConstants.EVENT).isEqualTo("playedStream"))
                        .to("vobiz:stop");
                from("vobiz:callback" + on + "&path=/events").to("mock:events");
            }
        };
    }

    private static boolean received(MockEndpoint endpoint, String event) {
        return endpoint.getExchanges().stream()
                .anyMatch(e -> event.equals(e.getMessage().getHeader(VobizConstants.EVENT)));
    }

    @Test
    void aJavaRouteAnswersStreamsAndReceivesSignedCallbacks() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");

        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer")
                        .hangupUrl("http://127.0.0.1:" + port + "/events"));
        CallRecord.Hangup hangup = call.awaitHangup(WAIT);

        assertThat(hangup.causeCode()).isEqualTo("4010");
        CallRecord record = call.record();
        assertThat(record.checkpointsPlayed()).containsExactly("greeting");
        assertThat(record.violations()).isEmpty();
        assertThat(record.timeline())
                .extracting(CallRecord.Entry::what)
                .containsSubsequence("answer", "stream open", "playedStream", "stop", "speak", "hangup");
        await().atMost(WAIT).until(() -> received(events, "Hangup"));
        assertThat(events.getExchanges())
                .extracting(e -> e.getMessage().getHeader(VobizConstants.EVENT, String.class))
                .as("the stream's callbacks, then the call's: StopStream before Hangup")
                .containsSubsequence("StartStream", "PlayedStream", "StopStream", "Hangup");
        assertThat(events.getExchanges())
                .allSatisfy(e -> assertThat(e.getMessage().getHeader(VobizConstants.CALL_ID))
                        .isEqualTo(call.callUuid()));
        assertThat(record.callbacks())
                .allSatisfy(c -> assertThat(c.status()).as(c.event()).isEqualTo(204));
    }

    @Test
    void yamlRoutesAnswerWithDataOrWithTheDefaultAnswer() throws Exception {
        context.getPropertiesComponent().addOverrideProperty("vobiz.port", String.valueOf(port));
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "classpath:routes/answered-call.camel.yaml"));
        MockEndpoint events = getMockEndpoint("mock:yaml-events");

        for (String path : new String[] {"/yaml-answer", "/yaml-default"}) {
            EmulatedCall call = VOBIZ.emulator().call(CallSpec.answerUrl("http://127.0.0.1:" + port + path));
            assertThat(call.awaitHangup(WAIT).causeCode()).as(path).isEqualTo("4010");
            assertThat(call.record().checkpointsPlayed()).as(path).containsExactly("greeting");
            await().atMost(WAIT).until(() -> events.getExchanges().stream()
                    .anyMatch(e -> call.callUuid().equals(e.getMessage().getHeader(VobizConstants.CALL_ID))
                            && "StopStream".equals(e.getMessage().getHeader(VobizConstants.EVENT))));
        }
    }
}
