package dev.camelvobiz.examples.scaleout;

import dev.camelvobiz.VobizConstants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the brain saw, per call: which instance held it, its events and their sequence numbers in the
 * order read, its greeting's checkpoint outcome; and how long each echo's play took, split by whether
 * the brain's own instance held the call (a local command) or another did (a forwarded one).
 */
public final class BrainRecord implements BrainObserver {

    private final String brainInstance;
    private final Map<String, String> holderByCall = new ConcurrentHashMap<>();
    private final Map<String, List<String>> eventsByCall = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> sequencesByCall = new ConcurrentHashMap<>();
    private final Map<String, String> greetingByCall = new ConcurrentHashMap<>();
    private final List<Long> localPlayNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> forwardedPlayNanos = Collections.synchronizedList(new ArrayList<>());

    BrainRecord(String brainInstance) {
        this.brainInstance = brainInstance;
    }

    @Override
    public void eventSeen(Exchange event) {
        Message message = event.getMessage();
        String callId = message.getHeader(VobizConstants.CALL_ID, String.class);
        holderByCall.put(callId, message.getHeader(VobizConstants.INSTANCE_ID, String.class));
        listOf(eventsByCall, callId).add(message.getHeader(VobizConstants.EVENT, String.class));
        String sequence = message.getHeader(InstanceRoutes.SEQUENCE, String.class);
        if (sequence != null && !sequence.isEmpty()) {
            listOf(sequencesByCall, callId).add(Long.valueOf(sequence));
        }
    }

    @Override
    public void greeted(Exchange checkpoint) {
        Message message = checkpoint.getMessage();
        greetingByCall.put(
                message.getHeader(VobizConstants.CALL_ID, String.class),
                String.valueOf(message.getHeader(VobizConstants.CHECKPOINT_OUTCOME)));
    }

    @Override
    public void answered(Exchange play, long nanos) {
        boolean local = brainInstance.equals(play.getMessage().getHeader(VobizConstants.INSTANCE_ID, String.class));
        (local ? localPlayNanos : forwardedPlayNanos).add(nanos);
    }

    private static <T> List<T> listOf(Map<String, List<T>> lists, String callId) {
        return lists.computeIfAbsent(callId, id -> Collections.synchronizedList(new ArrayList<>()));
    }

    /** The instance whose consumer reported this call's events. */
    public String holder(String callId) {
        return holderByCall.get(callId);
    }

    public List<String> events(String callId) {
        List<String> events = eventsByCall.get(callId);
        return events == null ? List.of() : List.copyOf(events);
    }

    /** The sequence numbers of this call's events, in the order the brain read them. */
    public List<Long> sequences(String callId) {
        List<Long> sequences = sequencesByCall.get(callId);
        return sequences == null ? List.of() : List.copyOf(sequences);
    }

    /** The outcome of the greeting's awaited checkpoint, as the instance holding the call reported it. */
    public String greeting(String callId) {
        return greetingByCall.get(callId);
    }

    /** How long echoes took on calls the brain's instance held, in ns; emptied by the call. */
    public List<Long> drainLocalPlayNanos() {
        return drain(localPlayNanos);
    }

    /** How long echoes took on calls other instances held (forwarded there and back), in ns; emptied. */
    public List<Long> drainForwardedPlayNanos() {
        return drain(forwardedPlayNanos);
    }

    private static List<Long> drain(List<Long> timings) {
        synchronized (timings) {
            List<Long> drained = new ArrayList<>(timings);
            timings.clear();
            return drained;
        }
    }
}
