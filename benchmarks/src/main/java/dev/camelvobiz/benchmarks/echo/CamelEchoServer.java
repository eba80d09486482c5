package dev.camelvobiz.benchmarks.echo;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.impl.engine.PooledProcessorExchangeFactory;

/**
 * The echo agent of BASELINES.md as a Camel route: every {@code media} frame goes straight back as
 * {@code playAudio}; {@code /answer} answers calls with a stream to it. The server side of the load
 * benchmark in docs/BENCHMARKS.md (next to {@link JettyEchoServer} and the Node echo) and of the soak;
 * port from the first argument (default 8089), extra stream consumer options from the second.
 */
public final class CamelEchoServer {

    private CamelEchoServer() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String streamOptions = args.length > 1 ? "&" + args[1] : ""; // e.g. playLead=0
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            if (Boolean.getBoolean("pooled")) {
                // -Dpooled=true: Camel's pooled exchanges, as camel.main.exchange-factory=pooled sets them
                camel.getCamelContextExtension().setExchangeFactory(new PooledExchangeFactory());
                camel.getCamelContextExtension().setProcessorExchangeFactory(new PooledProcessorExchangeFactory());
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // The default answer: a bidirectional μ-law stream to /media below (μ-law has no byte
                    // order, so the echo is heard exactly as said).
                    from("vobiz:answer?host=127.0.0.1&port=" + port
                                    + "&streamPath=/media&contentType=audio/x-mulaw;rate=8000")
                            .log("Answering ${header.CamelVobizCallId}");
                    from("vobiz:stream?host=127.0.0.1&port=" + port + "&path=/media" + streamOptions)
                            .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                            .to("vobiz:play");
                }
            });
            camel.start();
            System.out.println("echo route on ws://127.0.0.1:" + port + "/media");
            Thread.currentThread().join();
        }
    }
}
