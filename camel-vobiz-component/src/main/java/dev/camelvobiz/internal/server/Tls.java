package dev.camelvobiz.internal.server;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.util.Arrays;
import java.util.LinkedHashSet;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;

/**
 * Camel's {@link SSLContextParameters} as the server's TLS settings: its key managers (required), trust
 * managers and client authentication, protocols and cipher suites.
 */
final class Tls {

    private final KeyManager[] keyManagers;
    private final TrustManager[] trustManagers;
    private final SSLContextParameters parameters;

    private Tls(SSLContextParameters parameters, CamelContext camelContext) throws Exception {
        this.parameters = parameters;
        if (parameters.getKeyManagers() == null) {
            throw new IllegalArgumentException("sslContextParameters needs keyManagers to serve TLS");
        }
        parameters.setCamelContext(camelContext);
        parameters.getKeyManagers().setCamelContext(camelContext);
        if (parameters.getKeyManagers().getKeyStore() != null) {
            parameters.getKeyManagers().getKeyStore().setCamelContext(camelContext);
        }
        this.keyManagers = parameters.getKeyManagers().createKeyManagers();
        if (parameters.getTrustManagers() != null) {
            parameters.getTrustManagers().setCamelContext(camelContext);
            if (parameters.getTrustManagers().getKeyStore() != null) {
                parameters.getTrustManagers().getKeyStore().setCamelContext(camelContext);
            }
            this.trustManagers = parameters.getTrustManagers().createTrustManagers();
        } else {
            this.trustManagers = null;
        }
    }

    /** Null when {@code parameters} is null (plain HTTP). */
    static Tls of(SSLContextParameters parameters, CamelContext camelContext) throws Exception {
        return parameters == null ? null : new Tls(parameters, camelContext);
    }

    void apply(HttpServerOptions options) {
        X509KeyManager keys = Arrays.stream(keyManagers)
                .filter(X509KeyManager.class::isInstance)
                .map(X509KeyManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sslContextParameters has no X.509 key manager"));
        options.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(keys));
        if (trustManagers != null && trustManagers.length > 0) {
            options.setTrustOptions(TrustOptions.wrap(trustManagers[0]));
        }
        SSLContextServerParameters server = parameters.getServerParameters();
        if (server != null && server.getClientAuthentication() != null) {
            options.setClientAuth(
                    switch (server.getClientAuthentication()) {
                        case "REQUIRE" -> ClientAuth.REQUIRED;
                        case "WANT" -> ClientAuth.REQUEST;
                        default -> ClientAuth.NONE;
                    });
        }
        if (parameters.getSecureSocketProtocols() != null) {
            options.setEnabledSecureTransportProtocols(
                    new LinkedHashSet<>(parameters.getSecureSocketProtocols().getSecureSocketProtocol()));
        }
        if (parameters.getCipherSuites() != null) {
            parameters.getCipherSuites().getCipherSuite().forEach(options::addEnabledCipherSuite);
        }
    }
}
