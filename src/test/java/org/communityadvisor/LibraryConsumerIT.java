package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise to a platform developer, checked: a fresh Maven project that depends on the installed
 * artifact compiles and runs the README's library example, and its dependency tree holds Drools, Jackson and
 * their needs only (no command line, template engine or logging backend).
 */
class LibraryConsumerIT {
    private static final Path README = Path.of("README.md");

    record Result(int exit, String out) {
    }

    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("consumer", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
        Result r = new Result(p.exitValue(), Files.readString(log));
        Files.delete(log);
        return r;
    }

    static String example() throws IOException {
        Matcher m = Pattern.compile("<!-- library-example[^>]*-->\\s*```java\\n(.*?)```\\s*<!-- /library-example -->",
                Pattern.DOTALL).matcher(Files.readString(README));
        assertThat(m.find()).as("README.md has the library example between its markers").isTrue();
        return m.group(1);
    }

    @Test
    void aFreshProjectAdvisesThroughTheInstalledArtifactWithLeanDependencies(@TempDir Path dir) throws Exception {
        Properties pom = new Properties();
        try (var in = Files.newInputStream(Path.of("target/maven-archiver/pom.properties"))) {
            pom.load(in);
        }
        String version = pom.getProperty("version");
        Path jar = Path.of("target/community-advisor.jar").toAbsolutePath();
        Path here = Path.of("").toAbsolutePath();
        // Never the user's ~/.m2: a throwaway local repository under target/, filled from the user's cache as
        // from a remote (a mirror on it), so nothing is downloaded and the user's own snapshot stays as it was.
        Path repo = here.resolve("target/consumer-repo");
        deleteTree(repo);
        Path settings = dir.resolve("settings.xml");
        Path userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.writeString(settings, "<settings><mirrors><mirror><id>user-cache</id><mirrorOf>*</mirrorOf><url>"
                + userRepo.toUri() + "</url></mirror></mirrors></settings>");
        String[] maven = {"mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + repo};
        Path userCopy = userRepo.resolve("org/communityadvisor/community-advisor/" + version + "/community-advisor-"
                + version + ".jar");
        long userStamp = Files.exists(userCopy) ? Files.getLastModifiedTime(userCopy).toMillis() : -1;
        Result install = run(here, concat(maven, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                "-Dfile=" + jar, "-DpomFile=pom.xml", "-Dsources=target/community-advisor-sources.jar",
                "-Djavadoc=target/community-advisor-javadoc.jar"));
        assertThat(install.exit()).as(install.out()).isZero();
        Path installed = repo.resolve("org/communityadvisor/community-advisor/" + version);
        assertThat(installed.resolve("community-advisor-" + version + "-sources.jar")).as("sources installed").isRegularFile();
        assertThat(installed.resolve("community-advisor-" + version + "-javadoc.jar")).as("javadoc installed").isRegularFile();
        try (var javadoc = new java.util.zip.ZipFile(installed.resolve("community-advisor-" + version + "-javadoc.jar").toFile())) {
            assertThat(javadoc.stream().map(java.util.zip.ZipEntry::getName))
                    .anyMatch(n -> n.endsWith("org/communityadvisor/Advisor.html") && !n.contains("class-use"));
        }

        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>platform</artifactId>
                  <version>1</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.communityadvisor</groupId>
                      <artifactId>community-advisor</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(version));
        Files.writeString(dir.resolve("Example.java"), example());

        Result tree = run(dir, concat(maven, DEPENDENCY + ":tree", "-DoutputFile=tree.txt"));
        assertThat(tree.exit()).as(tree.out()).isZero();
        String deps = Files.readString(dir.resolve("tree.txt"));
        assertThat(deps).contains("org.communityadvisor:community-advisor:jar:" + version)
                .contains("org.drools:drools-core").contains("com.fasterxml.jackson.core:jackson-databind")
                .doesNotContain("picocli").doesNotContain("pebble").doesNotContain("slf4j-simple")
                .doesNotContain("logback").doesNotContain("log4j").doesNotContain("record-builder")
                .doesNotContain("junit").doesNotContain("io.prometheus").doesNotContain("jetty")
                .as("the executable model runs without its generator")
                .contains("org.drools:drools-model-compiler").doesNotContain("drools-model-codegen")
                .doesNotContain("javaparser");
        List<String> groups = new ArrayList<>();
        Matcher m = Pattern.compile("[-+\\\\| ]+([a-zA-Z0-9_.\\-]+):[a-zA-Z0-9_.\\-]+:jar:").matcher(deps);
        while (m.find()) {
            groups.add(m.group(1));
        }
        assertThat(groups).as("only the advisor, Drools (org.drools, org.kie), Jackson and their needs")
                .allMatch(g -> g.equals("org.communityadvisor") || g.startsWith("org.drools") || g.startsWith("org.kie")
                        || g.startsWith("com.fasterxml.jackson") || g.equals("org.slf4j") || g.equals("org.mvel")
                        || g.equals("org.antlr") || g.equals("commons-codec") || g.equals("org.eclipse.jdt")
                        || g.equals("org.apache.commons") || g.equals("com.thoughtworks.xstream")
                        || g.equals("io.github.x-stream") || g.equals("xmlpull") || g.equals("xpp3"));

        Result cp = run(dir, concat(maven, DEPENDENCY + ":build-classpath", "-Dmdep.outputFile=cp.txt"));
        assertThat(cp.exit()).as(cp.out()).isZero();
        String classpath = Files.readString(dir.resolve("cp.txt")).trim();
        assertThat(classpath).doesNotContain("slf4j-simple").doesNotContain("pebble").doesNotContain("picocli");
        String javaHome = System.getProperty("java.home");
        Result javac = run(dir, Path.of(javaHome, "bin", "javac").toString(), "-Xlint:path", "-cp", classpath, "Example.java");
        assertThat(javac.exit()).as(javac.out()).isZero();
        assertThat(javac.out()).as("a clean manifest: no Class-Path for javac to warn about").doesNotContain("[path]");
        Result java = run(dir, Path.of(javaHome, "bin", "java").toString(), "-cp", classpath + System.getProperty("path.separator") + ".",
                "Example");
        assertThat(java.exit()).as(java.out()).isZero();
        // The quiet ten-day-old WeChat group is launching (edition 2); the Discord server of 600 has no admins.
        assertThat(java.out()).contains("launch [lifecycle.quiet-launch").contains("structure.admins");
        assertThat(userStamp == -1 ? !Files.exists(userCopy) : Files.getLastModifiedTime(userCopy).toMillis() == userStamp)
                .as("the user's own repository is left as it was").isTrue();
    }

    private static final String DEPENDENCY = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
