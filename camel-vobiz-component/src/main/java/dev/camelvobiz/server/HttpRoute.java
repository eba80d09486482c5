package dev.camelvobiz.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A path on a {@link VobizServer} that answers plain HTTP (the answer_url and callbacks). Called on a
 * server pool thread, where blocking on the route is allowed.
 */
public interface HttpRoute {

    /** Answers the request and completes {@code callback}, as a Jetty {@code Handler} does. */
    void handle(Request request, Response response, Callback callback) throws Exception;
}
