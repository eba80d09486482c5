package dev.camelvobiz.examples.bridge;

import org.apache.camel.builder.RouteBuilder;

/** What the Kafka and JMS bridges' routes share: the report of what their broker did not take. */
public abstract class BrokerBridgeRoutes extends RouteBuilder {

    protected final UndeliveredMessages undelivered = new UndeliveredMessages();

    /** What this bridge could not deliver to its broker. */
    public UndeliveredMessages undelivered() {
        return undelivered;
    }
}
