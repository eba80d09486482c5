package dev.camelvobiz.stream;

import org.apache.camel.RuntimeCamelException;

/** A forwarded command failed on the instance that holds its stream, for a reason not of our own types. */
public class RemoteCommandException extends RuntimeCamelException {

    public RemoteCommandException(String message) {
        super(message);
    }
}
