package dev.camelvobiz.examples.kafka;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.examples.bridge.BridgeCommands;
import dev.camelvobiz.examples.bridge.BrokerBridgeRoutes;
import dev.camelvobiz.examples.bridge.UndeliveredMessages;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Calls to Kafka and back.
 *
 * <ul>
 *   <li>Every {@code media} frame goes to {@code {{bridge.audio-topic}}} as raw bytes, every other
 *       event ({@code start}, {@code playedStream}, {@code clearedAudio}, {@code dtmf}, {@code closed})
 *       to {@code {{bridge.events-topic}}} as JSON; both keyed by call id, so each call's records
 *       stay in order on one partition. Record headers {@code callId}, {@code streamId}, {@code event}
 *       (and {@code format} on audio) say what a record is.
 *   <li>Commands read from {@code {{bridge.commands-topic}}}, JSON like
 *       {@code {"callId":"…","command":"play","audio":"<base64>","format":"audio/x-l16;rate=8000;endian=little"}},
 *       {@code checkpoint} (with {@code name}), {@code clear} or {@code stop}, are sent to that call's
 *       live stream.
 *   <li>When Kafka is unreachable, sends fail within {@code {{bridge.producer-options}}}'s delivery
 *       timeout instead of holding the call: a failed audio frame is counted and reported (see
 *       {@link UndeliveredMessages}), a failed event is retried and reported if it still fails.
 *       Commands wait in their topic until the bridge can read them again.
 * </ul>
 */
public class KafkaBridgeRoutes extends BrokerBridgeRoutes {

    @Override
    public void configure() {
        // playLead=0: a play completes once handed to the platform, so a long one never holds the
        // command consumer (order per call comes from the Kafka key).
        undelivered
                .reportedFrom(from("vobiz:stream?path={{bridge.stream-path}}&playLead=0")
                        .routeId("call-to-kafka"))
                .setHeader(KafkaConstants.KEY, header(VobizConstants.CALL_ID))
                .setHeader("callId", header(VobizConstants.CALL_ID))
                .setHeader("streamId", header(VobizConstants.STREAM_ID))
                .setHeader("event", header(VobizConstants.EVENT))
                .choice()
                .when(header(VobizConstants.EVENT).isEqualTo("media"))
                .setHeader("format", header(VobizConstants.AUDIO_FORMAT).convertToString())
                .to("kafka:{{bridge.audio-topic}}?valueSerializer=" + ByteArraySerializer.class.getName()
                        + "&{{bridge.producer-options}}")
                .otherwise()
                .convertBodyTo(String.class) // the event's JSON (type converter in camel-vobiz)
                .to("kafka:{{bridge.events-topic}}?{{bridge.producer-options}}")
                .log("${header.event} of call ${header.callId} → {{bridge.events-topic}}");

        from("kafka:{{bridge.commands-topic}}?groupId={{bridge.group-id}}&autoOffsetReset=earliest")
                .routeId("kafka-to-call")
                .unmarshal()
                .json(JsonLibrary.Jackson, Map.class)
                .process(BridgeCommands::toCommand)
                .log("${header.command} for call ${header.CamelVobizCallId}")
                .toD("vobiz:${header.command}");
    }
}
