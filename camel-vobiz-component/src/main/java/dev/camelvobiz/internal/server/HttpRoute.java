package dev.camelvobiz.internal.server;

/** A path on a {@link VobizServer} that answers plain HTTP (the answer_url and callbacks). */
public interface HttpRoute {

    /**
     * Answers one request whose body has been read in full. Called on a worker thread, never on an
     * event loop, because it runs a Camel route, which may block; it must call {@link HttpCall#reply}
     * exactly once.
     */
    void handle(HttpCall call);
}
