package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer to {@code listCalls}: the ids of the account's calls in progress. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveCallList(@JsonProperty("api_id") String apiId, @JsonProperty("calls") List<String> calls) {}
