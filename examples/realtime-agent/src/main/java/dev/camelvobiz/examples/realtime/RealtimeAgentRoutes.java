package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * A call bridged to a speech-to-speech service. The call's route sends the caller's audio up; per call,
 * a route made from {@link #SERVICE_TEMPLATE} reads the service's messages (barge-in clears the call at
 * once) and a route made from {@link #SPEAKER_TEMPLATE} plays the agent's speech in order, each on its
 * own thread, so a long answer being paced out never holds up the service's next event.
 */
public class RealtimeAgentRoutes extends RouteBuilder {

    static final String SERVICE_TEMPLATE = "realtime-service";
    static final String SPEAKER_TEMPLATE = "realtime-speaker";

    @Override
    public void configure() {
        from("vobiz:answer?path=/answer&streamPath=/media").log("Answering ${header.CamelVobizCallId}");

        // μ-law 8 kHz in, whatever the stream carries: the format both services are set up to take
        from("vobiz:stream?path=/media&mediaFormat=audio/x-mulaw;rate=8000")
                .routeId("call")
                .choice()
                .when(header(VobizConstants.EVENT).isEqualTo("start"))
                .doTry()
                .bean("agent", "open")
                .setBody(method("agent", "roomTone"))
                .filter(body().isNotNull())
                .to("vobiz:play?roomTone=true")
                .endDoTry()
                .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "${exception.message}; ending the call")
                .to("vobiz:stop")
                .end()
                .endChoice()
                .when(header(VobizConstants.EVENT).isEqualTo("media"))
                .bean("agent", "callerAudio")
                .toD("${header." + AgentBridge.SERVICE_URI + "}")
                .when(header(VobizConstants.EVENT).isEqualTo("closed"))
                .log("Call ${header.CamelVobizCallId} closed; answers still unplayed:"
                        + " ${header.CamelVobizUnplayedCheckpoints}")
                .bean("agent", "close");

        routeTemplate(SERVICE_TEMPLATE)
                .templateParameter("uri")
                .templateParameter("callId")
                .from("{{uri}}")
                .setHeader(VobizConstants.CALL_ID, constant("{{callId}}"))
                .bean("agent", "fromService")
                .choice()
                .when(header(CallBridge.ACTION).in("speak", "answered"))
                .to("seda:speaker-{{callId}}?waitForTaskToComplete=Never")
                .when(header(CallBridge.ACTION).isEqualTo("clear"))
                .to("vobiz:clear")
                .setBody(method("agent", "cleared"))
                .filter(body().isNotNull())
                .to("{{uri}}")
                .end()
                .endChoice()
                .when(header(CallBridge.ACTION).isEqualTo("endCall"))
                .to("{{uri}}") // the function's result: the service may still have words to say
                .to("seda:speaker-{{callId}}?waitForTaskToComplete=Never");

        routeTemplate(SPEAKER_TEMPLATE)
                .templateParameter("callId")
                .from("seda:speaker-{{callId}}")
                .choice()
                .when(header(CallBridge.ACTION).isEqualTo("speak"))
                .to("vobiz:play") // re-framed to 20 ms, paced, held after a clear until clearedAudio
                .filter(header(VobizConstants.TURN_LATENCY).isNotNull())
                .bean("agent", "turnAnswered")
                .end()
                .endChoice()
                .when(header(CallBridge.ACTION).isEqualTo("answered"))
                .to("vobiz:checkpoint")
                .when(header(CallBridge.ACTION).isEqualTo("endCall"))
                .to("vobiz:stop?afterPlayed=true&timeout=30s")
                .log("Call {{callId}} ended by the agent after its farewell");
    }
}
