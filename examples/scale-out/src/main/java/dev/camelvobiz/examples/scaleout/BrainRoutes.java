package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.stream.StreamClosedException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * The brain, on one instance: reads every call's events from the transport and answers through the
 * ordinary vobiz producers; the component sends each command to the instance that holds the call.
 * Here it greets each caller (an awaited checkpoint, whose outcome comes back from the owner) and
 * echoes every media frame.
 */
public class BrainRoutes extends RouteBuilder {

    private static final String PLAY_SENT = "brainPlaySent";

    private final Transport transport;
    private final byte[] greeting;
    private final BrainObserver observer;

    public BrainRoutes(Transport transport, byte[] greeting, BrainObserver observer) {
        this.transport = transport;
        this.greeting = greeting;
        this.observer = observer;
    }

    @Override
    public void configure() {
        // A frame that arrives after its call ended (hang-up, instance stopped) has nowhere to go.
        onException(StreamClosedException.class)
                .handled(true)
                .log(LoggingLevel.DEBUG, "Late ${header.CamelVobizEvent} for closed call ${header.CamelVobizCallId}");

        from(transport.eventsIn())
                .routeId("brain")
                .setHeader(
                        VobizConstants.INSTANCE_ID,
                        header(InstanceRoutes.INSTANCE).convertToString())
                .setHeader(
                        VobizConstants.CALL_ID, header(InstanceRoutes.CALL_ID).convertToString())
                .setHeader(VobizConstants.EVENT, header(InstanceRoutes.EVENT).convertToString())
                .to(transport.brainHop());

        // The next event is taken while a forwarded command is in flight; every command is handed to
        // its stream or transport before that, so each call's commands leave in the order of its events.
        from(transport.brainHop())
                .routeId("brain-answers")
                .process(observer::eventSeen)
                .choice()
                .when(
                        greeting == null
                                ? PredicateBuilder.constant(false)
                                : header(VobizConstants.EVENT).isEqualTo("start"))
                .setBody(constant(greeting))
                .to("vobiz:play")
                .to("vobiz:checkpoint?name=greeting&await=true&timeout=10s")
                .process(observer::greeted)
                .when(header(VobizConstants.EVENT).isEqualTo("media"))
                .setHeader(
                        VobizConstants.AUDIO_FORMAT,
                        header(InstanceRoutes.FORMAT).convertToString())
                .process(play -> play.setProperty(PLAY_SENT, System.nanoTime()))
                .to("vobiz:play")
                .process(play -> observer.answered(play, System.nanoTime() - play.getProperty(PLAY_SENT, Long.class)));
    }
}
