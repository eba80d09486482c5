package dev.camelvobiz.app;

import dev.camelvobiz.audio.VoiceActivity;
import dev.camelvobiz.emulator.record.CallRecord;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The main job: the YAML routes of {@code routes/} on Camel Main, configured by
 * {@code application.properties} (or the environment). With {@code demo.call=true} it also places one
 * emulated call, prints its timeline, writes {@code heard.wav}, and stops.
 */
public final class VobizApp {

    private static final String VOBIZ_VARIABLES = "CAMEL_COMPONENT_VOBIZ_";

    private VobizApp() {}

    public static void main(String[] args) throws Exception {
        run(new Main(VobizApp.class), args);
    }

    /** Runs until stopped (or, in demo mode, until the demo call is over); returns the demo call, if any. */
    static CallRecord[] run(Main main, String... args) throws Exception {
        applyComponentEnvironment(main, System.getenv());
        CallRecord[] demo = new CallRecord[1];
        VoiceActivity listener = new VoiceActivity();
        main.bind("listener", listener);
        main.bind("prompts", new Prompts());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                CamelContext camel = support.getCamelContext();
                PropertiesComponent properties = camel.getPropertiesComponent();
                listener.setSpeechThreshold(Double.parseDouble(property(properties, "agent.speech-threshold", "800")));
                listener.setEndOfTurnMillis(Integer.parseInt(property(properties, "agent.end-of-turn-millis", "600")));
                if (!Boolean.parseBoolean(property(properties, "demo.call", "true"))) {
                    String local = "http://" + property(properties, "camel.component.vobiz.host", "0.0.0.0") + ":"
                            + property(properties, "camel.component.vobiz.port", "8089");
                    String publicUrl = property(properties, "camel.component.vobiz.public-url", null);
                    System.out.println("Waiting for calls. The answer URL to give Vobiz: "
                            + (publicUrl != null
                                    ? publicUrl + "/answer (served on " + local + ")"
                                    : local + "/answer; to take real calls, put a tunnel in front of it and set"
                                            + " CAMEL_COMPONENT_VOBIZ_PUBLIC_URL to its https URL"));
                    return;
                }
                Thread call = new Thread(() -> placeDemoCall(support, properties, demo), "demo-call");
                call.start();
            }
        });
        main.run(args);
        return demo;
    }

    /**
     * {@code CAMEL_COMPONENT_VOBIZ_AUTH_TOKEN} and the like, as Camel documents them: Camel Main 4.14
     * gathers none of them (it compares their names with dotted prefixes), so the main job maps the
     * vobiz component's own, over application.properties as Camel's precedence has it. The component
     * refuses to start if one did not take effect, so a runtime that skips them cannot go unnoticed.
     */
    static void applyComponentEnvironment(Main main, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (name.startsWith(VOBIZ_VARIABLES)) {
                String option = name.substring(VOBIZ_VARIABLES.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-');
                main.addOverrideProperty("camel.component.vobiz." + option, value);
            }
        });
    }

    private static void placeDemoCall(BaseMainSupport support, PropertiesComponent properties, CallRecord[] demo) {
        try {
            int port = Integer.parseInt(property(properties, "camel.component.vobiz.port", "8089"));
            Path out = Path.of(property(properties, "demo.out", "target/demo"));
            CallRecord record = DemoCall.place(
                    port,
                    property(properties, "camel.component.vobiz.auth-token", null),
                    property(properties, "demo.caller-audio", "caller.wav"),
                    out);
            demo[0] = record;
            System.out.println();
            System.out.print(record.timelineText());
            System.out.println(
                    "checkpoints played " + record.checkpointsPlayed() + "; protocol slips " + record.violations());
            System.out.println("what the caller heard: " + out.resolve("heard.wav") + " (timeline: "
                    + out.resolve("timeline.txt") + ")");
        } catch (Exception e) {
            System.err.println("The demo call failed: " + e);
        } finally {
            ((Main) support).completed();
        }
    }

    private static String property(PropertiesComponent properties, String key, String fallback) {
        return properties.resolveProperty(key).orElse(fallback);
    }
}
