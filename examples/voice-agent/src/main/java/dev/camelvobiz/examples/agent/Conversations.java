package dev.camelvobiz.examples.agent;

import dev.camelvobiz.stream.HeardUtterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each call's chat history for the LLM, kept true to what the caller actually heard: an answer cut by
 * a barge-in is shortened to about the part that played (from the heard ledger), so the model does not
 * believe it said what the caller never heard.
 */
public class Conversations {

    private final Map<String, List<Map<String, String>>> calls = new ConcurrentHashMap<>();
    private String systemPrompt =
            "You are a helpful voice assistant on a phone call. Answer in one or two short sentences.";

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public void start(String callId) {
        List<Map<String, String>> history = new ArrayList<>();
        history.add(Map.of("role", "system", "content", systemPrompt));
        calls.put(callId, history);
    }

    public void end(String callId) {
        calls.remove(callId);
    }

    public void userSaid(String callId, String text) {
        history(callId).add(Map.of("role", "user", "content", text));
    }

    public void assistantSaid(String callId, String text) {
        history(callId).add(Map.of("role", "assistant", "content", text));
    }

    /**
     * After the answer's checkpoint: if a clear cut it, keep only about the share of the text that was
     * heard (the ledger's heard milliseconds of its last utterance, against the whole answer's length),
     * marked as interrupted.
     */
    public void heard(String callId, String outcome, List<HeardUtterance> ledger, long answerMillis) {
        if (!"cleared".equals(outcome) || ledger == null || ledger.isEmpty() || answerMillis <= 0) {
            return;
        }
        List<Map<String, String>> history = history(callId);
        Map<String, String> last = history.get(history.size() - 1);
        if (!"assistant".equals(last.get("role"))) {
            return;
        }
        String text = last.get("content");
        double share = (double) ledger.get(ledger.size() - 1).heardMillis() / answerMillis;
        int kept = (int) Math.round(text.length() * Math.min(1, share));
        history.set(
                history.size() - 1,
                Map.of("role", "assistant", "content", text.substring(0, kept) + "… [interrupted]"));
    }

    public List<Map<String, String>> messages(String callId) {
        return List.copyOf(history(callId));
    }

    private List<Map<String, String>> history(String callId) {
        return calls.computeIfAbsent(callId, id -> {
            List<Map<String, String>> history = new ArrayList<>();
            history.add(Map.of("role", "system", "content", systemPrompt));
            return history;
        });
    }
}
