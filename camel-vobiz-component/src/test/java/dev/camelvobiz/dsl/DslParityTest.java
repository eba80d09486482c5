package dev.camelvobiz.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.api.StreamInfo;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code vobiz:} URI kind (answer, callback, stream, play, checkpoint, clear, stop, api) written
 * in Java, YAML and XML, and the same emulated call against each: the three must behave alike.
 */
class DslParityTest extends VobizTestSupport {

    private static final String AUTH_ID = "MA_DSL";
    private static final String TOKEN = "dsl-token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    @BindToRegistry("greeting")
    private final Processor greeting = exchange -> exchange.getMessage().setBody(tone(440, 400));

    @BindToRegistry("farewell")
    private final Processor farewell = exchange -> exchange.getMessage().setBody(tone(660, 300));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer?path=/answer-java&streamPath=/media-java&statusCallbackPath=/events-java")
                        .routeId("java-answer")
                        .to("mock:answered-java");
                from("vobiz:callback?path=/events-java")
                        .routeId("java-callbacks")
                        .to("mock:callbacks-java");
                from("vobiz:stream?path=/media-java")
                        .routeId("java-stream")
                        .choice()
                        .when(simple("${header.CamelVobizEvent} == 'start'"))
                        .process("greeting")
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting")
                        .to("vobiz:api?operation=getStream")
                        .to("mock:api-java")
                        .when(simple("${header.CamelVobizEvent} == 'dtmf'"))
                        .to("vobiz:clear")
                        .process("farewell")
                        .to("vobiz:play")
                        .to("vobiz:stop?afterPlayed=true&timeout=5s");
            }
        };
    }

    /** Server and REST options once, on the component, before any endpoint copies them. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        VobizConfiguration defaults =
                camel.getComponent("vobiz", VobizComponent.class).getConfiguration();
        defaults.setHost("127.0.0.1");
        defaults.setPort(port);
        defaults.setAuthId(AUTH_ID);
        defaults.setAuthToken(TOKEN);
        defaults.setApiBaseUrl(VOBIZ.emulator().restApiUrl().toString());
        return camel;
    }

    @BeforeEach
    void loadYamlAndXmlRoutes() throws Exception {
        for (String routes : new String[] {"every-kind.camel.yaml", "every-kind.camel.xml"}) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/dsl/" + routes));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "yaml", "xml"})
    void theSameCallBehavesTheSameInEveryDsl(String dsl) throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer-" + dsl)
                        .callerAudio(AudioSource.tone(300, 3000))
                        .streamDtmf(true)
                        .dtmfAt(Duration.ofMillis(2000), "9")); // well after the greeting, even on a busy machine

        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        CallRecord record = call.record();
        assertThat(hangup.causeCode())
                .as("stop after the farewell, then End Of XML")
                .isEqualTo("4010");
        assertThat(record.checkpointsPlayed()).startsWith("greeting");
        assertThat(record.timeline()).extracting(CallRecord.Entry::what).contains("clearAudio", "stop");
        assertThat(record.violations()).isEmpty();
        assertThat(record.heard(8000).audibleMillis()).as("greeting + farewell").isBetween(680L, 720L);

        MockEndpoint answered = getMockEndpoint("mock:answered-" + dsl);
        assertThat(answered.getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                        e.getMessage().getHeader(VobizConstants.CALL_ID))
                .isEqualTo(call.callUuid()));
        MockEndpoint api = getMockEndpoint("mock:api-" + dsl);
        await().atMost(WAIT).until(() -> api.getReceivedCounter() == 1);
        assertThat(api.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(StreamInfo.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        getMockEndpoint("mock:callbacks-" + dsl).getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(VobizConstants.EVENT))
                .contains("StartStream", "StopStream"));
    }
}
