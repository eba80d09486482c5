package dev.camelvobiz.internal.observe;

import org.apache.camel.CamelContext;

/** Finds what the component reports to, if the application has it: Micrometer for meters. */
public final class Observability {

    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private Observability() {}

    /**
     * Meters in the application's Micrometer registry: the one {@code MeterRegistry} in Camel's
     * registry (Camel Main with camel-micrometer, a Spring Boot context), else Micrometer's global
     * registry; no meters at all when Micrometer is not on the classpath.
     */
    public static VobizMetrics metrics(CamelContext context) {
        return MICROMETER ? MicrometerMetrics.of(context) : VobizMetrics.NONE;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Observability.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
