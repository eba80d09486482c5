package dev.camelvobiz.stream;

import org.apache.camel.RuntimeCamelException;

/**
 * An inbound WebSocket message could not be used. It is reported through the consumer's exception
 * handler and dropped; the socket and every other call carry on.
 */
public class InvalidFrameException extends RuntimeCamelException {

    public InvalidFrameException(String message) {
        super(message);
    }

    public InvalidFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
