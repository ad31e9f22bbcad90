package org.communityadvisor.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Drools' executable model of the bundled rules: at build time the DRL is turned into Java classes (every
 * constraint and consequence a compiled lambda, nothing interpreted by MVEL or compiled by the JIT of MVEL
 * expressions at run time), written beside the advisor's own classes, with {@code rules.model} naming the model
 * class under the key of the sources it was generated from. At run time the rule base is built from that class;
 * generation needs {@code drools-model-codegen}, which only the build, the command line and the server have.
 * <p>
 * A folder named with {@code --rules} gets its model the same way where the generator is on the class path: once,
 * after its DRL compiled and passed the checks, kept in the user's cache beside the compiled packages
 * ({@code rules-KEY.model}, the same key and digest as {@link Precompiled}'s files) and loaded from there by a class
 * loader of its own. Without the generator (an application that embeds the advisor), folders run the MVEL way.
 */
final class ExecutableModel {
    /** The resource that names the bundled model class, with its key and the spans of its rules. */
    static final String RESOURCE = "org/communityadvisor/rules.model";
    /** Where generated classes live: the package every rules folder declares. */
    private static final String GROUP = "org.communityadvisor.generated";

    private static final java.util.regex.Pattern PACKAGE =
            java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    /** The suffix of a folder's model in the cache. */
    private static final String CACHED = ".model";
    /** How many folders' models this process generated (tests check a cached model is not generated again). */
    static final java.util.concurrent.atomic.AtomicInteger GENERATED = new java.util.concurrent.atomic.AtomicInteger();

    private ExecutableModel() {
    }

    /** Whether the generator ({@code drools-model-codegen}) is on the class path. */
    static boolean canGenerate() {
        try {
            Class.forName("org.drools.model.codegen.ExecutableModelProject", false,
                    ExecutableModel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The generated classes of a rules folder (class file name to bytes) and the name of its model class. */
    record Generated(Map<String, byte[]> classes, String modelClass) {
    }

    /** A rule base read from its model, with the spans of its rules in the sources it was generated from. */
    record Loaded(InternalKnowledgeBase kieBase, List<RuleSources.Span> spans) {
    }

    /** Generates the executable model of DRL sources that have compiled and passed the checks. */
    static Generated generate(List<RuleBase.Source> sources) {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId(GROUP, "rules", "1");
        KieFileSystem files = ks.newKieFileSystem();
        files.generateAndWritePomXML(id);
        for (RuleBase.Source s : RuleBase.drl(sources)) {
            // In the folder of its package (Drools warns otherwise), one file a rule folder
            java.util.regex.Matcher pkg = PACKAGE.matcher(s.text());
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            files.write("src/main/resources/" + folder + s.path().replace('/', '_'), s.text());
        }
        KieBuilder builder = ks.newKieBuilder(files).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText()).toList();
        ks.getRepository().removeKieModule(id);
        if (!errors.isEmpty()) {
            throw new RuleBaseException(errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        String model = null;
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            } else if (name.endsWith("/drools-model")) {
                // A header line (Drools-Model-Version:...), then the model classes, one a line
                List<String> models = new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.contains(":")).toList();
                model = models.size() == 1 ? models.get(0) : String.join(",", models);
            }
        }
        if (model == null || model.isEmpty() || model.contains(",")) {
            throw new IllegalStateException("the executable model names no single model class: " + model);
        }
        return new Generated(classes, model);
    }

    /**
     * Build step: generates the bundled rules' model, writes its classes under {@code classes} and
     * {@link #RESOURCE} with the key of the sources and the spans of their rules.
     */
    static void write(List<RuleBase.Source> sources, List<RuleSources.Span> spans, Path classes) throws IOException {
        Generated generated = generate(sources);
        for (Map.Entry<String, byte[]> c : generated.classes().entrySet()) {
            Path file = classes.resolve(c.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 14);
        try (ObjectOutputStream objects = new ObjectOutputStream(body)) {
            objects.writeUTF(generated.modelClass());
            objects.writeObject(new ArrayList<>(spans));
        }
        try (OutputStream out = Files.newOutputStream(classes.resolve(RESOURCE))) {
            Precompiled.writeChecked(out, Precompiled.key(sources), body.toByteArray());
        }
    }

    /** The bundled rules' rule base from their model when it matches these sources, else {@code null}. */
    @SuppressWarnings("unchecked")
    static Loaded bundled(List<RuleBase.Source> sources) {
        ClassLoader loader = ExecutableModel.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(RESOURCE);
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            byte[] body = Precompiled.readChecked(stream, Precompiled.key(sources));
            if (body == null) {
                return null;
            }
            String modelClass;
            List<RuleSources.Span> spans;
            try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(body))) {
                modelClass = objects.readUTF();
                spans = (List<RuleSources.Span>) objects.readObject();
            }
            Model model = (Model) Class.forName(modelClass, true, loader).getDeclaredConstructor().newInstance();
            return new Loaded(KieBaseBuilder.createKieBaseFromModel(model), spans);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * The model of a rules folder from the cache, when the file kept for exactly these sources is there and intact
     * (its key and digest check out), else {@code null}.
     */
    static Loaded cached(List<RuleBase.Source> sources) {
        byte[] body = Precompiled.kept(sources, CACHED);
        if (body == null) {
            return null;
        }
        try {
            return load(body);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Generates the model of a rules folder whose DRL compiled and passed the checks (the spans of its rules found
     * then), keeps it in the cache and loads it; {@code null} when it cannot be generated or loaded (the caller
     * runs the rules the MVEL way).
     */
    static Loaded generateAndCache(List<RuleBase.Source> sources, List<RuleSources.Span> spans) {
        try {
            Generated generated = generate(sources);
            GENERATED.incrementAndGet();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
                objects.writeUTF(generated.modelClass());
                objects.writeObject(new ArrayList<>(spans));
                objects.writeInt(generated.classes().size());
                for (Map.Entry<String, byte[]> c : generated.classes().entrySet()) {
                    objects.writeUTF(c.getKey());
                    objects.writeInt(c.getValue().length);
                    objects.write(c.getValue());
                }
            }
            byte[] body = bytes.toByteArray();
            Loaded loaded = load(body);
            Precompiled.keep(sources, CACHED, out -> Precompiled.writeChecked(out, Precompiled.key(sources), body));
            return loaded;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** A folder's model from its cached body: the model class, the spans, then every generated class file. */
    @SuppressWarnings("unchecked")
    private static Loaded load(byte[] body) throws IOException, ReflectiveOperationException {
        String modelClass;
        List<RuleSources.Span> spans;
        Map<String, byte[]> classes = new java.util.HashMap<>();
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(body))) {
            modelClass = objects.readUTF();
            spans = (List<RuleSources.Span>) objects.readObject();
            int count = objects.readInt();
            for (int i = 0; i < count; i++) {
                String file = objects.readUTF();
                byte[] bytes = new byte[objects.readInt()];
                objects.readFully(bytes);
                classes.put(file.substring(0, file.length() - ".class".length()).replace('/', '.'), bytes);
            }
        }
        ClassLoader loader = new FolderClasses(classes, ExecutableModel.class.getClassLoader());
        Model model = (Model) Class.forName(modelClass, true, loader).getDeclaredConstructor().newInstance();
        return new Loaded(KieBaseBuilder.createKieBaseFromModel(model), List.copyOf(spans));
    }

    /**
     * The generated classes of one rules folder, found here before the parent: a folder may declare the bundled
     * rules' package, and its classes must not be the bundled ones of the same name.
     */
    private static final class FolderClasses extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        FolderClasses(Map<String, byte[]> classes, ClassLoader parent) {
            super("rules-folder", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        return super.loadClass(name, resolve);
                    }
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
