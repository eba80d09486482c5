package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code §N} the project's code and docs cite resolves to a section of docs/PROTOCOL.md, and no
 * file points at documents outside the repository.
 */
class ProtocolCitationsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern CITATION = Pattern.compile("§ ?(\\d+(?:\\.\\d+)?)");
    private static final Set<String> SOURCES = Set.of(".java", ".md", ".adoc", ".xml", ".yaml", ".properties", ".js");

    private static Stream<Path> projectFiles() throws IOException {
        return Files.walk(ROOT)
                .filter(Files::isRegularFile)
                .filter(path -> {
                    String text = path.toString();
                    return !text.contains("/target/") && !text.contains("/node_modules/") && !text.contains("/.git/");
                })
                .filter(path -> SOURCES.stream().anyMatch(path.toString()::endsWith));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCitedSectionHasAnAnchorInProtocolMd() throws IOException {
        String protocol = read(ROOT.resolve("docs/PROTOCOL.md"));
        Set<String> cited = new TreeSet<>();
        try (Stream<Path> files = projectFiles()) {
            files.filter(file -> !file.endsWith("PROTOCOL.md")).forEach(file -> {
                Matcher citation = CITATION.matcher(read(file));
                while (citation.find()) {
                    cited.add(citation.group(1));
                }
            });
        }
        assertThat(cited).as("citations found").isNotEmpty();
        assertThat(cited)
                .as("each § cited has <a id=\"s…\"></a> in docs/PROTOCOL.md")
                .allSatisfy(section -> assertThat(protocol).contains("<a id=\"s" + section + "\"></a>"));
    }

    @Test
    void noFilePointsOutsideTheRepository() throws IOException {
        try (Stream<Path> files = projectFiles()) {
            assertThat(files.filter(file -> !file.toString().endsWith("ProtocolCitationsTest.java")))
                    .allSatisfy(file -> assertThat(read(file))
                            .as(file.toString())
                            .doesNotContain(
                                    "shared/vobiz-protocol",
                                    "shared/BASELINES",
                                    "shared/DEPENDENCIES",
                                    "shared/vobiz-vectors",
                                    "../shared/"));
        }
    }
}
