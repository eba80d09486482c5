package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to an action on a live call ({@code transferCall}, {@code speak}, {@code play},
 * {@code sendDtmf}, {@code startRecording}): the platform's message ("call transferred", "speak started",
 * …) and, for a recording, its id and where the file will be.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallActionResponse(
        @JsonProperty("api_id") String apiId,
        @JsonProperty("message") String message,
        @JsonProperty("recording_id") String recordingId,
        @JsonProperty("url") String url) {}
