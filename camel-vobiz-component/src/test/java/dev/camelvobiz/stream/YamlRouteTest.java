package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.util.Base64;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The same echo written in YAML (src/test/resources/routes/echo.camel.yaml), as the README shows it. */
class YamlRouteTest extends VobizTestSupport {

    @Test
    void theYamlEchoRouteEchoes() throws Exception {
        context.getPropertiesComponent().addOverrideProperty("vobiz.port", String.valueOf(port));
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/echo.camel.yaml"));
        try (VobizPeer call = VobizPeer.start(port, "/yaml", "s-yaml", "c-yaml")) {
            call.sendMedia(frame(3, 0));
            assertThat(Base64.getDecoder()
                            .decode(call.nextCommand().at("/media/payload").asText()))
                    .isEqualTo(echoed(frame(3, 0)));
        }
    }
}
