package dev.camelvobiz.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.audio.VoiceActivity;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole agent loop against local stand-ins for the OpenAI-compatible services (real HTTP, canned
 * but format-correct answers, streamed PCM speech): the caller asks, interrupts the answer, says bye.
 */
class VoiceAgentTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "It is twelve o'clock noon, which is a fine time for lunch.";

    private static final List<String> transcriptions = new CopyOnWriteArrayList<>();
    private static final List<JsonNode> chats = new CopyOnWriteArrayList<>();
    private static final List<JsonNode> speeches = new CopyOnWriteArrayList<>();
    private static final List<String> authorizations = new CopyOnWriteArrayList<>();
    private static Server services;
    private static DefaultCamelContext camel;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        services = new Server();
        ServerConnector connector = new ServerConnector(services);
        connector.setHost("127.0.0.1");
        services.addConnector(connector);
        services.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return serve(request, response, callback);
            }
        });
        services.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.load(VoiceAgentTest.class.getResourceAsStream("/application.properties"));
        properties.put("agent.api-base", "http://127.0.0.1:" + connector.getLocalPort() + "/v1");
        properties.put("agent.api-key", "test-key");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setHost("127.0.0.1");
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setPort(port);
        camel.getRegistry().bind("listener", new VoiceActivity());
        camel.getRegistry().bind("conversations", new Conversations());
        camel.getRegistry().bind("speechPlayer", new SpeechPlayer("audio/x-l16;rate=24000;endian=little"));
        camel.addRoutes(new VoiceAgentRoutes());
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.stop();
        services.stop();
    }

    /** The three services, as an OpenAI-compatible API answers them. */
    private static boolean serve(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        switch (path) {
            case "/v1/audio/transcriptions" -> {
                String multipart = new String(body, StandardCharsets.ISO_8859_1);
                transcriptions.add(multipart);
                String text = transcriptions.size() == 1 ? "What time is it?" : "Thanks, bye!";
                json(response, callback, "{\"text\":" + JSON.writeValueAsString(text) + "}");
            }
            case "/v1/chat/completions" -> {
                JsonNode chat = JSON.readTree(body);
                chats.add(chat);
                String said = chat.path("messages")
                        .get(chat.path("messages").size() - 1)
                        .path("content")
                        .asText();
                String answer = said.contains("bye") ? "Goodbye!" : ANSWER;
                json(
                        response,
                        callback,
                        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(answer)
                                + "},"
                                + "\"finish_reason\":\"stop\"}]}");
            }
            case "/v1/audio/speech" -> {
                JsonNode speech = JSON.readTree(body);
                speeches.add(speech);
                // 50 ms of 24 kHz PCM per character, sent in pieces as a streaming TTS does
                Pcm pcm = Pcm.tone(
                        300 + 100 * speeches.size(),
                        24000,
                        50L * speech.path("input").asText().length());
                ByteBuffer pcmBytes =
                        ByteBuffer.allocate(pcm.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
                pcmBytes.asShortBuffer().put(pcm.samples());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/pcm");
                Content.Sink.write(response, true, ByteBuffer.wrap(pcmBytes.array()));
                callback.succeeded();
            }
            default -> {
                response.setStatus(404);
                callback.succeeded();
            }
        }
        return true;
    }

    private static void json(Response response, Callback callback, String json) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, json, callback);
    }

    @Test
    void askInterruptTheAnswerAndSayBye() throws Exception {
        Pcm question = Pcm.tone(180, 8000, 800);
        Pcm interruption = Pcm.tone(200, 8000, 600);
        Pcm caller = Pcm.silence(8000, 3000)
                .concat(question)
                .concat(Pcm.silence(8000, 1800))
                .concat(interruption)
                .concat(Pcm.silence(8000, 8000));
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer").callerAudio(AudioSource.of(caller)));

        CallRecord.Hangup hangup = call.awaitHangup(Duration.ofSeconds(30));

        assertThat(hangup.causeCode())
                .as("the agent stopped the stream after its farewell")
                .isEqualTo("4010");
        CallRecord record = call.record();
        assertThat(record.violations()).isEmpty();
        assertThat(transcriptions).hasSize(2).allSatisfy(t -> assertThat(t).contains("RIFF", "whisper-1"));
        assertThat(speeches)
                .extracting(s -> s.path("input").asText())
                .containsExactly("Hello! How can I help you today?", ANSWER, "Goodbye!");
        assertThat(speeches)
                .allSatisfy(s -> assertThat(s.path("response_format").asText()).isEqualTo("pcm"));
        assertThat(chats).hasSize(2);
        JsonNode history = chats.get(1).path("messages");
        String cutAnswer = history.get(history.size() - 2).path("content").asText();
        assertThat(cutAnswer)
                .as("the interrupted answer, as far as it was heard")
                .endsWith("… [interrupted]");
        assertThat(cutAnswer.length()).isLessThan(ANSWER.length());
        assertThat(history.get(history.size() - 1).path("content").asText()).isEqualTo("Thanks, bye!");
        assertThat(record.timeline()).extracting(CallRecord.Entry::what).contains("clearAudio");
        assertThat(record.checkpointsPlayed()).isNotEmpty();
        assertThat(authorizations).allSatisfy(a -> assertThat(a).isEqualTo("Bearer test-key"));
        // each answered turn was measured from the caller's pause to the answer's first frame (the
        // greeting answers no turn); a barged-in answer still started playing, so it counts
        assertThat(camel.getComponent("vobiz", VobizComponent.class)
                        .runtime()
                        .turnLatencies()
                        .count())
                .isEqualTo(2);
    }
}
