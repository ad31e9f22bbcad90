package org.communityadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fleet job is an application of the advisor like any other: it uses the library's API (the root package,
 * the importer and the reports) and none of its internals (engine, JSON model, the importer's derivation), so a
 * change inside the library cannot break it unseen.
 */
class FleetJobApiTest {
    private static final String ROOT = "org.communityadvisor";
    private static final Set<String> API = Set.of(ROOT, ROOT + ".importer", ROOT + ".report");

    @Test
    void theFleetJobUsesOnlyTheLibrarysApi() {
        JavaClasses job = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + ".spark");
        assertThat(job).as("the job's classes are found").isNotEmpty();
        Set<String> internal = new TreeSet<>();
        for (JavaClass c : job) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String pkg = d.getTargetClass().getPackageName();
                if (pkg.startsWith(ROOT) && !pkg.equals(ROOT + ".spark") && !API.contains(pkg)) {
                    internal.add(c.getSimpleName() + " -> " + d.getTargetClass().getName());
                }
            }
        }
        assertThat(internal).as("use or add the library's API instead").isEmpty();
    }
}
