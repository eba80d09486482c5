package dev.camelvobiz.examples.echo;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.builder.RouteBuilder;

/** The echo in Java: answer with a stream to /echo, and play every frame the caller sends straight back. */
public class EchoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("vobiz:answer?path=/answer&streamPath=/echo").log("Answering ${header.CamelVobizCallId}");

        from("vobiz:stream?path=/echo")
                .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                .to("vobiz:play");
    }
}
