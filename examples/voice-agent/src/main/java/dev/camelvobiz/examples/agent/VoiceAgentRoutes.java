package dev.camelvobiz.examples.agent;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioData;
import dev.camelvobiz.audio.Wav;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * A phone voice agent: each turn the caller takes (energy VAD) goes to speech-to-text, the text to an
 * LLM with the call's history, the answer to text-to-speech, streamed back into the call. The caller can
 * interrupt at any time (barge-in clears the answer; its late audio is dropped; the history keeps only
 * what was heard). "bye" ends the call after the farewell has played. All three services are
 * OpenAI-compatible HTTP APIs, configured by properties.
 */
public class VoiceAgentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("vobiz:answer?path=/answer&streamPath=/media").log("Answering ${header.CamelVobizCallId}");

        from("vobiz:stream?path=/media&mediaFormat=audio/x-l16;rate=16000")
                .routeId("call")
                .choice()
                .when(header(VobizConstants.EVENT).isEqualTo("start"))
                .bean("conversations", "start(${header.CamelVobizCallId})")
                .setBody(constant("{{agent.greeting}}"))
                .to("seda:speak?waitForTaskToComplete=Never")
                .when(header(VobizConstants.EVENT).isEqualTo("media"))
                .bean("listener", "hear")
                .choice()
                .when(header("VoiceActivity").isEqualTo("started"))
                .log("Caller speaks: barge-in")
                .to("vobiz:clear")
                .when(header("VoiceActivity").isEqualTo("ended"))
                .to("seda:turn?waitForTaskToComplete=Never")
                .end()
                .endChoice()
                .when(header(VobizConstants.EVENT).isEqualTo("closed"))
                .bean("conversations", "end(${header.CamelVobizCallId})");

        // A turn can take seconds: it runs off the stream's thread, so barge-in keeps working meanwhile.
        from("seda:turn?concurrentConsumers={{agent.concurrent-turns}}")
                .routeId("turn")
                .to("direct:transcribe")
                .filter(simple("${body} != null && ${body.trim()} != ''"))
                .log("Caller said: ${body}")
                .bean("conversations", "userSaid(${header.CamelVobizCallId}, ${body})")
                .setHeader("Farewell", simple("${body.toLowerCase().contains('bye')}", Boolean.class))
                .setBody(method("conversations", "messages(${header.CamelVobizCallId})"))
                .to("direct:think")
                .to("seda:speak?waitForTaskToComplete=Always");

        from("direct:transcribe")
                .routeId("speech-to-text")
                .process(VoiceAgentRoutes::transcriptionRequest)
                .to("{{agent.stt-url}}?httpMethod=POST")
                .unmarshal()
                .json(JsonLibrary.Jackson, Map.class)
                .setBody(simple("${body[text]}"));

        from("direct:think")
                .routeId("llm")
                .process(e -> e.getMessage()
                        .setBody(Map.of(
                                "model", e.getContext().resolvePropertyPlaceholders("{{agent.llm-model}}"),
                                "messages", e.getMessage().getBody(List.class))))
                .marshal()
                .json(JsonLibrary.Jackson)
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader("Authorization", simple("Bearer {{agent.api-key}}"))
                .to("{{agent.llm-url}}?httpMethod=POST")
                .unmarshal()
                .json(JsonLibrary.Jackson, Map.class)
                .setBody(simple("${body[choices][0][message][content]}"))
                .log("Agent answers: ${body}");

        from("seda:speak?concurrentConsumers={{agent.concurrent-turns}}")
                .routeId("speak")
                .bean("conversations", "assistantSaid(${header.CamelVobizCallId}, ${body})")
                .process(e -> e.getMessage()
                        .setBody(Map.of(
                                "model", e.getContext().resolvePropertyPlaceholders("{{agent.tts-model}}"),
                                "voice", e.getContext().resolvePropertyPlaceholders("{{agent.tts-voice}}"),
                                "response_format", "pcm",
                                "input", e.getMessage().getBody(String.class))))
                .marshal()
                .json(JsonLibrary.Jackson)
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader("Authorization", simple("Bearer {{agent.api-key}}"))
                .to("{{agent.tts-url}}?httpMethod=POST&disableStreamCache=true")
                .bean("speechPlayer", "play")
                .choice()
                .when(header("Farewell").isEqualTo(true))
                .to("vobiz:stop?afterPlayed=true")
                .log("Said goodbye (${header.CamelVobizCheckpointOutcome}); call ending")
                .otherwise()
                .to("vobiz:checkpoint?await=true&timeout=30s")
                .bean(
                        "conversations",
                        "heard(${header.CamelVobizCallId}, ${header.CamelVobizCheckpointOutcome}, ${header.CamelVobizHeard}, ${header.AnswerMillis})")
                .log("Answer ${header.CamelVobizCheckpointOutcome} (${header.SpokenMillis} ms); turn latency"
                        + " ${header.CamelVobizTurnLatency} ms");
    }

    /** What the caller said, as the WAV file of a multipart transcription request. */
    static void transcriptionRequest(Exchange exchange) {
        AudioData said = exchange.getMessage().getBody(AudioData.class);
        String model = exchange.getContext().resolvePropertyPlaceholders("{{agent.stt-model}}");
        exchange.getMessage()
                .setBody(MultipartEntityBuilder.create()
                        .addBinaryBody(
                                "file",
                                Wav.write(said.audio(), said.format()),
                                ContentType.create("audio/wav"),
                                "turn.wav")
                        .addTextBody("model", model)
                        .build());
        exchange.getMessage().removeHeader(Exchange.CONTENT_TYPE);
        exchange.getMessage()
                .setHeader(
                        "Authorization",
                        "Bearer " + exchange.getContext().resolvePropertyPlaceholders("{{agent.api-key}}"));
    }
}
