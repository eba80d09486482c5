package dev.camelvobiz.stream;

import org.apache.camel.RuntimeCamelException;

/** A stream producer was given a stream or call id that no live stream of this application has. */
public class StreamNotFoundException extends RuntimeCamelException {

    public StreamNotFoundException(String message) {
        super(message);
    }
}
