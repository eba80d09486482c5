package dev.camelvobiz.app;

import dev.camelvobiz.audio.VoiceActivity;
import dev.camelvobiz.emulator.CallRecord;
import java.nio.file.Path;
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

    private VobizApp() {}

    public static void main(String[] args) throws Exception {
        run(new Main(VobizApp.class), args);
    }

    /** Runs until stopped (or, in demo mode, until the demo call is over); returns the demo call, if any. */
    static CallRecord[] run(Main main, String... args) throws Exception {
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
                    System.out.println("Waiting for calls: answer URL http://<this host>:"
                            + property(properties, "camel.component.vobiz.port", "8089") + "/answer");
                    return;
                }
                Thread call = new Thread(() -> placeDemoCall(support, properties, demo), "demo-call");
                call.start();
            }
        });
        main.run(args);
        return demo;
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
