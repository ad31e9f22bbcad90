package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a platform sees is the API packages only ({@code org.communityadvisor}, {@code org.communityadvisor.report},
 * {@code org.communityadvisor.importer}); the importer's optional XLSX library (fastexcel) appears in none of them:
 * no public method or constructor of theirs takes or returns a type of the internal packages (engine, json,
 * report.internal, cli), so the engine can change without breaking an embedding application. This stands in for
 * a JPMS module descriptor (not written yet: the advisor runs on the class path, where a descriptor is ignored,
 * and Drools would need its reflective access opened); the jar names its module {@code org.communityadvisor}.
 */
class ApiSurfaceTest {
    /** Known exceptions, each a tooling hook that is not part of the documented API (none left). */
    private static final List<String> ALLOWED = List.of();

    @Test
    void theApiPackagesExposeNoInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String pkg : List.of("org/communityadvisor", "org/communityadvisor/report", "org/communityadvisor/importer")) {
            try (Stream<Path> files = Files.list(Path.of("target/classes", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = pkg.replace('/', '.') + "." + f.getFileName().toString().replace(".class", "");
                    Class<?> c = Class.forName(name);
                    if (!Modifier.isPublic(c.getModifiers())) {
                        continue;
                    }
                    for (Method m : c.getDeclaredMethods()) {
                        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                            continue;
                        }
                        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                        types.add(m.getGenericReturnType());
                        for (Type t : types) {
                            if (internal(t.getTypeName()) && !ALLOWED.contains(c.getName().substring(c.getName().lastIndexOf('.') + 1) + "." + m.getName())) {
                                leaks.add(c.getName() + "." + m.getName() + " uses " + t.getTypeName());
                            }
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean internal(String type) {
        return type.contains("org.communityadvisor.engine.") || type.contains("org.communityadvisor.json.")
                || type.contains("org.communityadvisor.cli.") || type.contains("org.communityadvisor.report.internal.")
                || type.contains("org.kie.") || type.contains("org.drools.") || type.contains("org.dhatim.");
    }
}
