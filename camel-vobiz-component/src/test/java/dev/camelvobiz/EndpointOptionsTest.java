package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Each URI option is known to apply to some kinds, and refused on the others when the endpoint is created. */
class EndpointOptionsTest {

    @Test
    void everyGeneratedEndpointOptionIsClassified() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelvobiz/vobiz.json")) {
            properties = new ObjectMapper().readTree(in).path("properties");
        }
        List<String> unclassified = new ArrayList<>();
        properties.fieldNames().forEachRemaining(option -> {
            if (!option.equals("kind") && EndpointOptions.kindsOf(option).isEmpty()) {
                unclassified.add(option);
            }
        });
        assertThat(unclassified)
                .as("options in vobiz.json with no kinds in EndpointOptions")
                .isEmpty();
    }

    @Test
    void anOptionOnAKindItDoesNotApplyToIsRefusedNamingTheKindsItAppliesTo() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> camel.getEndpoint("vobiz:play?path=/media"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .rootCause()
                    .hasMessage("Option path does not apply to vobiz:play; it applies to vobiz:stream, vobiz:answer,"
                            + " vobiz:callback");
            assertThatThrownBy(() -> camel.getEndpoint("vobiz:stream?streamPath=/media"))
                    .rootCause()
                    .hasMessageContaining("Option streamPath does not apply to vobiz:stream");
            assertThatThrownBy(() -> camel.getEndpoint("vobiz:clear?name=x"))
                    .rootCause()
                    .hasMessageContaining("it applies to vobiz:checkpoint");
            assertThat(camel.getEndpoint("vobiz:stream?path=/media&token=s3cret&playLead=200"))
                    .isNotNull();
            assertThat(camel.getEndpoint("vobiz:checkpoint?name=greeting&await=true&timeout=15s"))
                    .isNotNull();
            assertThat(camel.getEndpoint("vobiz:api?operation=getStream&authId=MA_X&authToken=t&apiBaseUrl=http://x"))
                    .isNotNull();
        }
    }
}
