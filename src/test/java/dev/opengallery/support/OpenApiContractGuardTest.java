package dev.opengallery.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No test takes its requests out of the OpenAPI contract check: REST Assured's filters are never switched off
 * or replaced anywhere but in {@link OpenApiContractCallback}, which installs {@link OpenApiContract}.
 */
class OpenApiContractGuardTest {

    private static final List<String> BYPASSES = List.of("noFilters(", "replaceFiltersWith(", "RestAssured.reset(",
            "RestAssured.filters(", "RestAssured.replaceFiltersWith(");

    @Test
    void noTestSwitchesTheContractFilterOff() throws IOException {
        Path root = Path.of("src/test/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().startsWith("OpenApiContract"))
                    .flatMap(f -> {
                        String text = read(f);
                        return BYPASSES.stream().filter(text::contains).map(b -> root.relativize(f) + ": " + b);
                    }).toList();
            assertEquals(List.of(), offenders, "these test sources bypass the OpenAPI contract filter");
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
