package dev.camelvobiz.stream;

import org.apache.camel.RuntimeCamelException;

/**
 * A command for a stream held by another instance could not be carried out there: the transport
 * refused it, or the owner did not answer in time (it may have stopped, or its transport is down).
 * Whether the command ran is unknown.
 */
public class InstanceUnavailableException extends RuntimeCamelException {

    public InstanceUnavailableException(String message) {
        super(message);
    }

    public InstanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
