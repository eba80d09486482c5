package dev.camelvobiz.stream;

import dev.camelvobiz.internal.observe.LogSafe;
import org.apache.camel.RuntimeCamelException;

/**
 * An inbound WebSocket message could not be used. It is reported through the consumer's exception
 * handler and dropped; the socket and every other call carry on. The message may quote what the peer
 * sent, so its control characters are escaped: a route that logs it cannot be made to forge a line.
 */
public class InvalidFrameException extends RuntimeCamelException {

    public InvalidFrameException(String message) {
        super(LogSafe.line(message));
    }

    public InvalidFrameException(String message, Throwable cause) {
        super(LogSafe.line(message), cause);
    }
}
