package dev.camelvobiz.examples.springboot;

import dev.camelvobiz.VobizConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Answers every call with a bidirectional stream and plays the caller's audio back. Where the
 * server listens, the stream path and the like come from {@code camel.component.vobiz.*} in
 * {@code application.properties}; the routes name only what they do.
 */
@Component
public class EchoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("vobiz:answer?path=/answer&streamPath=/media") // the default answer: a bidirectional <Stream>
                .routeId("answer")
                .log("Answering call ${header.CamelVobizCallId}");

        from("vobiz:stream?path=/media")
                .routeId("echo")
                .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                .to("vobiz:play");
    }
}
