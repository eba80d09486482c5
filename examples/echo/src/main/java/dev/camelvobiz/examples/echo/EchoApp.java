package dev.camelvobiz.examples.echo;

import org.apache.camel.main.Main;

/** Both echoes on one port: Java at /answer, YAML at /answer-yaml. */
public final class EchoApp {

    private EchoApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main(EchoApp.class);
        main.configure().addRoutesBuilder(new EchoRoutes());
        main.run(args);
    }
}
