package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a call's streams, active and stopped. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamList(
        @JsonProperty("page") int page,
        @JsonProperty("per_page") int perPage,
        @JsonProperty("total") int total,
        @JsonProperty("objects") List<StreamInfo> streams) {}
