package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One over-long CSV cell refuses its row, naming the row, the column and the limit; the other rows are read. */
class CsvCellLimitTest {
    static ImportResult read(Path file) {
        return Importer.read(Format.SHEET, List.of(file),
                ImportOptions.builder().asOf(LocalDate.parse("2026-11-30")).build());
    }

    static Path sheet(Path dir, String cell) throws IOException {
        Path csv = dir.resolve("clients.csv");
        Files.writeString(csv, "id,name,members.total,platform,createdOn\n"
                + "a,Alpha,100,wechat,2026-01-01\n"
                + "b," + cell + ",100,wechat,2026-01-01\n"
                + "c,Gamma,100,wechat,2026-01-01\n");
        return csv;
    }

    @Test
    void aCellOfThirtyMillionCharactersRefusesItsRowAlone(@TempDir Path dir) throws IOException {
        // past the CSV parser's own 20,000,000-character limit, which used to refuse the whole sheet
        ImportResult r = read(sheet(dir, "B".repeat(30_000_000)));
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("a", "c");
        assertThat(r.rejected()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("row 3 column B", "holds over 32767 characters"));
        assertThat(r.rejected().get(0).message(org.communityadvisor.Lang.ZH))
                .endsWith("第 3 行 B 列: 超过 32767 个字符,一个单元格最多只能这么多");
    }

    @Test
    void aQuotedCellOverTheLimitKeepsTheQuotingOfTheRowsAfterIt(@TempDir Path dir) throws IOException {
        ImportResult r = read(sheet(dir, "\"" + "x,\"\"y\"\"\n".repeat(10_000) + "\""));
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("a", "c");
        assertThat(r.rejected()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("column B", "holds over 32767 characters"));
    }

    @Test
    void aCellAtTheLimitIsReadWhole() throws IOException {
        StringBuilder read = new StringBuilder();
        try (var in = new SheetReader.CellBoundedReader(new java.io.StringReader("a,\"" + "z".repeat(32_767)
                + "\",b\n"), ',', 32_767)) {
            read.append(in.transferTo(new java.io.StringWriter()));
        }
        assertThat(Long.parseLong(read.toString())).isEqualTo(3 + 32_767 + 4);
    }
}
