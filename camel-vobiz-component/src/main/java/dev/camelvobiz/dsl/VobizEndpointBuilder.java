package dev.camelvobiz.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.support.ExpressionAdapter;

/**
 * What every typed {@code vobiz:} endpoint builder shares: its kind and the options set so far, resolved
 * as {@code context.getEndpoint("vobiz:<kind>", options)}, so values keep their types (a
 * {@code SSLContextParameters}, a repository) and secrets never become part of a URI. Its
 * {@link #getRawUri()}, shown in route dumps, lists the options with secrets masked.
 *
 * @param <B> the concrete builder, returned by its setters
 */
public abstract class VobizEndpointBuilder<B extends VobizEndpointBuilder<B>>
        implements EndpointConsumerBuilder, EndpointProducerBuilder {

    private static final Set<String> SECRETS = Set.of("token", "authToken", "webhookSecret");

    private final String scheme;
    private final String kind;
    private final Map<String, Object> options = new LinkedHashMap<>();

    protected VobizEndpointBuilder(String scheme, String kind) {
        this.scheme = scheme;
        this.kind = kind;
    }

    /** Sets an option by its URI name; the generated setters call this. */
    @SuppressWarnings("unchecked")
    protected B option(String name, Object value) {
        doSetProperty(name, value);
        return (B) this;
    }

    @Override
    public void doSetProperty(String name, Object value) {
        if (value == null) {
            options.remove(name);
        } else {
            options.put(name, value);
        }
    }

    @Override
    public void doSetMultiValueProperty(String name, String key, Object value) {
        doSetProperty(name + key, value); // vobiz: has no multi-value options; kept for the interface
    }

    @Override
    public void doSetMultiValueProperties(String name, String prefix, Map<String, Object> values) {
        values.forEach((key, value) -> doSetMultiValueProperty(name, prefix + key, value));
    }

    @Override
    public String getRawUri() {
        StringBuilder uri = new StringBuilder(scheme).append(':').append(kind);
        char separator = '?';
        for (Map.Entry<String, Object> option : options.entrySet()) {
            Object value = SECRETS.contains(option.getKey()) ? "xxxxxx" : option.getValue();
            uri.append(separator).append(option.getKey()).append('=').append(value);
            separator = '&';
        }
        return uri.toString();
    }

    @Override
    public Endpoint resolve(CamelContext context) throws NoSuchEndpointException {
        Endpoint endpoint = context.getEndpoint(scheme + ":" + kind, new LinkedHashMap<>(options));
        if (endpoint == null) {
            throw new NoSuchEndpointException(getRawUri());
        }
        return endpoint;
    }

    @Override
    public <T extends Endpoint> T resolve(CamelContext context, Class<T> type) throws NoSuchEndpointException {
        return type.cast(resolve(context));
    }

    /**
     * The endpoint's URI as an expression, for {@code toD}: every value in {@code RAW()}, so it resolves
     * as written. Options holding objects (TLS parameters, a repository) cannot be written in a URI: use
     * {@code to(...)} for those.
     */
    @Override
    public Expression expr(CamelContext context) {
        StringBuilder uri = new StringBuilder(scheme).append(':').append(kind);
        char separator = '?';
        for (Map.Entry<String, Object> option : options.entrySet()) {
            Object value = option.getValue();
            if (!(value instanceof CharSequence
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof Enum<?>)) {
                throw new IllegalStateException("Option " + option.getKey() + " of " + getRawUri()
                        + " holds an object and cannot be written in a URI: use to(), not toD()");
            }
            uri.append(separator)
                    .append(option.getKey())
                    .append("=RAW(")
                    .append(value)
                    .append(')');
            separator = '&';
        }
        String resolved = uri.toString();
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(org.apache.camel.Exchange exchange) {
                return resolved;
            }
        };
    }

    @Override
    public String toString() {
        return getRawUri();
    }
}
