package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * What every instance runs: the answer_url (the default answer streams to this instance's own public
 * URL, so the call's stream lands where it was answered) and its calls' events out to the shared
 * transport, with plain headers ({@code Camel*} headers stay off Kafka and JMS) naming the call and
 * the instance that holds it. Header values are Strings: Kafka carries other types as raw bytes.
 */
public class InstanceRoutes extends RouteBuilder {

    /** Plain headers on the transport: the brain turns them back into CamelVobiz headers. */
    public static final String INSTANCE = "vobizInstance";

    public static final String CALL_ID = "callId";
    public static final String EVENT = "event";
    public static final String FORMAT = "format";
    public static final String SEQUENCE = "sequenceNumber";

    private final Transport transport;

    public InstanceRoutes(Transport transport) {
        this.transport = transport;
    }

    @Override
    public void configure() {
        from("vobiz:answer").routeId("answer").log("Answered call ${header.CamelVobizCallId}");

        from("vobiz:stream")
                .routeId("calls-out")
                .setHeader(transport.keyHeader(), header(VobizConstants.CALL_ID))
                .setHeader(INSTANCE, header(VobizConstants.INSTANCE_ID))
                .setHeader(CALL_ID, header(VobizConstants.CALL_ID))
                .setHeader(EVENT, header(VobizConstants.EVENT))
                .setHeader(SEQUENCE, header(VobizConstants.SEQUENCE_NUMBER).convertToString())
                .choice()
                .when(header(VobizConstants.EVENT).isEqualTo("media"))
                .setHeader(FORMAT, header(VobizConstants.AUDIO_FORMAT).convertToString())
                .otherwise()
                .convertBodyTo(String.class) // the event as JSON (camel-vobiz's type converter)
                .convertBodyTo(byte[].class)
                .end()
                .to(transport.eventsOut());
    }
}
