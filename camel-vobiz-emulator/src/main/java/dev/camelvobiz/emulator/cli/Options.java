package dev.camelvobiz.emulator.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} pairs of the command line; a name may repeat. */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    static Options parse(Deque<String> args) {
        Options options = new Options();
        while (!args.isEmpty()) {
            String name = args.pop();
            if (!name.startsWith("--") || args.isEmpty()) {
                throw new IllegalArgumentException("Expected --option value, got '" + name + "'");
            }
            options.values.computeIfAbsent(name, n -> new ArrayList<>()).add(args.pop());
        }
        return options;
    }

    Optional<String> value(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** {@code 500ms}, {@code 3s}, {@code 2m}, or plain seconds. */
    static Duration duration(String text) {
        String value = text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
