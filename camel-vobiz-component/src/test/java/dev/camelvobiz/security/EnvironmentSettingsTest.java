package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizComponent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * {@code CAMEL_COMPONENT_VOBIZ_*} variables, in a JVM of their own started with them: a plain Camel
 * context applies none, so a variable the component does not reflect stops it from starting, naming
 * the variable and not its value; a value that did reach the component (here set in code) starts.
 */
class EnvironmentSettingsTest {

    private static final String SECRET = "env-secret-value";

    /** The other JVM: starts a context with one vobiz route, prints STARTED or REFUSED and why. */
    public static void main(String[] args) {
        try (CamelContext camel = new DefaultCamelContext()) {
            if (args.length > 0) {
                camel.getComponent("vobiz", VobizComponent.class)
                        .getConfiguration()
                        .setAuthToken(args[0]);
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("vobiz:callback?host=127.0.0.1&port=0&path=/events").log("${body}");
                }
            });
            camel.start();
            System.out.println("STARTED");
        } catch (Exception e) {
            StringBuilder why = new StringBuilder("REFUSED");
            for (Throwable t = e; t != null; t = t.getCause()) {
                why.append(" | ").append(t.getMessage());
            }
            System.out.println(why);
        }
    }

    private static String run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                EnvironmentSettingsTest.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CAMEL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the probe JVM did not finish");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aVariableTheRuntimeDidNotApplyStopsTheComponentWithoutShowingItsValue() throws Exception {
        String output = run(Map.of("CAMEL_COMPONENT_VOBIZ_AUTH_TOKEN", SECRET));
        assertThat(output)
                .contains("REFUSED", "CAMEL_COMPONENT_VOBIZ_AUTH_TOKEN", "authToken", "did not apply it")
                .doesNotContain("STARTED")
                .doesNotContain(SECRET);
    }

    @Test
    void aVariableThatNamesNoOptionStopsTheComponent() throws Exception {
        String output = run(Map.of("CAMEL_COMPONENT_VOBIZ_AUTH_TOKN", SECRET));
        assertThat(output)
                .contains("REFUSED", "CAMEL_COMPONENT_VOBIZ_AUTH_TOKN", "names no option")
                .doesNotContain(SECRET);
    }

    @Test
    void aVariableWhoseValueIsInEffectStarts() throws Exception {
        assertThat(run(Map.of("CAMEL_COMPONENT_VOBIZ_AUTH_TOKEN", SECRET), SECRET))
                .contains("STARTED");
        assertThat(run(Map.of("CAMEL_COMPONENT_VOBIZ_AUTHTOKEN", SECRET), SECRET))
                .as("Spring's relaxed form names the same option")
                .contains("STARTED");
    }
}
