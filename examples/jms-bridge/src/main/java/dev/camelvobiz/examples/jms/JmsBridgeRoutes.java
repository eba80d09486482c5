package dev.camelvobiz.examples.jms;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.examples.bridge.BridgeCommands;
import dev.camelvobiz.examples.bridge.BrokerBridgeRoutes;
import dev.camelvobiz.examples.bridge.UndeliveredMessages;
import java.util.Map;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Calls to JMS and back.
 *
 * <ul>
 *   <li>When a call starts, the bridge asks {@code {{bridge.greeting-queue}}} what to say (request-reply:
 *       the request is the start event's JSON, the reply the audio to play, raw in the stream's outbound
 *       format or as a WAV file) and plays it, waiting until it has played.
 *   <li>Every {@code media} frame goes to {@code {{bridge.audio-queue}}} as a bytes message, every other
 *       event to {@code {{bridge.events-queue}}} as JSON text; both carry {@code JMSXGroupID} = the call
 *       id, so a broker keeps each call's messages in order on one consumer.
 *   <li>Commands (the same JSON as the Kafka bridge) from {@code {{bridge.commands-queue}}} go to their
 *       call's stream.
 *   <li>When the broker is unreachable, a failed audio frame is counted and reported (see
 *       {@link UndeliveredMessages}), a failed event is retried and reported if it still fails; commands
 *       wait in their queue until the bridge can read them again.
 * </ul>
 */
public class JmsBridgeRoutes extends BrokerBridgeRoutes {

    @Override
    public void configure() {
        undelivered
                .reportedFrom(from("vobiz:stream?path={{bridge.stream-path}}&playLead=0")
                        .routeId("call-to-jms"))
                .setHeader("JMSXGroupID", header(VobizConstants.CALL_ID))
                .setHeader("callId", header(VobizConstants.CALL_ID))
                .setHeader("event", header(VobizConstants.EVENT))
                .choice()
                .when(header(VobizConstants.EVENT).isEqualTo("media"))
                .setHeader("format", header(VobizConstants.AUDIO_FORMAT).convertToString())
                .to("jms:queue:{{bridge.audio-queue}}")
                .when(header(VobizConstants.EVENT).isEqualTo("start"))
                .convertBodyTo(String.class)
                .to("jms:queue:{{bridge.events-queue}}")
                .to("direct:greet")
                .otherwise()
                .convertBodyTo(String.class)
                .to("jms:queue:{{bridge.events-queue}}");

        from("direct:greet")
                .routeId("greet")
                // the reply replaces the message's headers: keep which stream (and turn) it is for
                .setProperty("streamId", header(VobizConstants.STREAM_ID))
                .setProperty("generation", header(VobizConstants.GENERATION))
                .to("jms:queue:{{bridge.greeting-queue}}?exchangePattern=InOut"
                        + "&requestTimeout={{bridge.greeting-timeout}}")
                .setHeader(VobizConstants.STREAM_ID, exchangeProperty("streamId"))
                .setHeader(VobizConstants.GENERATION, exchangeProperty("generation"))
                .convertBodyTo(byte[].class)
                .to("vobiz:play")
                .to("vobiz:checkpoint?name=greeting&await=true&timeout=15s")
                .log("Greeting on stream ${header.CamelVobizStreamId}: ${header.CamelVobizCheckpointOutcome}");

        from("jms:queue:{{bridge.commands-queue}}")
                .routeId("jms-to-call")
                .unmarshal()
                .json(JsonLibrary.Jackson, Map.class)
                .process(BridgeCommands::toCommand)
                .log("${header.command} for call ${header.CamelVobizCallId}")
                .toD("vobiz:${header.command}");
    }
}
