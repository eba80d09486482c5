package dev.camelvobiz.stream;

import org.apache.camel.RuntimeCamelException;

/**
 * The target stream has ended (its socket closed, or {@code stop} was already sent), or a command
 * could not be written because the socket broke; the command did not reach the platform.
 */
public class StreamClosedException extends RuntimeCamelException {

    public StreamClosedException(String message) {
        super(message);
    }

    public StreamClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
