package dev.camelvobiz.internal.server;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What identifies one listening server: consumers that name the same host and port share it, and
 * must then agree on TLS.
 */
public record ServerAddress(String host, int port, SSLContextParameters sslContextParameters) {

    String key() {
        return host + ":" + port;
    }

    boolean tls() {
        return sslContextParameters != null;
    }
}
