package dev.camelvobiz.internal.observe;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Another dev console's output with secrets' values replaced by {@code xxxxxx}. Camel masks options by
 * their names, but a secret's value also turns up where no name gives it away: a {@code -D} JVM
 * argument, a system property, a property with an unusual name ({@code auth-token} is not on Camel's
 * list), a stream path that carries the stream's token. Masking by value catches all of them.
 */
public final class SecretMaskingConsole implements DevConsole {

    static final String MASK = "xxxxxx";

    private final DevConsole shown;
    private final Supplier<Set<String>> secrets;

    private SecretMaskingConsole(DevConsole shown, Supplier<Set<String>> secrets) {
        this.shown = shown;
        this.secrets = secrets;
    }

    /**
     * Puts every dev console of {@code context} (loading them first, as the management server would)
     * behind one that masks {@code secrets}; does nothing when dev consoles are off.
     */
    public static void installAll(CamelContext context, Supplier<Set<String>> secrets) {
        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        if (registry == null || !registry.isEnabled()) {
            return;
        }
        registry.loadDevConsoles();
        for (DevConsole console : registry.stream().toList()) {
            if (!(console instanceof SecretMaskingConsole)) {
                registry.unregister(console);
                registry.register(new SecretMaskingConsole(console, secrets));
            }
        }
    }

    @Override
    public String getGroup() {
        return shown.getGroup();
    }

    @Override
    public String getId() {
        return shown.getId();
    }

    @Override
    public String getDisplayName() {
        return shown.getDisplayName();
    }

    @Override
    public String getDescription() {
        return shown.getDescription();
    }

    @Override
    public boolean supportMediaType(MediaType mediaType) {
        return shown.supportMediaType(mediaType);
    }

    @Override
    public Object call(MediaType mediaType, Map<String, Object> options) {
        Object output = shown.call(mediaType, options);
        if (output instanceof String text) {
            return mask(text);
        }
        if (output instanceof JsonObject json) {
            String text = json.toJson();
            String masked = mask(text);
            return masked.equals(text) ? json : Jsoner.deserialize(masked, new JsonObject());
        }
        return output;
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : secrets.get()) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
