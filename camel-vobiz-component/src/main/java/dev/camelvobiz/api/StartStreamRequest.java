package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code startStream}. {@code audio_track} and {@code content_type} are always sent,
 * because the docs disagree on their defaults (protocol §14).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartStreamRequest(
        @JsonProperty("service_url") String serviceUrl,
        @JsonProperty("bidirectional") boolean bidirectional,
        @JsonProperty("audio_track") String audioTrack,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("stream_timeout") Integer streamTimeout,
        @JsonProperty("status_callback_url") String statusCallbackUrl,
        @JsonProperty("status_callback_method") String statusCallbackMethod,
        @JsonProperty("extra_headers") String extraHeaders) {}
