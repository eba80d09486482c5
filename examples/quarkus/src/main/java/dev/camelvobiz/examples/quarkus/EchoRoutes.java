package dev.camelvobiz.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/** The echo, on Camel Quarkus: a route bean Quarkus discovers, the component found on the classpath. */
public class EchoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("vobiz:stream?host=127.0.0.1&port={{vobiz.port}}&path=/media&blocking=false")
                .filter(header("CamelVobizEvent").isEqualTo("media"))
                .to("vobiz:play");
    }
}
