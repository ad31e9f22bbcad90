package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which room may use which. The public API is the root package, the facts the rules import
 * ({@code engine.Community}, {@code Hit}, {@code StageFact}, {@code Suppressed}), {@code importer} and
 * {@code report}; the rest is internal. An arrow that runs up (the engine using the command line, a report using
 * the engine's internals, Drools outside the rule engine) fails here. The lists of known exceptions below are
 * the arrows still to remove: they may only shrink (an entry no longer needed fails too, so it gets deleted).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.communityadvisor");

    private static final String ROOT = "org.communityadvisor";

    /** The engine's classes that may touch Drools: loading, checking and running rules, and the facts rules insert. */
    private static final Set<String> DROOLS_USERS = Set.of("engine.RuleBase", "engine.RuleSources", "engine.Precompiled", "engine.ExecutableModel",
            "engine.Linter", "engine.Session", "engine.Hit", "engine.StageFact", "engine.Suppressed");

    /**
     * What the importer may take from the JSON model below it, as "from -> to" between top-level classes: it
     * builds snapshots (the model's paths, merge patches, the reader that validates what it built). It is part
     * of the library, so this is an arrow down, but each one is listed so that a new one is a decision.
     */
    private static final Set<String> IMPORTER_MODEL_USES = Set.of(
            "importer.EventsReader -> json.MergePatch", "importer.SheetReader -> json.MergePatch",
            "importer.SheetReader -> json.Names", "importer.SheetReader -> json.SnapshotModel",
            "importer.SheetReader -> json.SnapshotReader", "importer.SheetTemplate -> json.SnapshotModel",
            "importer.Event -> json.SnapshotValidator", "importer.derive.Accumulation -> json.SnapshotValidator",
            "importer.derive.SnapshotAssembly -> json.MergePatch",
            "importer.derive.SnapshotAssembly -> json.SnapshotModel",
            "importer.derive.SnapshotAssembly -> json.SnapshotReader");

    private static String name(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getName().substring(ROOT.length() + 1);
    }

    private static String room(JavaClass c) {
        String n = name(c);
        int dot = n.indexOf('.');
        return dot < 0 ? "" : n.substring(0, dot);
    }

    private static boolean ours(JavaClass c) {
        return c.getPackageName().startsWith(ROOT);
    }

    @Test
    void droolsIsUsedOnlyWhereRulesAreLoadedCheckedAndRun() {
        Set<String> users = new TreeSet<>();
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith("org.drools") || target.startsWith("org.kie")) {
                    users.add(name(c));
                }
            }
        }
        assertThat(users).isNotEmpty();
        assertThat(DROOLS_USERS).containsAll(users);
    }

    @Test
    void theCommandLineAndTheServerStayOutOfTheLibrary() {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String from = room(c);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass t = d.getTargetClass();
                String pkg = t.getPackageName();
                if (ours(t) && !from.equals("cli") && (room(t).equals("cli") || (room(t).equals("server")
                        && !from.equals("server")))) {
                    wrong.add(name(c) + " -> " + name(t));
                }
                if (pkg.startsWith("picocli") && !from.equals("cli")) {
                    wrong.add(name(c) + " -> picocli");
                }
                if (pkg.startsWith("org.eclipse.jetty") && !from.equals("server") && !from.equals("cli")) {
                    wrong.add(name(c) + " -> jetty");
                }
                if (pkg.startsWith("io.prometheus") && !from.equals("server")) {
                    wrong.add(name(c) + " -> prometheus");
                }
            }
        }
        assertThat(wrong).as("what only the command line or the server needs must not reach an embedding application")
                .isEmpty();
    }

    /**
     * The command line and the server are applications of the library like any other: they reach the engine and
     * the JSON model only through the API (root package, importer, report). They share the one configured
     * ObjectMapper ({@code json.Json}), the text catalog and the bounded line reader, which are not engine.
     */
    @Test
    void theCommandLineAndTheServerUseTheLibraryThroughItsApi() {
        assertThat(internalsUsedBy(Set.of("server", "cli"))).as("use or add the root package's API instead").isEmpty();
    }

    /** The classes of the engine and the JSON model that the rooms named use, bar the rules' facts and the mapper. */
    private static Set<String> internalsUsedBy(Set<String> rooms) {
        Set<String> uses = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (!rooms.contains(room(c))) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass t = d.getTargetClass();
                if (ours(t) && Set.of("engine", "json").contains(room(t)) && !isRulesFact(t)
                        && !name(t).equals("json.Json")) {
                    uses.add(name(c) + " -> " + name(t));
                }
            }
        }
        return uses;
    }

    /** The importer and the reports never reach the rule engine; the importer's uses of the model are listed. */
    @Test
    void theImporterAndTheReportsUseNoEngineAndOnlyTheListedModel() {
        Set<String> uses = internalsUsedBy(Set.of("report", "importer"));
        Set<String> unknown = new TreeSet<>(uses);
        unknown.removeAll(IMPORTER_MODEL_USES);
        assertThat(unknown).as("new arrows into the internals (use or add the root package's API instead)").isEmpty();
        Set<String> gone = new TreeSet<>(IMPORTER_MODEL_USES);
        gone.removeAll(uses);
        assertThat(gone).as("listed uses no longer needed: delete them from the list").isEmpty();
    }

    /** The facts DRL imports are the rule author's API. */
    private static boolean isRulesFact(JavaClass t) {
        return Set.of("engine.Community", "engine.Hit", "engine.StageFact", "engine.Suppressed").contains(name(t));
    }

    @Test
    void theInternalsNeverUseTheRoomsAboveThem() {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String from = room(c);
            if (!Set.of("engine", "json", "text").contains(from)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass t = d.getTargetClass();
                if (ours(t) && Set.of("report", "importer", "server", "cli").contains(room(t))) {
                    wrong.add(name(c) + " -> " + name(t));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * No cycle among the sub-packages. (The root package, the API, and the internals it is built on still refer to
     * each other: the engine and the JSON model take the root's value types, Snapshot and Advice; the root calls
     * them. Breaking that needs the value types moved below both.)
     */
    @Test
    void noCycleAmongTheSubPackages() {
        SlicesRuleDefinition.slices().matching("org.communityadvisor.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
