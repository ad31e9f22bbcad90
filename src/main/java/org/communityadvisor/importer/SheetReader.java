package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.communityadvisor.ImportException;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Labelled;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.Json;
import org.communityadvisor.text.Localized;
import org.communityadvisor.text.Texts;
import org.communityadvisor.json.MergePatch;
import org.communityadvisor.json.Names;
import org.communityadvisor.json.SnapshotModel;
import org.communityadvisor.json.SnapshotReader;

/**
 * {@code sheet}: a CSV ({@code .csv}, or standard input) or XLSX ({@code .xlsx}) sheet with one community a row.
 * Nothing is counted: every value is given by the operator.
 *
 * <ul>
 * <li>The first non-empty row is the header: each cell a snapshot path ({@code id}, {@code members.total},
 * {@code entry.channels}...; every leaf of the model but {@code history} and {@code acknowledged}, see
 * {@link #paths()}), matched ignoring case. An unknown or repeated column refuses the file, naming the nearest
 * path; so does a required path with neither a column nor a value from the options.</li>
 * <li>The row after the header is skipped when its first cell starts with {@code #} (the template's
 * explanations). Empty rows are skipped.</li>
 * <li>Each cell gives its path (an empty cell: unknown, left out): integers ({@code 12}, {@code 12.0},
 * {@code 1,200}), numbers ({@code 199.5}), booleans ({@code yes/no/true/false/是/否}, any case), dates
 * ({@code yyyy-MM-dd}, also {@code yyyy/M/d} as Chinese Excel writes them, or an XLSX date cell), enums by their
 * JSON value (any case) or their Chinese name, {@code entry.channels} as {@code qr;invite}. {@code schemaVersion}
 * is 1. Then the {@code --merge} patch, then {@code --as-of} and {@code --platform}, are laid over the row.</li>
 * <li>A row whose cell does not parse, or whose snapshot is not valid, is refused (listed in
 * {@link ImportResult#rejected()} naming file, row, column and path); the other rows go on. Rows are numbered
 * as the spreadsheet numbers them (the header is row 1).</li>
 * </ul>
 *
 * CSV is read as UTF-8 (with or without a byte-order mark; a file that is not UTF-8 is refused, never guessed),
 * comma-separated, or semicolon/tab-separated when the header line says so. Rows are streamed, never held whole.
 * XLSX needs {@code org.dhatim:fastexcel-reader} on the class path (an optional dependency, used only here).
 */
final class SheetReader implements FormatReader {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PATHS = sheetPaths();
    private static final Map<String, String> BY_LOWER = byLower();
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,；，、]");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The columns a sheet may have, in snapshot order: every leaf path but {@code history} and {@code acknowledged}. */
    static List<String> paths() {
        return PATHS;
    }

    private static List<String> sheetPaths() {
        List<String> out = new ArrayList<>();
        for (SnapshotModel.Field f : SnapshotModel.byPath().values()) {
            String p = f.path();
            if (p.contains("[]") || p.equals("history") || p.equals("acknowledged") || p.equals("schemaVersion")
                    || f.kind() == SnapshotModel.Kind.OBJECT) {
                continue;
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private static Map<String, String> byLower() {
        Map<String, String> out = new HashMap<>();
        for (String p : PATHS) {
            out.put(p.toLowerCase(Locale.ROOT), p);
        }
        out.put("schemaversion", "schemaVersion");
        return out;
    }

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        for (Path path : paths) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            Rows rows = new Rows(path, context);
            if (lower.endsWith(".xlsx")) {
                readXlsx(path, rows);
            } else if (lower.endsWith(".csv") || Sources.isStdin(path)) {
                readCsv(path, rows);
            } else {
                throw (lower.endsWith(".xls") || lower.endsWith(".ods") || lower.endsWith(".numbers")
                        ? ImportContext.malformed(path, "", "import.sheet.save-as-xlsx")
                        : ImportContext.malformed(path, "", "import.sheet.not-a-sheet"));
            }
            rows.end();
        }
    }

    // ---- CSV ----

    private static void readCsv(Path path, Rows rows) throws IOException {
        try {
            readCsvRows(path, rows);
        } catch (CharacterCodingException e) {
            throw ImportContext.malformed(path, "", "import.sheet.not-utf8");
        }
    }

    private static void readCsvRows(Path path, Rows rows) throws IOException {
        try (InputStream raw = new BufferedInputStream(Sources.open(path))) {
            raw.mark(4);
            byte[] head = raw.readNBytes(4);
            raw.reset();
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                throw ImportContext.malformed(path, "", "import.sheet.is-xlsx");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            char separator = separator(in);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
            Reader bounded = new CellBoundedReader(in, separator, XlsxLimits.MAX_CELL_CHARS);
            try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(bounded)) {
                int row = 0;
                while (it.hasNextValue()) {
                    String[] cells = it.nextValue();
                    row++;
                    rows.row(row, Arrays.asList((Object[]) cells));
                }
            } catch (JacksonException e) {
                throw ImportContext.malformed(path, "", "import.sheet.invalid-csv", Problems.at(e.getLocation()));
            }
        }
    }

    /**
     * The characters of a CSV with every cell cut to {@code limit + 1} characters while it is read, so that one
     * huge cell costs {@code limit} characters, never its length, and refuses its row alone (the CSV parser then
     * sees a cell over the limit). Follows only RFC 4180's quoting to know where a cell ends: a quote toggles
     * quoting ({@code ""} toggles twice), the separator and line ends outside quotes end the cell.
     */
    static final class CellBoundedReader extends java.io.FilterReader {
        private final char separator;
        private final int limit;
        private boolean quoted;
        private int cell;

        CellBoundedReader(Reader in, char separator, int limit) {
            super(in);
            this.separator = separator;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (true) {
                int n = in.read(buffer, offset, length);
                if (n <= 0) {
                    return n;
                }
                int kept = offset;
                for (int i = offset; i < offset + n; i++) {
                    char c = buffer[i];
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (!quoted && (c == separator || c == '\n' || c == '\r')) {
                        cell = 0;
                        buffer[kept++] = c;
                        continue;
                    }
                    if (cell++ <= limit || c == '"') {
                        buffer[kept++] = c; // quotes pass, so quoting stays as written
                    }
                }
                if (kept > offset) {
                    return kept - offset;
                }
            }
        }
    }

    /** The header line's separator: a comma unless the line holds more semicolons or tabs (Excel in some locales). */
    private static char separator(BufferedReader in) throws IOException {
        in.mark(8192);
        char[] buf = new char[8192];
        int n = in.read(buf);
        in.reset();
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        for (int i = 0; i < n && buf[i] != '\n' && buf[i] != '\r'; i++) {
            switch (buf[i]) {
                case ',' -> commas++;
                case ';' -> semicolons++;
                case '\t' -> tabs++;
                default -> {
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    // ---- XLSX ----

    private static void readXlsx(Path path, Rows rows) throws IOException {
        if (Sources.isStdin(path)) {
            throw ImportContext.malformed(path, "", "import.sheet.xlsx-stdin");
        }
        try {
            if (java.nio.file.Files.isRegularFile(path)) {
                XlsxLimits.check(path);
            }
            Xlsx.read(path, rows);
        } catch (NoClassDefFoundError e) {
            throw ImportContext.malformed(path, "", "import.sheet.no-fastexcel");
        }
    }

    /** A numeric XLSX cell: its value, and whether the workbook counts days from 1904 (for date cells). */
    record ExcelNumber(BigDecimal value, boolean date1904) {
    }

    /** Everything that touches fastexcel, so that CSV imports work without it on the class path. */
    private static final class Xlsx {
        static void read(Path path, Rows rows) throws IOException {
            java.io.File file = path.toFile();
            if (!file.isFile()) {
                throw ImportContext.malformed(path, "", file.exists() ? "import.file.is-folder" : "import.file.missing");
            }
            try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                    file)) {
                boolean date1904 = wb.isDate1904();
                org.dhatim.fastexcel.reader.Sheet sheet = wb.getFirstSheet();
                try (java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                    java.util.Iterator<org.dhatim.fastexcel.reader.Row> it = stream.iterator();
                    while (it.hasNext()) {
                        org.dhatim.fastexcel.reader.Row r = it.next();
                        List<Object> cells = new ArrayList<>();
                        for (int i = 0; i < r.getCellCount(); i++) {
                            org.dhatim.fastexcel.reader.Cell c = r.getCell(i);
                            cells.add(c == null ? null : value(c, date1904));
                        }
                        rows.row(r.getRowNum(), cells);
                    }
                }
            } catch (ImportException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw ImportContext.malformed(path, "", "import.sheet.unreadable-xlsx");
            }
        }

        private static Object value(org.dhatim.fastexcel.reader.Cell c, boolean date1904) {
            // no switch on CellType: javac would put its table in the class shared with the other switches,
            // loading fastexcel for CSV imports too
            org.dhatim.fastexcel.reader.CellType type = c.getType();
            if (type == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                return new ExcelNumber(c.asNumber(), date1904);
            }
            if (type == org.dhatim.fastexcel.reader.CellType.BOOLEAN) {
                return c.asBoolean();
            }
            if (type == org.dhatim.fastexcel.reader.CellType.EMPTY) {
                return null;
            }
            if (type == org.dhatim.fastexcel.reader.CellType.FORMULA) {
                // the value Excel cached with the formula
                String raw = c.getRawValue();
                if (raw == null) {
                    return null;
                }
                try {
                    return new ExcelNumber(new BigDecimal(raw), date1904);
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            return c.getText();
        }
    }

    // ---- rows ----

    /** One file's rows: the header, then one community a row. */
    private static final class Rows {
        private final Path file;
        private final ImportContext context;
        private final ImportOptions options;
        private List<String> header;
        private final Map<String, Integer> columnOf = new HashMap<>();
        private boolean explanationChecked;
        private int communities;

        Rows(Path file, ImportContext context) {
            this.file = file;
            this.context = context;
            this.options = context.options();
        }

        void row(int number, List<Object> cells) {
            if (cells.stream().allMatch(Rows::blank)) {
                return;
            }
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) instanceof String s && s.length() > XlsxLimits.MAX_CELL_CHARS) {
                    ImportException tooLong = ImportException.of(file.toString(), "row " + number + " column " + letter(i),
                            "import.limit.cell", XlsxLimits.MAX_CELL_CHARS);
                    if (header == null) {
                        throw tooLong;
                    }
                    context.rejected(tooLong);
                    return;
                }
            }
            if (header == null) {
                header(number, cells);
                return;
            }
            if (!explanationChecked) {
                explanationChecked = true;
                Object first = cells.isEmpty() ? null : cells.get(0);
                if (first instanceof String s && s.strip().startsWith("#")) {
                    return;
                }
            }
            communities++;
            community(number, cells);
        }

        void end() {
            if (header == null) {
                throw ImportContext.malformed(file, "", "import.sheet.empty");
            }
            if (communities == 0) {
                throw ImportContext.malformed(file, "", "import.sheet.no-rows");
            }
        }

        private static boolean blank(Object cell) {
            return cell == null || (cell instanceof String s && s.isBlank());
        }

        private void header(int number, List<Object> cells) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Object cell = cells.get(i);
                if (blank(cell)) {
                    out.add(null);
                    continue;
                }
                String name = text(cell).strip();
                String path = BY_LOWER.get(name.toLowerCase(Locale.ROOT));
                if (path == null) {
                    String nearest = Names.nearest(name, PATHS);
                    throw (nearest != null
                            ? ImportContext.malformed(file, "row " + number + " column " + letter(i),
                                    "import.sheet.unknown-column-did-you-mean", name, nearest)
                            : ImportContext.malformed(file, "row " + number + " column " + letter(i),
                                    "import.sheet.unknown-column", name));
                }
                Integer before = columnOf.putIfAbsent(path, i);
                if (before != null) {
                    throw ImportContext.malformed(file, "row " + number + " column " + letter(i), "import.sheet.column-twice",
                            path, letter(before), letter(i));
                }
                out.add(path);
            }
            for (String required : List.of("id", "platform", "createdOn", "asOf", "members.total")) {
                if (!columnOf.containsKey(required) && !givenByOptions(required)) {
                    throw ImportContext.malformed(file, "row " + number, required.equals("asOf")
                            || required.equals("platform") ? "import.sheet.required-or-option" : "import.sheet.required",
                            required, required.equals("asOf") ? "--as-of" : "--platform");
                }
            }
            header = out;
        }

        private boolean givenByOptions(String path) {
            if (path.equals("asOf") && options.asOf() != null || path.equals("platform") && options.platform() != null) {
                return true;
            }
            JsonNode n = options.merge();
            if (n == null) {
                return false;
            }
            for (String part : path.split("\\.")) {
                n = n.path(part);
            }
            return !n.isMissingNode() && !n.isNull();
        }

        private void community(int number, List<Object> cells) {
            String where = "row " + number;
            ObjectNode node = NODES.objectNode();
            node.put("schemaVersion", 1);
            Map<String, ImportReport.Field> fields = new LinkedHashMap<>();
            List<Note> notes = new ArrayList<>();
                        List<Note> errors = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Object cell = cells.get(i);
                if (blank(cell)) {
                    continue;
                }
                String path = i < header.size() ? header.get(i) : null;
                if (path == null) {
                    errors.add(Note.of("import.sheet.no-header", letter(i), text(cell).strip()));
                    continue;
                }
                try {
                    JsonNode value = value(SnapshotModel.byPath().get(path), cell);
                    set(node, path, value);
                    fields.put(path, new ImportReport.Field(path, plain(value), ImportReport.How.GIVEN,
                            Note.of("import.sheet.column", letter(i))));
                } catch (CellException e) {
                    errors.add(Note.of("import.sheet.cell", letter(i), path, e.reason));
                }
            }
            if (!errors.isEmpty()) {
                context.rejected(ImportContext.malformed(file, where, "import.sheet.row", joined(errors)));
                return;
            }
            JsonNode merged = node;
            if (options.merge() != null) {
                merged = MergePatch.apply(node, options.merge());
                given(options.merge(), "", fields);
            }
            ObjectNode result = merged.deepCopy();
            if (options.asOf() != null) {
                override(result, "asOf", NODES.textNode(options.asOf().toString()), "--as-of", fields, notes);
            }
            if (options.platform() != null) {
                override(result, "platform", NODES.textNode(options.platform().json()), "--platform", fields, notes);
            }
            Snapshot snapshot;
            try {
                snapshot = SnapshotReader.read(result, "");
            } catch (InvalidSnapshotException e) {
                                List<Localized> reasons = new ArrayList<>();
                for (ValidationError v : e.errors()) {
                    Integer column = columnOf.get(v.path());
                    reasons.add(column == null ? lang -> Texts.of(lang).get("import.sheet.invalid", v.path(),
                            v.reason(lang)) : lang -> Texts.of(lang).get("import.sheet.invalid-column", v.path(),
                            v.reason(lang), letter(column)));
                }
                context.rejected(ImportContext.malformed(file, where, "import.sheet.row", joined(reasons)));
                return;
            }
            List<ImportReport.Field> ordered = new ArrayList<>();
            for (String p : PATHS) {
                if (fields.containsKey(p)) {
                    ordered.add(fields.remove(p));
                }
            }
            ordered.addAll(fields.values());
            context.finished(new ImportedCommunity(snapshot, result,
                    new ImportReport(Format.SHEET.id() + " " + file + " " + where, ordered, List.of(), notes, null)));
        }

        private void override(ObjectNode node, String path, JsonNode value, String option,
                Map<String, ImportReport.Field> fields, List<Note> notes) {
            JsonNode before = node.get(path);
            if (before != null && !before.equals(value)) {
                ImportReport.Field f = fields.get(path);
                notes.add(f == null ? Note.of("import.sheet.replaces", option, value.asText(), path, before.asText())
                        : Note.of("import.sheet.replaces-of", option, value.asText(), path, before.asText(), f.note()));
            }
            node.set(path, value);
            fields.put(path, new ImportReport.Field(path, value.asText(), ImportReport.How.GIVEN, Note.option(option)));
        }

        /** The merge patch's leaves, as given (or unknown where the patch removes a value). */
        private static void given(JsonNode patch, String prefix, Map<String, ImportReport.Field> fields) {
            patch.fields().forEachRemaining(e -> {
                String path = prefix + e.getKey();
                if (e.getValue().isObject() && !"history".equals(path)) {
                    given(e.getValue(), path + ".", fields);
                } else {
                    Object value = e.getValue().isNull() ? null : plain(e.getValue());
                    fields.remove(path);
                    fields.put(path, new ImportReport.Field(path, value,
                            value == null ? ImportReport.How.UNKNOWN : ImportReport.How.GIVEN, Note.option("--merge")));
                }
            });
        }
    }

    private static Object plain(JsonNode value) {
        return Json.MAPPER.convertValue(value, Object.class);
    }

    private static void set(ObjectNode node, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }

    /** A cell that does not parse as its column's kind. */
        /** Why a cell cannot be read; {@link #reason} is a phrase of the catalog. */
    private static final class CellException extends Exception {
        final transient Note reason;

        CellException(String key, Object... args) {
            super(Note.of(key, args).english(), null, false, false);
            this.reason = Note.of(key, args);
        }
    }

    /** Phrases read one after the other, {@code ; } between them; in JSON, the list of them. */
    private static Localized joined(List<? extends Localized> parts) {
        return new Localized() {
            @Override
            public String text(Lang lang) {
                return String.join(Texts.of(lang).get("import.sheet.separator"), parts.stream()
                        .map(p -> p.text(lang)).toList());
            }

            @Override
            public Object json() {
                return parts.stream().map(Localized::json).toList();
            }
        };
    }

    /** A cell as JSON, by its column's kind. */
    private static JsonNode value(SnapshotModel.Field field, Object cell) throws CellException {
        return switch (field.kind()) {
            case INTEGER -> NODES.numberNode(integer(cell));
            case NUMBER -> NODES.numberNode(number(cell).doubleValue());
            case BOOLEAN -> NODES.booleanNode(bool(cell));
            case STRING -> NODES.textNode(string(cell));
            case DATE -> NODES.textNode(date(cell).toString());
            case ENUM -> NODES.textNode(enumValue(field.type(), text(cell).strip()));
            case ARRAY -> {
                ArrayNode out = NODES.arrayNode();
                for (String item : LIST_SEPARATOR.split(text(cell))) {
                    if (!item.isBlank()) {
                        out.add(enumValue(field.type(), item.strip()));
                    }
                }
                yield out;
            }
            case OBJECT -> throw new CellException("import.sheet.not-a-column");
        };
    }

    private static String text(Object cell) {
        if (cell instanceof ExcelNumber n) {
            return plainNumber(n.value());
        }
        return String.valueOf(cell);
    }

    private static String plainNumber(BigDecimal n) {
        String s = n.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static BigDecimal decimal(Object cell, Note expected) throws CellException {
        if (cell instanceof ExcelNumber n) {
            return n.value();
        }
        if (cell instanceof Boolean) {
            throw new CellException("import.sheet.expected-got", expected, cell);
        }
        String s = text(cell).strip();
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new CellException("import.sheet.is-not", s, expected);
        }
    }

    private static int integer(Object cell) throws CellException {
        BigDecimal n = decimal(cell, Note.of("import.sheet.a-whole-number"));
        try {
            return n.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new CellException(n.stripTrailingZeros().scale() <= 0 ? "import.sheet.out-of-range"
                    : "import.sheet.not-whole", text(cell).strip());
        }
    }

    private static BigDecimal number(Object cell) throws CellException {
        BigDecimal n = decimal(cell, Note.of("import.sheet.a-number"));
        double d = n.doubleValue();
        if (Double.isInfinite(d)) {
            throw new CellException("import.sheet.too-large", text(cell).strip());
        }
        return n;
    }

    private static boolean bool(Object cell) throws CellException {
        if (cell instanceof Boolean b) {
            return b;
        }
        String s = text(cell).strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "yes", "true", "是" -> true;
            case "no", "false", "否" -> false;
            default -> throw new CellException("import.sheet.not-yes-no", text(cell).strip());
        };
    }

    private static String string(Object cell) {
        return text(cell).strip();
    }

    private static LocalDate date(Object cell) throws CellException {
        if (cell instanceof ExcelNumber n) {
            return excelDate(n);
        }
        String s = text(cell).strip();
        try {
            if (s.contains("/")) {
                return LocalDate.parse(s, SLASHED);
            }
            return s.length() == 10 ? LocalDate.parse(s) : LocalDate.parse(s, DASHED);
        } catch (DateTimeException e) {
            throw new CellException("import.sheet.not-date", "\"" + s + "\"");
        }
    }

    /** An XLSX date cell: days since the workbook's epoch (1900, with Excel's phantom 29 February 1900, or 1904). */
    private static LocalDate excelDate(ExcelNumber n) throws CellException {
        double serial = n.value().doubleValue();
        if (serial < 1 || serial > 2_958_465) {
            throw new CellException("import.sheet.not-date", plainNumber(n.value()));
        }
        long days = (long) Math.floor(serial);
        if (n.date1904()) {
            return LocalDate.of(1904, 1, 1).plusDays(days);
        }
        return days < 60 ? LocalDate.of(1899, 12, 31).plusDays(days) : LocalDate.of(1899, 12, 30).plusDays(days);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String enumValue(Class<?> type, String value) throws CellException {
        for (Object constant : type.getEnumConstants()) {
            Labelled l = (Labelled) constant;
            if (l.json().equalsIgnoreCase(value) || l.zh().equals(value)) {
                return l.json();
            }
        }
        throw new CellException("import.sheet.not-one-of", value, Enums.names((Class) type));
    }

    /** A column's letter as a spreadsheet names it: A … Z, AA, AB … */
    static String letter(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }
}
