package dev.camelvobiz.internal.observe;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.internal.stream.CallSession;
import dev.camelvobiz.stream.CallSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * Camel dev console {@code vobiz}: the live calls of every vobiz component, with how long each has
 * been up, frames in and out, the outbound lead and the checkpoints still waiting to play.
 */
@DevConsole(name = "vobiz", displayName = "Vobiz calls", description = "Live Vobiz call streams")
public class VobizDevConsole extends AbstractDevConsole {

    public VobizDevConsole() {
        super("camel", "vobiz", "Vobiz calls", "Live Vobiz call streams");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        List<CallSnapshot> calls = calls();
        text.append("Live calls: ").append(calls.size()).append('\n');
        for (Map.Entry<String, TurnLatencies> turns : turnLatencies().entrySet()) {
            TurnLatencies latencies = turns.getValue();
            text.append(String.format(
                    "Turn latency (%s, last %d of %d turns): p50 %d ms  p95 %d ms  p99 %d ms%n",
                    turns.getKey(),
                    Math.min(latencies.count(), TurnLatencies.KEPT),
                    latencies.count(),
                    latencies.percentileMillis(0.5),
                    latencies.percentileMillis(0.95),
                    latencies.percentileMillis(0.99)));
        }
        for (CallSnapshot call : calls) {
            text.append(String.format(
                    "  call %s stream %s  up %d ms  frames in %d out %d  lead %d ms  unheard %d ms%s  last turn %d ms"
                            + "  pending checkpoints %s%n",
                    call.callId(),
                    call.streamId(),
                    call.durationMillis(),
                    call.framesIn(),
                    call.framesOut(),
                    call.leadMillis(),
                    call.unheardMillis(),
                    call.roomTone() ? "  room tone" : "",
                    call.lastTurnLatencyMillis(),
                    call.pendingCheckpoints()));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CallSnapshot call : calls()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("callId", call.callId());
            row.put("streamId", call.streamId());
            row.put("durationMillis", call.durationMillis());
            row.put("framesIn", call.framesIn());
            row.put("framesOut", call.framesOut());
            row.put("leadMillis", call.leadMillis());
            row.put("unheardMillis", call.unheardMillis());
            row.put("pendingCheckpoints", call.pendingCheckpoints());
            row.put("lastTurnLatencyMillis", call.lastTurnLatencyMillis());
            row.put("roomTone", call.roomTone());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("calls", rows);
        Map<String, Object> turns = new LinkedHashMap<>();
        turnLatencies().forEach((component, latencies) -> {
            Map<String, Object> percentiles = new LinkedHashMap<>();
            percentiles.put("count", latencies.count());
            percentiles.put("p50Millis", latencies.percentileMillis(0.5));
            percentiles.put("p95Millis", latencies.percentileMillis(0.95));
            percentiles.put("p99Millis", latencies.percentileMillis(0.99));
            turns.put(component, percentiles);
        });
        json.put("turnLatency", turns);
        return json;
    }

    /** Each vobiz component's turn latencies, by the name it was added under. */
    private Map<String, TurnLatencies> turnLatencies() {
        Map<String, TurnLatencies> all = new LinkedHashMap<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof VobizComponent vobiz && vobiz.runtime() != null) {
                all.put(name, vobiz.runtime().turnLatencies());
            }
        }
        return all;
    }

    private List<CallSnapshot> calls() {
        List<CallSnapshot> calls = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof VobizComponent vobiz) {
                vobiz.runtime().streams().live().stream()
                        .map(CallSession::snapshot)
                        .forEach(calls::add);
            }
        }
        return calls;
    }
}
