package dev.camelvobiz.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VobizEmulatorExtensionTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    @Test
    void injectsTheRunningEmulatorWithItsRestApiUp(Emulator emulator) throws Exception {
        assertThat(emulator).isSameAs(VOBIZ.emulator());
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.restApiUrl() + "/Account/x/Call/y/"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("no credentials").isEqualTo(401);
    }
}
