package dev.camelvobiz.internal.stream;

/** Learns whether one outbound message was written to the socket. */
interface WriteCallback {

    WriteCallback NOOP = new WriteCallback() {
        @Override
        public void succeeded() {}

        @Override
        public void failed(Throwable cause) {}
    };

    void succeeded();

    void failed(Throwable cause);
}
