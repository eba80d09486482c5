package dev.camelvobiz.examples.realtime;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * A call bridged to a speech-to-speech service. The call's route sends the caller's audio up; each
 * call's session feeds the service's messages to {@link #SERVICE_MESSAGES} (barge-in clears the call at
 * once) and the call's speaker queue feeds {@link #SPEECH}, which plays the agent's speech in order on
 * that call's own thread, so a long answer being paced out never holds up the service's next event.
 */
public class RealtimeAgentRoutes extends RouteBuilder {

    static final String SERVICE_MESSAGES = "direct:service-messages";
    static final String SPEECH = "direct:speech";
    /** The call's session with the service (a client endpoint per call, see {@link AgentBridge}). */
    private static final String SERVICE = "${header." + AgentBridge.SERVICE_URI + "}";
    /** The call's speaker queue (one endpoint per call, see {@link AgentBridge}). */
    private static final String SPEAKER = "${header." + AgentBridge.SPEAKER_URI + "}";

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
                .toD(SERVICE)
                .when(header(VobizConstants.EVENT).isEqualTo("closed"))
                .log("Call ${header.CamelVobizCallId} closed; answers still unplayed:"
                        + " ${header.CamelVobizUnplayedCheckpoints}")
                .bean("agent", "close");

        // What a call's session with the service says (each call's own client consumer feeds this route,
        // in arrival order): it never waits, so barge-in happens however much answer is queued.
        from(SERVICE_MESSAGES)
                .routeId("service-messages")
                .bean("agent", "fromService")
                .choice()
                .when(header(CallBridge.ACTION).in("speak", "answered"))
                .toD(SPEAKER)
                .when(header(CallBridge.ACTION).isEqualTo("clear"))
                .to("vobiz:clear")
                .setBody(method("agent", "cleared"))
                .filter(body().isNotNull())
                .toD(SERVICE)
                .end()
                .endChoice()
                .when(header(CallBridge.ACTION).isEqualTo("endCall"))
                .toD(SERVICE) // the function's result: the service may still have words to say
                .toD(SPEAKER);

        // The agent's speech, in order, on the call's own speaker thread (its seda queue's consumer).
        from(SPEECH)
                .routeId("speech")
                .choice()
                .when(header(CallBridge.ACTION).isEqualTo("speak"))
                .to("vobiz:play") // re-framed to 20 ms, paced, held after a clear until clearedAudio
                .bean("agent", "chunkPlayed")
                .filter(header(VobizConstants.TURN_LATENCY).isNotNull())
                .bean("agent", "turnAnswered")
                .end()
                .endChoice()
                .when(header(CallBridge.ACTION).isEqualTo("answered"))
                .to("vobiz:checkpoint")
                .when(header(CallBridge.ACTION).isEqualTo("endCall"))
                .to("vobiz:stop?afterPlayed=true&timeout=30s")
                .log("Call ${header.CamelVobizCallId} ended by the agent after its farewell");
    }
}
