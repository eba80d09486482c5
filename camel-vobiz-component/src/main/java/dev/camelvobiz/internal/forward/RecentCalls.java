package dev.camelvobiz.internal.forward;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known of the calls that departed lately, by call key ({@code stream:<id>} or
 * {@code call:<id>}): bounded, oldest first out, so an instance that runs for months does not grow with
 * every call it ever lost. Thread-safe.
 */
final class RecentCalls<V> {

    private static final int CAPACITY = 4096;

    private final Map<String, V> byKey = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void put(String callKey, V value) {
        byKey.put(callKey, value);
    }

    synchronized V get(String callKey) {
        return byKey.get(callKey);
    }
}
