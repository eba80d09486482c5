package dev.camelvobiz.examples.scaleout;

import jakarta.jms.Destination;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The distributed engine the instances share: where call events go for the brain, and where each
 * instance's inbox of forwarded commands is ({@code {instance}} is replaced by the instance id).
 *
 * @param forwardUri the component's {@code forwardUri}
 * @param eventsOut  where an instance publishes its calls' events
 * @param eventsIn   where the brain reads them
 * @param keyHeader  the header that keeps one call's events in order (Kafka key, JMS group)
 * @param brainHop   where the brain's consumer hands each event on: an asynchronous hop (seda) behind
 *                   a consumer that waits for each exchange, so that the brain takes the next event
 *                   while a forwarded command is in flight
 * @param broker     what an instance context needs bound to reach the broker (JMS: the component)
 */
public record Transport(
        String forwardUri, String eventsOut, String eventsIn, String keyHeader, String brainHop, Broker broker) {

    /** Binds what a context needs to reach the broker. */
    @FunctionalInterface
    public interface Broker {
        void bindTo(CamelContext context);
    }

    /**
     * Kafka: one inbox topic per instance, its own consumer group and {@code earliest} offsets so a
     * command sent while the inbox is (re)joining its group is still read; events on one topic keyed by
     * call id, so each call's events stay in order on one partition.
     */
    public static Transport kafka(String brokers) {
        return new Transport(
                "kafka:vobiz-commands-{instance}?brokers=" + brokers
                        + "&groupId=vobiz-{instance}&autoOffsetReset=earliest",
                "kafka:vobiz-events?brokers=" + brokers + "&valueSerializer=" + ByteArraySerializer.class.getName(),
                "kafka:vobiz-events?brokers=" + brokers + "&groupId=vobiz-brain&autoOffsetReset=earliest"
                        + "&valueDeserializer=" + ByteArrayDeserializer.class.getName(),
                "kafka.KEY",
                "seda:brain-events?size=10000&blockWhenFull=true",
                context -> {});
    }

    /**
     * JMS: one inbox queue per instance; events on one queue, grouped by call id (JMSXGroupID) so a
     * call's events stay in order with any number of brain consumers (the broker gives each group to
     * one). Events and commands are sent
     * non-persistent: they are live audio and live control, worthless after the call, and a persistent
     * send waits for the broker's journal on every frame.
     */
    public static Transport jms(String brokerUrl) {
        return new Transport(
                "jms:queue:vobiz-commands-{instance}?deliveryPersistent=false",
                "jms:queue:vobiz-events?deliveryPersistent=false",
                "jms:queue:vobiz-events",
                "JMSXGroupID",
                "seda:brain-events?size=10000&blockWhenFull=true",
                context -> {
                    // Non-persistent sends wait for the broker's receipt: the cache hands a thread any of
                    // its sessions, and unconfirmed sends on two sessions can overtake each other (a
                    // call's frames, or its commands, would arrive out of order).
                    ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(brokerUrl);
                    artemis.setBlockOnNonDurableSend(true);
                    // One connection, its sessions and producers reused (without a cache every send opens
                    // a connection), and queue names resolved once (else every send asks the broker).
                    CachingConnectionFactory cached = new CachingConnectionFactory(artemis);
                    cached.setSessionCacheSize(32);
                    JmsComponent jms = JmsComponent.jmsComponentAutoAcknowledge(cached);
                    Map<String, Destination> queues = new ConcurrentHashMap<>();
                    jms.getConfiguration()
                            .setDestinationResolver((session, name, topic) ->
                                    queues.computeIfAbsent(name, ActiveMQJMSClient::createQueue));
                    context.addComponent("jms", jms);
                });
    }
}
