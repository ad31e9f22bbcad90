package org.communityadvisor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Text files packaged with the advisor (rules, profiles), read from the jar or from the classes folder. */
public final class Bundled {
    private Bundled() {
    }

    /** A file: its path relative to the folder, and its text. */
    public record File(String path, String text) {
    }

    /** Every file under a folder of the classpath whose name ends with the suffix, sorted by path. */
    public static List<File> read(String folder, String suffix) {
        try {
            Path location = Path.of(Bundled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return readDirectory(location.resolve(folder), suffix);
            }
            List<File> out = new ArrayList<>();
            try (ZipFile jar = new ZipFile(location.toFile())) {
                for (ZipEntry entry : Collections.list(jar.entries())) {
                    if (entry.getName().startsWith(folder + "/") && entry.getName().endsWith(suffix)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            out.add(new File(entry.getName().substring(folder.length() + 1),
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            out.sort(Comparator.comparing(File::path));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file below a folder on disk whose name ends with the suffix, sorted by path. */
    public static List<File> readDirectory(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<File> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(suffix) && Files.isRegularFile(f)).sorted().toList()) {
                out.add(new File(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
            }
            return out;
        }
    }
}
