package dev.camelvobiz.examples.campaign;

import com.fasterxml.jackson.core.JacksonException;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.api.VobizApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * An outbound campaign: call requests from a Kafka topic are placed once each (by request id), at most
 * {@code campaign.calls-per-second} a second and {@code campaign.lines} at a time; each answered call is
 * told its message; each call's outcome goes to the results topic, and a request that cannot be placed
 * to the dead-letter topic with the reason.
 */
public class CampaignRoutes extends RouteBuilder {

    static final String REQUEST = "campaignRequest";
    static final String REQUEST_ID = "campaignRequestId";
    static final String LINE_TAKEN = "campaignLineTaken";

    private Campaign campaign;

    @Override
    public void configure() {
        campaign = new Campaign(
                Integer.parseInt(getContext().resolvePropertyPlaceholders("{{campaign.lines}}")),
                Long.parseLong(getContext().resolvePropertyPlaceholders("{{campaign.line-wait-millis}}")));
        // a request that cannot be placed: its line back, the request and the reason to the dead letters
        onException(
                        JacksonException.class,
                        InvalidCallRequest.class,
                        NoFreeLine.class,
                        VobizApiException.class,
                        IllegalArgumentException.class)
                .handled(true)
                .process(this::deadLetter)
                .marshal()
                .json(JsonLibrary.Jackson)
                .to("kafka:{{campaign.dead-letter-topic}}")
                .log("Not placed: ${exchangeProperty.campaignReason}");

        from("kafka:{{campaign.request-topic}}?groupId={{campaign.group-id}}&autoOffsetReset=earliest")
                .routeId("campaign-requests")
                .unmarshal()
                .json(JsonLibrary.Jackson, CallRequest.class)
                .process(exchange -> {
                    CallRequest request = exchange.getMessage().getBody(CallRequest.class);
                    exchange.setProperty(REQUEST, request);
                    exchange.setProperty(REQUEST_ID, request.validate().requestId());
                })
                .idempotentConsumer(
                        exchangeProperty(REQUEST_ID), MemoryIdempotentRepository.memoryIdempotentRepository(100_000))
                .skipDuplicate(false)
                .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE))
                .log("Request ${exchangeProperty.campaignRequestId} seen before: not placed again")
                .stop()
                .end()
                .throttle(constant("{{campaign.calls-per-second}}"))
                .totalRequestsMode()
                .timePeriodMillis(1000)
                .process(exchange -> {
                    campaign.takeLine();
                    exchange.setProperty(LINE_TAKEN, true);
                    exchange.getMessage()
                            .setHeader(
                                    VobizConstants.TO,
                                    exchange.getProperty(REQUEST, CallRequest.class)
                                            .to());
                    exchange.getMessage().setBody(null);
                })
                .to("vobiz:api?operation=makeCall&from={{campaign.from}}"
                        + "&answerUrl={{campaign.public-url}}/answer&hangupUrl={{campaign.public-url}}/events")
                .process(exchange -> campaign.placed(
                        exchange.getMessage().getHeader(VobizConstants.REQUEST_UUID, String.class),
                        exchange.getProperty(REQUEST, CallRequest.class)))
                .log("Placed ${exchangeProperty.campaignRequestId} as ${header.CamelVobizRequestUuid}");

        // the callee answered: tell them their message
        from("vobiz:answer?path=/answer").routeId("campaign-answer").process(exchange -> {
            String requestUuid = exchange.getMessage().getHeader(VobizConstants.REQUEST_UUID, String.class);
            CallRequest request = requestUuid == null ? null : campaign.requestOf(requestUuid, 5000);
            if (request == null) { // not a call this campaign placed
                exchange.getMessage().setBody(VobizXml.response().hangup());
                return;
            }
            campaign.told(requestUuid, request.script());
            exchange.getMessage()
                    .setBody(VobizXml.response()
                            .speak(request.script())
                            .waitFor(1)
                            .speak("Goodbye."));
        });

        // every call ends here, answered or not: its outcome to the results topic, its line back
        from("vobiz:callback?path=/events")
                .routeId("campaign-outcomes")
                .filter(header(VobizConstants.EVENT).isEqualTo("Hangup"))
                .process(this::outcome)
                .filter(body().isNotNull())
                .marshal()
                .json(JsonLibrary.Jackson)
                .to("kafka:{{campaign.result-topic}}");
    }

    private void outcome(Exchange exchange) throws InterruptedException {
        String requestUuid = exchange.getMessage().getHeader(VobizConstants.REQUEST_UUID, String.class);
        CallRequest request = requestUuid == null ? null : campaign.requestOf(requestUuid, 5000);
        if (request == null) {
            exchange.getMessage().setBody(null); // not a call this campaign placed
            return;
        }
        Map<?, ?> fields = exchange.getMessage().getBody(Map.class);
        String status = exchange.getMessage().getHeader(VobizConstants.CALL_STATUS, String.class);
        String heard = campaign.ended(requestUuid);
        exchange.getMessage()
                .setBody(new CallOutcome(
                        request.requestId(),
                        request.to(),
                        requestUuid,
                        exchange.getMessage().getHeader(VobizConstants.CALL_ID, String.class),
                        "completed".equals(status) ? "answered" : status,
                        seconds(fields.get("Duration")),
                        fields.get("HangupCause") == null
                                ? ""
                                : fields.get("HangupCause").toString(),
                        heard));
    }

    private void deadLetter(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (Boolean.TRUE.equals(exchange.getProperty(LINE_TAKEN, Boolean.class))) {
            campaign.releaseLine();
        }
        String reason = failure == null ? "unknown" : failure.getMessage();
        // logged: a request's own text in it must not start a line of its own (forged log lines)
        exchange.setProperty("campaignReason", reason.replaceAll("\\p{Cntrl}", "?"));
        Map<String, Object> letter = new LinkedHashMap<>();
        Object request = exchange.getProperty(REQUEST); // null when the record was not a request at all
        letter.put("request", request != null ? request : exchange.getMessage().getBody(String.class));
        letter.put("reason", reason);
        if (failure instanceof VobizApiException api) {
            letter.put("retrySafe", api.isRetrySafe());
        }
        exchange.getMessage().setBody(letter);
    }

    private static long seconds(Object duration) {
        try {
            return duration == null ? 0 : Long.parseLong(duration.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
