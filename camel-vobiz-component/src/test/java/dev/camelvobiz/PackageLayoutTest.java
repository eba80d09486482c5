package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout is the one docs/ARCHITECTURE.md describes: every package of the component and the
 * emulator has a row in its tables, no row names a package that is gone, each package says in its
 * package-info what it holds, and the packages the tables call internal are the ones that say they are
 * machinery.
 */
class PackageLayoutTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern MACHINERY = Pattern.compile("\\bMachinery\\b");
    private static final Pattern ROW =
            Pattern.compile("(?m)^\\| `(dev\\.camelvobiz[\\w.]*)` \\|.*\\| (public|internal) \\|$");

    @Test
    void everyPackageHasItsRowAndEveryRowItsPackage() throws IOException {
        Map<String, String> documented = documentedPackages();
        assertThat(documented.keySet()).as("packages in ARCHITECTURE.md").containsExactlyElementsOf(sourcePackages());
    }

    @Test
    void internalPackagesSayTheyAreMachineryAndPublicOnesDoNot() throws IOException {
        for (Map.Entry<String, String> row : documentedPackages().entrySet()) {
            String info = Files.readString(packageInfo(row.getKey()));
            boolean machinery = MACHINERY.matcher(info).find();
            assertThat(machinery)
                    .as(row.getKey() + " is " + row.getValue() + " in ARCHITECTURE.md; its package-info must agree")
                    .isEqualTo(row.getValue().equals("internal"));
        }
    }

    private static Map<String, String> documentedPackages() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(ROOT.resolve("docs/ARCHITECTURE.md")));
        Map<String, String> packages = new TreeMap<>();
        while (rows.find()) {
            packages.put(rows.group(1), rows.group(2));
        }
        return packages;
    }

    private static TreeSet<String> sourcePackages() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        for (String module : new String[] {"camel-vobiz-component", "camel-vobiz-emulator"}) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .map(file ->
                                sources.relativize(file.getParent()).toString().replace('/', '.'))
                        .forEach(packages::add);
            }
        }
        return packages;
    }

    private static Path packageInfo(String name) {
        String module = name.startsWith("dev.camelvobiz.emulator") ? "camel-vobiz-emulator" : "camel-vobiz-component";
        Path file = ROOT.resolve(module)
                .resolve("src/main/java")
                .resolve(name.replace('.', '/'))
                .resolve("package-info.java");
        assertThat(file).as("package-info of " + name).exists();
        return file;
    }
}
