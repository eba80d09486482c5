package dev.camelvobiz.examples.agent;

import dev.camelvobiz.audio.VoiceActivity;
import org.apache.camel.main.Main;

/** The agent on Camel Main; services and models in {@code application.properties} (or the environment). */
public final class VoiceAgentApp {

    private VoiceAgentApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main(VoiceAgentApp.class);
        bind(main, "audio/x-l16;rate=24000;endian=little");
        main.configure().addRoutesBuilder(new VoiceAgentRoutes());
        main.run(args);
    }

    static void bind(Main main, String ttsFormat) {
        main.bind("listener", new VoiceActivity());
        main.bind("conversations", new Conversations());
        main.bind("speechPlayer", new SpeechPlayer(ttsFormat));
    }
}
