package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code startStream}: the new stream's id (a UUID or {@code str_…}) and a message. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartStreamResponse(
        @JsonProperty("stream_id") String streamId, @JsonProperty("message") String message) {}
