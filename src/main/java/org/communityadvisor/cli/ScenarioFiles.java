package org.communityadvisor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenario files named on the command line: files, and the {@code *.json} files below folders, except
 * those in a folder named {@code exports} (the data a scenario was imported from, kept beside it).
 */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static List<Path> expand(List<String> args) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                out.addAll(jsonBelow(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The {@code *.json} files below a folder, sorted, leaving out {@code exports/} folders; a subfolder or file
     * that cannot be read is added to {@code unreadable} with the reason, and the walk goes on.
     */
    static List<Path> jsonBelow(Path dir, java.util.Map<Path, String> unreadable) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && f.toString().endsWith(".json")
                        && !dir.relativize(f).toString().replace('\\', '/').matches("(.*/)?exports/.*")) {
                    out.add(f);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                unreadable.put(f, Output.reason(e));
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** The {@code *.json} files below a folder, sorted, leaving out {@code exports/} folders. */
    static List<Path> jsonBelow(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json"))
                    .filter(f -> !dir.relativize(f).toString().replace('\\', '/').matches("(.*/)?exports/.*"))
                    .sorted().toList();
        }
    }
}
