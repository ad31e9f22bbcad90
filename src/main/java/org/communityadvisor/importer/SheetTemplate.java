package org.communityadvisor.importer;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.communityadvisor.ImportException;
import org.communityadvisor.Lang;
import org.communityadvisor.Labelled;
import org.communityadvisor.SnapshotField;
import org.communityadvisor.json.SnapshotModel;
import org.communityadvisor.text.Texts;

/**
 * The blank {@code sheet} ({@code ./advisor import --template [--lang zh]}): a header row of every column the
 * sheet reader knows, in snapshot order, and a second row explaining each column (what it means, required or
 * not, the values allowed), its first cell starting with {@code #} so the reader skips it. Fill in one
 * community a row below it.
 */
public final class SheetTemplate {

    private SheetTemplate() {
    }

    /** The columns, in snapshot order (the header row). */
    public static List<String> columns() {
        return SheetReader.paths();
    }

    /** What a column means and what it may hold, in the language (the template's second row, without {@code #}). */
    public static String explanation(String column, Lang lang) {
        SnapshotModel.Field f = SnapshotModel.byPath().get(column);
        if (f == null || !columns().contains(column)) {
            throw new IllegalArgumentException("not a sheet column: " + column);
        }
        Texts t = Texts.of(lang);
        SnapshotField about = f.field();
        List<String> parts = new ArrayList<>();
        if (about.required()) {
            parts.add(t.get("import.template.required"));
        }
        // the English is the snapshot model's own description (a test checks the catalog repeats it)
        parts.add(t.get("import.template.meaning." + column));
        String values = switch (f.kind()) {
            case INTEGER -> about.max() != Integer.MAX_VALUE
                    ? t.get("import.template.whole-number-range", about.min(), about.max())
                    : t.get("import.template.whole-number");
            case NUMBER -> t.get("import.template.number");
            case BOOLEAN -> t.get("import.template.boolean");
            case DATE -> t.get("import.template.date");
            case ENUM -> t.get("import.template.one-of", allowed(f.type(), lang));
            case ARRAY -> t.get("import.template.any-of", allowed(f.type(), lang));
            default -> null;
        };
        if (values != null) {
            parts.add(values);
        }
        return String.join(t.get("import.template.separator"), parts);
    }

    /** An enum's JSON values, each with its name in the language where that differs ({@code silent（沉寂期）}). */
    private static String allowed(Class<?> type, Lang lang) {
        Texts t = Texts.of(lang);
        return Arrays.stream(type.getEnumConstants()).map(c -> (Labelled) c)
                .map(l -> l.label(lang).equalsIgnoreCase(l.json()) ? l.json()
                        : t.get("import.template.value", l.json(), l.label(lang)))
                .collect(Collectors.joining(t.get("import.template.value-separator")));
    }

    /** The two rows: the columns, then their explanations (the first cell starts with {@code #}). */
    static List<List<String>> rows(Lang lang) {
        List<String> header = columns();
        List<String> explained = new ArrayList<>();
        for (String c : header) {
            explained.add((explained.isEmpty() ? "# " : "") + explanation(c, lang));
        }
        return List.of(header, explained);
    }

    /**
     * Writes the template as CSV: a byte-order mark (so Excel opens the UTF-8 text as UTF-8), the two rows,
     * CRLF line ends. The writer should encode UTF-8.
     */
    public static void csv(Lang lang, Writer out) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        out.write('\uFEFF');
        for (List<String> row : rows(lang)) {
            out.write(mapper.writer(schema).writeValueAsString(row));
        }
        out.flush();
    }

    /**
     * Writes the template as an XLSX workbook. Needs {@code org.dhatim:fastexcel} on the class path (an optional
     * dependency); without it an {@link ImportException} says so.
     */
    public static void xlsx(Lang lang, OutputStream out) throws IOException {
        try {
            Xlsx.write(rows(lang), lang, out);
        } catch (NoClassDefFoundError e) {
            throw ImportException.of("", "", "import.template.no-fastexcel");
        }
    }

    /** Everything that touches fastexcel, so that the CSV template works without it. */
    private static final class Xlsx {
        static void write(List<List<String>> rows, Lang lang, OutputStream out) throws IOException {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "CommunityAdvisor", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(Texts.of(lang).get("import.template.sheet-name"));
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    ws.value(r, c, row.get(c));
                }
            }
            for (int c = 0; c < rows.get(0).size(); c++) {
                ws.width(c, 18);
            }
            ws.range(0, 0, 0, rows.get(0).size() - 1).style().bold().set();
            ws.range(1, 0, 1, rows.get(0).size() - 1).style().italic().wrapText(true).set();
            ws.freezePane(0, 2);
            wb.finish();
        }
    }
}
