package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to {@code makeCall}: "Call fired" and the request's id, which the answer and hang-up
 * requests of the call carry as {@code ALegRequestUUID} (header {@code CamelVobizRequestUuid}). A bulk
 * request answers with one id per destination.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MakeCallResponse(
        @JsonProperty("api_id") String apiId,
        @JsonProperty("message") String message,
        @JsonProperty("request_uuid") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                List<String> requestUuids) {

    /** The request's id (the first, for a bulk request). */
    public String requestUuid() {
        return requestUuids == null || requestUuids.isEmpty() ? null : requestUuids.get(0);
    }
}
