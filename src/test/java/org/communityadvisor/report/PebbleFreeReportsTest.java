package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.communityadvisor.Advice;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.junit.jupiter.api.Test;

/**
 * The template engine is optional (pom.xml): an application that embeds the advisor without Pebble still gets
 * the text, Markdown and portfolio reports, and the HTML report tells it which dependency to add.
 */
class PebbleFreeReportsTest {
    private static final String PEBBLE = "io.pebbletemplates";

    /**
     * Loads the report package's own classes afresh and hides Pebble from them; everything else (the advice,
     * the engine) comes from the test's class loader. Records every attempt to load a Pebble class.
     */
    static final class WithoutPebble extends ClassLoader {
        final Set<String> pebbleAsked = ConcurrentHashMap.newKeySet();

        WithoutPebble() {
            super(PebbleFreeReportsTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith(PEBBLE + ".")) {
                    pebbleAsked.add(name);
                    throw new ClassNotFoundException(name + " (hidden by the test)");
                }
                String file = name.replace('.', '/') + ".class";
                URL url = getParent().getResource(file);
                if (!name.startsWith("org.communityadvisor.report.") || url == null
                        || url.toString().contains("test-classes")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = url.openStream()) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith(PEBBLE.replace('.', '/')) || name.startsWith("META-INF/services/io.pebble")
                    ? null : super.getResource(name);
        }
    }

    private static List<Advice> advice(Lang lang) throws IOException {
        List<Advice> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().limit(4).toList()) {
                out.add(Fixtures.ADVISOR.advise(org.communityadvisor.Scenario.read(Files.readString(f)).base(), lang));
            }
        }
        return out;
    }

    private static Object call(Class<?> type, Object target, String method, Class<?>[] types, Object... args)
            throws Exception {
        Method m = type.getMethod(method, types);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    @Test
    void textMarkdownAndThePortfolioRenderWithPebbleHiddenAndHtmlNamesTheDependency() throws Exception {
        for (Lang lang : Lang.values()) {
            WithoutPebble loader = new WithoutPebble();
            Class<?> community = loader.loadClass(AdvisedCommunity.class.getName());
            assertThat(community).isNotSameAs(AdvisedCommunity.class);
            List<Advice> advices = advice(lang);
            Object hidden = call(community, null, "ofAll", new Class<?>[] {List.class}, advices);
            List<AdvisedCommunity> shown = AdvisedCommunity.ofAll(advices);

            Object text = call(loader.loadClass(TextReport.class.getName()), null, "of", new Class<?>[] {Lang.class}, lang);
            text = call(text.getClass(), text, "top", new Class<?>[] {int.class}, 2);
            assertThat(call(text.getClass(), text, "render", new Class<?>[] {List.class}, hidden))
                    .isEqualTo(TextReport.of(lang).top(2).render(shown));
            assertThat(call(loader.loadClass(MarkdownReport.class.getName()), null, "render",
                    new Class<?>[] {List.class, Lang.class}, hidden, lang)).isEqualTo(MarkdownReport.render(shown, lang));
            assertThat(call(loader.loadClass(Portfolio.class.getName()), null, "render",
                    new Class<?>[] {List.class, Lang.class}, hidden, lang)).isEqualTo(Portfolio.render(shown, lang));
            assertThat(loader.pebbleAsked).as("text, Markdown and the portfolio never ask for Pebble").isEmpty();

            Class<?> html = loader.loadClass(HtmlReport.class.getName());
            assertThat(loader.pebbleAsked).as("loading the HTML report does not load Pebble either").isEmpty();
            try {
                call(html, null, "render", new Class<?>[] {List.class, Lang.class}, hidden, lang);
                throw new AssertionError("the HTML report rendered without Pebble");
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageContaining("io.pebbletemplates:pebble").hasMessageContaining("Markdown");
            }
            assertThat(HtmlReport.render(shown, lang)).as("with Pebble it renders").startsWith("<!DOCTYPE html>");
        }
    }

    /**
     * No class of the report package but the engine holders name a Pebble class: the HTML report's, and the plan's
     * and drafts' (whose every format is a template), so the other reports load without Pebble.
     */
    @Test
    void onlyTheHtmlReportsEngineHolderReferencesPebble() throws IOException, URISyntaxException {
        Path dir = Path.of(AdvisedCommunity.class.getResource("AdvisedCommunity.class").toURI()).getParent();
        List<String> referencing = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = dir.relativize(f).toString();
                scanned.add(name);
                // Class names in the constant pool are in internal form: io/pebbletemplates/...
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PEBBLE.replace('.', '/'))) {
                    referencing.add(name);
                }
            }
        }
        assertThat(scanned).contains("TextReport.class", "MarkdownReport.class", "Portfolio.class", "HtmlReport.class");
        assertThat(referencing).containsExactlyInAnyOrder("HtmlReport$Pebble.class", "PlanReport$Templates.class");
    }
}
