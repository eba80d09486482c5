package dev.camelvobiz.examples.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.regex.Pattern;

/**
 * One call to place, as it arrives on the requests topic: {@code {"requestId":"r-17","to":"+919800000017",
 * "name":"Asha","message":"Your parcel arrives tomorrow."}}. The request id is the business key: a request
 * sent twice is placed once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallRequest(String requestId, String to, String name, String message) {

    /** An E.164 number (the + optional) or a SIP URI: what Vobiz dials. */
    private static final Pattern DESTINATION = Pattern.compile("\\+?[1-9][0-9]{6,14}|sip:[^\\s<]+");

    /** Refuses a request that cannot be placed, saying why; the route sends it to the dead-letter topic. */
    public CallRequest validate() {
        if (requestId == null || requestId.isBlank()) {
            throw new InvalidCallRequest("requestId is missing");
        }
        if (to == null || !DESTINATION.matcher(to).matches()) {
            throw new InvalidCallRequest("to '" + to + "' is not an E.164 number or a SIP URI");
        }
        if (message == null || message.isBlank()) {
            throw new InvalidCallRequest("message is missing: there would be nothing to say");
        }
        return this;
    }

    /** What the callee is told when they answer. */
    public String script() {
        return (name == null || name.isBlank() ? "Hello." : "Hello " + name + ".") + " " + message;
    }
}
