package dev.camelvobiz.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application answering Vobiz calls with camel-vobiz (see {@link EchoRoutes}). */
@SpringBootApplication
public class VobizSpringBootApp {

    public static void main(String[] args) {
        SpringApplication.run(VobizSpringBootApp.class, args);
    }
}
