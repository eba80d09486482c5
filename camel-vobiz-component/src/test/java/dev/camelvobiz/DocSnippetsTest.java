package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java and YAML snippet in the docs (README, the component reference, the emulator's and the
 * examples' READMEs) is compiled (Java, with javac against the test class path) or parsed (YAML, with
 * Camel's YAML DSL), and every {@code vobiz:} URI in a route snippet is resolved to an endpoint, so a
 * renamed option or class breaks the build, not a reader's first try.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final List<Path> DOCS = List.of(
            ROOT.resolve("README.md"),
            ROOT.resolve("camel-vobiz-component/src/main/docs/vobiz-component.adoc"),
            ROOT.resolve("camel-vobiz-emulator/README.md"),
            ROOT.resolve("examples/README.md"),
            ROOT.resolve("examples/echo/README.md"),
            ROOT.resolve("examples/kafka-bridge/README.md"),
            ROOT.resolve("examples/jms-bridge/README.md"),
            ROOT.resolve("examples/voice-agent/README.md"),
            ROOT.resolve("examples/spring-boot/README.md"),
            ROOT.resolve("docs/ARCHITECTURE.md"));

    /** Markdown fences and AsciiDoc {@code [source,x]} blocks. */
    private static final Pattern MARKDOWN = Pattern.compile("(?ms)^```(java|yaml)\\n(.*?)^```");

    private static final Pattern ASCIIDOC = Pattern.compile("(?ms)^\\[source,(java|yaml)\\]\\n----\\n(.*?)^----");

    private static final String IMPORTS =
            """
            import static dev.camelvobiz.dsl.VobizEndpoints.vobiz;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.camelvobiz.api.VobizApiOperation;
            import dev.camelvobiz.*;
            import dev.camelvobiz.answer.*;
            import dev.camelvobiz.answer.AnswerEnums.*;
            import dev.camelvobiz.audio.*;
            import dev.camelvobiz.emulator.*;
            import dev.camelvobiz.emulator.audio.*;
            import dev.camelvobiz.emulator.junit.*;
            import dev.camelvobiz.emulator.record.*;
            import java.nio.file.Path;
            import java.time.Duration;
            import org.apache.camel.builder.RouteBuilder;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.extension.RegisterExtension;
            """;

    record Snippet(String where, String language, String code) {
        @Override
        public String toString() {
            return where + " (" + language + ")";
        }
    }

    static Stream<Snippet> snippets() throws IOException {
        List<Snippet> found = new ArrayList<>();
        for (Path doc : DOCS) {
            String text = Files.readString(doc);
            for (Pattern fence : List.of(MARKDOWN, ASCIIDOC)) {
                Matcher m = fence.matcher(text);
                while (m.find()) {
                    int line = text.substring(0, m.start()).split("\n", -1).length;
                    found.add(new Snippet(ROOT.relativize(doc) + ":" + line, m.group(1), m.group(2)));
                }
            }
        }
        assertThat(found).as("snippets found in the docs").hasSizeGreaterThan(10);
        return found.stream();
    }

    @TempDir
    Path classes;

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void compilesAndItsVobizUrisResolve(Snippet snippet) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties placeholders = new Properties();
            placeholders.put("vobiz.token", "s3cret");
            camel.getPropertiesComponent().setInitialProperties(placeholders);
            // the beans the docs' URIs refer to
            camel.getRegistry().bind("signatures", MemoryIdempotentRepository.memoryIdempotentRepository(10));
            if (snippet.language().equals("yaml")) {
                PluginHelper.getRoutesLoader(camel)
                        .loadRoutes(ResourceHelper.fromString("snippet.camel.yaml", snippet.code()));
            } else {
                Object compiled = compile(snippet);
                if (compiled instanceof RoutesBuilder routes) {
                    camel.addRoutes(routes);
                }
            }
            for (String uri : vobizUris(camel)) {
                assertThat(camel.getEndpoint(uri)).as(uri).isNotNull();
            }
        }
    }

    /** Compiles the snippet in the shape it is written in; a route snippet is instantiated. */
    private Object compile(Snippet snippet) throws Exception {
        String code = snippet.code();
        String source;
        boolean routes = code.contains("from(");
        if (routes) {
            source = IMPORTS + "public class Snippet extends RouteBuilder {\n"
                    + "    byte[] greetingWav = new byte[0], farewellWav = new byte[0];\n"
                    + "    @Override public void configure() throws Exception {\n" + code + "\n}}";
        } else if (code.strip().startsWith("@")) {
            source = IMPORTS + "public class Snippet {\n    int port;\n" + code + "\n}";
        } else {
            source = IMPORTS + "public class Snippet {\n    void run() throws Exception {\n" + code + "\n}}";
        }
        Path file = classes.resolve("Snippet.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
                            null,
                            files.getJavaFileObjects(file))
                    .call();
            assertThat(ok)
                    .as("%s does not compile:%n%s", snippet, diagnostics.getDiagnostics())
                    .isTrue();
        }
        if (!routes) {
            return null;
        }
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            return loader.loadClass("Snippet").getDeclaredConstructor().newInstance();
        }
    }

    /** The vobiz: URIs the snippet's routes consume from or send to. */
    private static List<String> vobizUris(CamelContext camel) {
        List<String> uris = new ArrayList<>();
        for (RouteDefinition route : ((ModelCamelContext) camel)
                .getCamelContextExtension()
                .getContextPlugin(org.apache.camel.model.Model.class)
                .getRouteDefinitions()) {
            uris.add(route.getInput().getEndpointUri());
            ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), SendDefinition.class)
                    .forEach(send -> uris.add(send.getEndpointUri()));
        }
        return uris.stream().filter(uri -> uri.startsWith("vobiz:")).toList();
    }
}
