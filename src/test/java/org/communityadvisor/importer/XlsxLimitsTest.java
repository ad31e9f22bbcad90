package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.communityadvisor.ImportException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XLSX sheets of about 2 KB, refused before fastexcel grows a list or a string until memory runs out: a
 * workbook written by fastexcel's own writer (as a real tool writes it), then one part of it edited.
 */
class XlsxLimitsTest {
    private static Path workbook(Path tmp, String part, UnaryOperator<String> edit) throws IOException {
        Path plain = tmp.resolve("plain.xlsx");
        try (OutputStream out = Files.newOutputStream(plain)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(0, 0, "id");
            ws.value(0, 1, "members.total");
            ws.value(1, 0, "club");
            ws.value(1, 1, 140);
            wb.finish();
        }
        Path edited = tmp.resolve("edited.xlsx");
        try (ZipFile in = new ZipFile(plain.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(part)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return edited;
    }

    private static ImportException refused(Path xlsx) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> Importer.read(Format.SHEET, List.of(xlsx), ImportOptions.builder().build()));
        assertThat(t).isInstanceOf(ImportException.class);
        ImportException e = (ImportException) t;
        assertThat(e.file()).isEqualTo(xlsx.toString());
        return e;
    }

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    /** The 256 MiB part limit, shown with a small one: a sheet that inflates past it is refused naming it. */
    @Test
    void aPartThatInflatesPastThePartLimitIsRefused(@TempDir Path tmp) throws IOException {
        Path xlsx = workbook(tmp, SHEET, s -> s.replace("<v>140</v>", "<v>140</v>" + " ".repeat(5_000)));
        XlsxLimits.check(xlsx, 100_000); // within a larger limit: read
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> XlsxLimits.check(xlsx, 4_096));
        assertThat(t).isInstanceOf(ImportException.class);
        ImportException e = (ImportException) t;
        assertThat(e.file()).isEqualTo(xlsx.toString());
        assertThat(e.position()).isEqualTo(SHEET);
        assertThat(e.reason()).contains("inflates to over 4096 bytes");
    }

    @Test
    void aCellReferencePastXfdIsRefused(@TempDir Path tmp) throws IOException {
        Path xlsx = workbook(tmp, SHEET, s -> s.replace("r=\"B2\"", "r=\"AAAAAAAAAAAAAAAA2\""));
        assertThat(Files.size(xlsx)).isLessThan(4096);
        ImportException e = refused(xlsx);
        assertThat(e.position()).isEqualTo("cell AAAAAAAAAAAAAAAA2");
        assertThat(e.reason()).contains("outside A1:XFD1048576");
    }

    @Test
    void theColumnAfterXfdIsRefused(@TempDir Path tmp) throws IOException {
        ImportException e = refused(workbook(tmp, SHEET, s -> s.replace("r=\"B2\"", "r=\"XFE2\"")));
        assertThat(e.position()).isEqualTo("cell XFE2");
    }

    @Test
    void theLastColumnXfdIsRead(@TempDir Path tmp) throws IOException {
        XlsxLimits.check(workbook(tmp, SHEET, s -> s.replace("r=\"B2\"", "r=\"XFD2\"")));
    }

    @Test
    void aSharedStringIndexPastTheTableIsRefused(@TempDir Path tmp) throws IOException {
        Path xlsx = workbook(tmp, SHEET, s -> s.replaceFirst("<v>0</v>", "<v>2147483646</v>"));
        ImportException e = refused(xlsx);
        assertThat(e.position()).isEqualTo("cell A1");
        assertThat(e.reason()).contains("shared string 2147483646 is not in the workbook's table of 3 strings");
    }

    @Test
    void aHugeSharedStringIsRefused(@TempDir Path tmp) throws IOException {
        Path xlsx = workbook(tmp, "xl/sharedStrings.xml", s -> s.replace(">club<", ">" + "x".repeat(40_000) + "<"));
        assertThat(Files.size(xlsx)).isLessThan(4096);
        ImportException e = refused(xlsx);
        assertThat(e.position()).startsWith("shared string");
        assertThat(e.reason()).contains("over 32767 characters");
    }

    @Test
    void aMillionDigitNumberIsRefusedAtOnce(@TempDir Path tmp) throws IOException {
        Path xlsx = workbook(tmp, SHEET, s -> s.replace("<v>140</v>", "<v>" + "9".repeat(1_000_000) + "</v>"));
        assertThat(Files.size(xlsx)).isLessThan(8192);
        long started = System.nanoTime();
        ImportException e = refused(xlsx);
        assertThat(e.position()).isEqualTo("cell B2");
        assertThat(e.reason()).contains("over 64 characters");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5);
    }
}
