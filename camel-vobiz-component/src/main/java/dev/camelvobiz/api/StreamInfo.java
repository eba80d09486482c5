package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A stream as the REST API describes it (protocol §8); {@code endTime} is null while it runs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamInfo(
        @JsonProperty("stream_id") String streamId,
        @JsonProperty("call_uuid") String callId,
        @JsonProperty("service_url") String serviceUrl,
        @JsonProperty("audio_track") String audioTrack,
        @JsonProperty("bidirectional") boolean bidirectional,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("sampling_rate") Integer samplingRate,
        @JsonProperty("stream_timeout") Long streamTimeout,
        @JsonProperty("status_callback_url") String statusCallbackUrl,
        @JsonProperty("status_callback_method") String statusCallbackMethod,
        @JsonProperty("status") String status,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_time") String endTime,
        @JsonProperty("resource_uri") String resourceUri) {}
