package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Slack export is read within limits: a zip's entries are counted and measured while they inflate (size, ratio,
 * entry count), and a folder export is never read outside itself (channel names {@code ../x}, {@code /abs},
 * symbolic links).
 */
class SlackLimitsTest {
    private static final Path ACME = Path.of("src/test/resources/import/slack/acme");

    private static ImportException refused(Path export) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> Importer.read(Format.SLACK, List.of(export), ImportOptions.builder().members(10).build()));
        assertThat(t).isInstanceOf(ImportException.class);
        return (ImportException) t;
    }

    /** The acme export zipped, with one more entry {@code general/2026-11-02.json} written by {@code extra}. */
    private static Path zip(Path tmp, String name, int method, byte[] extra, long repeat) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(zip)));
             Stream<Path> files = Files.walk(ACME)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(ACME.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            ZipEntry e = new ZipEntry("general/2026-11-02.json");
            e.setMethod(method);
            if (method == ZipEntry.STORED) {
                CRC32 crc = new CRC32();
                crc.update('[');
                for (long i = 0; i < repeat; i++) {
                    crc.update(extra);
                }
                e.setSize(extra.length * repeat + 1);
                e.setCompressedSize(extra.length * repeat + 1);
                e.setCrc(crc.getValue());
            }
            out.putNextEntry(e);
            out.write('[');
            for (long i = 0; i < repeat; i++) {
                out.write(extra);
            }
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void aDayFileThatInflatesFarBeyondItsSizeIsRefused(@TempDir Path tmp) throws IOException {
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        Path zip = zip(tmp, "bomb.zip", ZipEntry.DEFLATED, spaces, 8);
        assertThat(Files.size(zip)).isLessThan(100_000);
        ImportException e = refused(zip);
        assertThat(e.file()).endsWith("general/2026-11-02.json");
        assertThat(e.reason()).contains("over 100 times");
    }

    @Test
    void aDayFileOver64MiBIsRefusedWhileInflating(@TempDir Path tmp) throws IOException {
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        Path zip = zip(tmp, "big.zip", ZipEntry.STORED, spaces, 65);
        ImportException e = refused(zip);
        assertThat(e.file()).endsWith("general/2026-11-02.json");
        assertThat(e.reason()).contains("inflates to over 67108864 bytes");
    }

    /** In a folder, a day file read whole is bounded while it is parsed: the file is not held. */
    @Test
    void aDayFileOver64MiBInAFolderIsRefusedWhileParsing(@TempDir Path tmp) throws IOException {
        Path export = copy(tmp);
        Path day = export.resolve("general/2026-11-02.json");
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(day)) {
            out.write('[');
            for (int i = 0; i < 65; i++) {
                out.write(spaces);
            }
        }
        ImportException e = refused(export);
        assertThat(e.file()).isEqualTo(day.toString());
        assertThat(e.reason()).startsWith("the file is over 67108864 bytes");
    }

    /**
     * The 4 GiB limit on a whole export, shown with a small one: the entries, each within its own limits, are
     * refused once together they inflate past it, naming the entry read when it was reached.
     */
    @Test
    void anExportThatInflatesPastItsTotalIsRefused(@TempDir Path tmp) throws IOException {
        Path zip = zip(tmp, "total.zip", ZipEntry.STORED, "]".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1);
        ImportOptions options = ImportOptions.builder().members(10).build();
        new SlackReader(10_000_000).read(List.of(zip), new ImportContext(Format.SLACK, options, zip.toString()));
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new SlackReader(2_000)
                .read(List.of(zip), new ImportContext(Format.SLACK, options, zip.toString())));
        assertThat(t).isInstanceOf(ImportException.class);
        ImportException e = (ImportException) t;
        assertThat(e.file()).startsWith(zip + "!/");
        assertThat(e.reason()).contains("the export inflates to over 2000 bytes");
    }

    @Test
    void aZipOfTooManyEntriesIsRefused(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(zip)))) {
            out.setLevel(0);
            out.putNextEntry(new ZipEntry("users.json"));
            out.write("[]".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i <= SlackReader.MAX_ENTRIES; i++) {
                ZipEntry e = new ZipEntry("e" + i);
                e.setMethod(ZipEntry.STORED);
                e.setSize(0);
                e.setCompressedSize(0);
                e.setCrc(0);
                out.putNextEntry(e);
            }
        }
        ImportException e = refused(zip);
        assertThat(e.file()).isEqualTo(zip.toString());
        assertThat(e.reason()).contains("at most 200000");
    }

    private static Path copy(Path tmp) throws IOException {
        Path export = tmp.resolve("acme");
        try (Stream<Path> files = Files.walk(ACME)) {
            for (Path f : files.toList()) {
                Path to = export.resolve(ACME.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return export;
    }

    private static void channelNamed(Path export, String name) throws IOException {
        Path channels = export.resolve("channels.json");
        String text = Files.readString(channels);
        Files.writeString(channels, text.replaceFirst("\"name\": \"random\"", "\"name\": \"" + name + "\""));
    }

    @Test
    void aChannelNamedUpwardsIsNeverReadOutsideTheExport(@TempDir Path tmp) throws IOException {
        Path export = copy(tmp);
        Files.createDirectories(tmp.resolve("outside"));
        Files.copy(ACME.resolve("random/2026-11-20.json"), tmp.resolve("outside/2026-11-20.json"));
        channelNamed(export, "../outside");
        ImportException e = refused(export);
        assertThat(e.position()).isEqualTo("\"../outside\"");
        assertThat(e.reason()).contains("not a file inside the export");
    }

    @Test
    void aChannelNamedByAnAbsolutePathIsNeverRead(@TempDir Path tmp) throws IOException {
        Path export = copy(tmp);
        channelNamed(export, tmp.toAbsolutePath().resolve("outside").toString());
        assertThat(refused(export).reason()).contains("not a file inside the export");
    }

    @Test
    void aSymlinkedDayFileIsNeverFollowed(@TempDir Path tmp) throws IOException {
        Path export = copy(tmp);
        Path day = export.resolve("general/2026-11-30.json");
        Path elsewhere = Files.copy(day, tmp.resolve("elsewhere.json"));
        Files.delete(day);
        Files.createSymbolicLink(day, elsewhere);
        ImportException e = refused(export);
        assertThat(e.position()).isEqualTo("\"general/2026-11-30.json\"");
    }
}
