package dev.camelvobiz.examples.echo;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.builder.RouteBuilder;

/** The echo in Java: answer with a stream to /echo, and play every frame the caller sends straight back. */
public class EchoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("vobiz:answer?path=/answer&streamPath=/echo").log("Answering ${header.CamelVobizCallId}");

        // Nothing here blocks a thread, so the route may run on the event loop itself.
        from("vobiz:stream?path=/echo&blocking=false")
                .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                .to("vobiz:play");
    }
}
