package org.communityadvisor.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.communityadvisor.ImportException;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportReport;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;
import org.communityadvisor.importer.SheetTemplate;
import org.communityadvisor.json.Json;
import org.communityadvisor.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor import FORMAT PATH...}: snapshots from the data operators hold ({@code IMPORT.md}). */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build snapshots from a chat export, platform statistics or a sheet, and report how each "
                + "field was obtained (counted, given, estimated, unknown). Pipe into './advisor advise -'.",
                "从聊天记录导出、平台统计或表格生成快照,并说明每个字段的来历(计数、给定、估计、未知)。"
                        + "可直接接 './advisor advise -'。",
                "",
                "Formats: telegram, discord, slack, slack-analytics, wechat, qq, wecom, events, sheet."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FORMAT",
            description = "telegram | discord | slack | slack-analytics | wechat | qq | wecom | events | sheet")
    String formatName;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH",
            description = "The export's files or folder ('-' for standard input where the format is one file).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The snapshot's day (default: the day of the last event in the data).")
    String asOf;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of the calendar days, e.g. Asia/Shanghai (default: the export's own times, else UTC).")
    String zone;

    @Option(names = "--id", paramLabel = "ID", description = "The snapshot's id (default: from the export).")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "The community's display name.")
    String name;

    @Option(names = "--platform", paramLabel = "P", description = "The platform (default: the format's).")
    String platform;

    @Option(names = "--members", paramLabel = "N", description = "members.total, where the data does not count it.")
    Integer members;

    @Option(names = "--created-on", paramLabel = "yyyy-MM-dd", description = "The group's creation day.")
    String createdOn;

    @Option(names = "--official", paramLabel = "ID,...", split = ",",
            description = "Sender ids that speak for the group (admins, staff).")
    List<String> official = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "NAME", description = "Slack: one channel instead of the workspace.")
    String channel;

    @Option(names = "--groups", paramLabel = "FILE.jsonl",
            description = "events: group facts, a partial snapshot a line with its groupId.")
    Path groups;

    @Option(names = "--heuristics", description = "Estimate activity.adMessages7d from links by non-official senders.")
    boolean heuristics;

    @Option(names = "--merge", paramLabel = "FILE.json",
            description = "A partial snapshot of what only the operator knows, laid over the result (RFC 7396).")
    Path merge;

    @Option(names = "--people", description = "Also name the members behind the numbers (message logs).")
    boolean people;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the report as JSON to FILE instead of stderr.")
    Path report;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the snapshot(s) to FILE instead of stdout.")
    Path out;

    @Option(names = "--template", description = "Write an empty sheet (header + explanation row) for consultants.")
    boolean template;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the report, refusals and template "
            + "(default: zh where LC_ALL, LC_MESSAGES or LANG names a Chinese locale, else en).")
    Lang lang;

    /** Refusals shown on standard error, and the most characters of each: error output never grows with input. */
    static final int SHOWN_REFUSALS = 20;
    static final int SHOWN_MESSAGE_CHARS = 400;

    @Override
    public Integer call() throws IOException {
        if (lang == null) {
            lang = environmentLang(System.getenv());
        }
        PrintWriter err = Output.stderr();
        if (template) {
            return template(err);
        }
        if (formatName == null) {
            err.println("advisor: " + Texts.of(lang).get("import.cli.no-format", formats()));
            return Main.INVALID_INPUT;
        }
        Format format = Format.byId(formatName).orElse(null);
        if (format == null) {
            err.println("advisor: " + Texts.of(lang).get("import.cli.unknown-format", formatName, formats()));
            return Main.INVALID_INPUT;
        }
        if (paths.isEmpty()) {
            err.println("advisor: " + Texts.of(lang).get("import.cli.no-files", format.id()));
            return Main.INVALID_INPUT;
        }
        ImportOptions options;
        try {
            options = options();
        } catch (OptionError e) {
            err.println("advisor: import: " + Texts.of(lang).get(e.key, e.args));
            return Main.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("advisor: import: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        if (format == Format.SHEET) {
            List<String> ignored = new ArrayList<>();
            if (id != null) ignored.add("--id");
            if (name != null) ignored.add("--name");
            if (members != null) ignored.add("--members");
            if (createdOn != null) ignored.add("--created-on");
            if (!official.isEmpty()) ignored.add("--official");
            if (people) ignored.add("--people");
            if (heuristics) ignored.add("--heuristics");
            if (!ignored.isEmpty()) {
                err.println(Texts.of(lang).get("import.sheet-ignoring", String.join(" ", ignored)));
            }
        }
        boolean lines = format == Format.SHEET || format == Format.EVENTS;
        ObjectWriter writer = lines ? Json.MAPPER.writer() : Json.MAPPER.writerWithDefaultPrettyPrinter();
        // each community is written (and its report shown, or written to --report) as it is built, then forgotten
        ReportText text = new ReportText(lang);
        List<ImportException> rejected;
        int built;
        try (Output o = Output.open(out, lang); JsonReport json = report == null ? null : new JsonReport(report)) {
            PrintWriter w = o.writer();
            int[] count = {0};
            try {
                rejected = Importer.read(format, paths, options, c -> {
                    count[0]++;
                    try {
                        w.println(writer.writeValueAsString(c.json()));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (json != null) {
                        json.add(c);
                    } else {
                        // a sheet's rows are the consultant's own values: one line each, not a table each
                        err.print(format == Format.SHEET ? text.summary(c) : text.render(c));
                    }
                });
            } catch (ImportException e) {
                err.println("advisor: import " + format.id() + ": " + e.message(lang));
                return Main.INVALID_INPUT;
            } catch (UncheckedIOException e) {
                err.println("advisor: " + Texts.of(lang).get("import.cli.cannot-read", format.id(),
                        e.getCause().getMessage()));
                return Main.INVALID_INPUT;
            }
            built = count[0];
            o.commit();
            if (json != null) {
                json.finish(rejected);
            }
        }
        err.flush();
        ImportResult result = new ImportResult(List.of(), rejected);
        int shown = 0;
        for (ImportException e : result.rejected()) {
            if (shown++ == SHOWN_REFUSALS) {
                break;
            }
            err.println("advisor: import " + format.id() + ": "
                    + org.communityadvisor.report.internal.TerminalText.cut(e.message(lang), SHOWN_MESSAGE_CHARS));
        }
        if (result.rejected().size() > SHOWN_REFUSALS) {
            err.println(Texts.of(lang).get("import.refused-more", result.rejected().size() - SHOWN_REFUSALS,
                    SHOWN_REFUSALS));
        }
        if (!result.rejected().isEmpty()) {
            err.println(Texts.of(lang).get("import.refused", built, result.rejected().size()));
            return Main.INVALID_INPUT;
        }
        return 0;
    }

    /**
     * The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set (as POSIX
     * orders them); Chinese where it is a {@code zh} locale ({@code zh_CN.UTF-8}), else English.
     */
    static Lang environmentLang(java.util.Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                return v.toLowerCase(Locale.ROOT).startsWith("zh") ? Lang.ZH : Lang.EN;
            }
        }
        return Lang.EN;
    }

    private static String formats() {
        return String.join(", ", java.util.Arrays.stream(Format.values()).map(Format::id).toList());
    }

    /** An option the import cannot take, said by a key of the text catalog. */
    private static final class OptionError extends RuntimeException {
        final String key;
        final Object[] args;

        OptionError(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private ImportOptions options() throws IOException {
        var b = ImportOptions.builder()
                .asOf(date("--as-of", asOf))
                .createdOn(date("--created-on", createdOn))
                .id(id).name(name).members(members).channel(channel).groups(groups)
                .heuristics(heuristics).people(people)
                .official(new LinkedHashSet<>(official));
        if (members != null && members < 0) {
            throw new OptionError("import.option.members", Integer.toString(members));
        }
        if (zone != null) {
            try {
                b.zone(ZoneId.of(zone));
            } catch (java.time.DateTimeException e) {
                throw new OptionError("import.option.zone", zone);
            }
        }
        if (platform != null) {
            b.platform(java.util.Arrays.stream(Platform.values()).filter(p -> p.json().equals(
                    platform.toLowerCase(Locale.ROOT))).findFirst().orElseThrow(() -> new OptionError("import.option.platform",
                    platform, String.join(", ", java.util.Arrays.stream(Platform.values()).map(Platform::json).toList()))));
        }
        if (merge != null) {
            b.merge(mergePatch(merge));
        }
        return b.build();
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new OptionError("import.option.date", option, text);
        }
    }

    private static JsonNode mergePatch(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new OptionError("import.option.merge-missing", file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new OptionError("import.option.merge-not-utf8", file);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw e.getLocation() == null ? new OptionError("import.option.merge-not-json", file)
                    : new OptionError("import.option.merge-not-json-at", file, e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw new OptionError("import.option.merge-not-object", file);
        }
        return node;
    }

    /**
     * The {@code --report} file, written as the communities are built (each community's report is forgotten once
     * written, so a batch of any size holds one at a time); the refusals close it. Left unwritten, with the previous
     * file untouched, when the import stops before {@link #finish}.
     */
    private final class JsonReport implements AutoCloseable {
        private final Output output;
        private final com.fasterxml.jackson.core.JsonGenerator json;

        JsonReport(Path file) throws IOException {
            output = Output.open(file, lang);
            json = Json.MAPPER.getFactory().createGenerator(output.writer()).useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("communities");
        }

        void add(ImportedCommunity c) {
            try {
                json.writeStartObject();
                json.writeStringField("id", c.snapshot().id());
                json.writeFieldName("report");
                json.writeTree(Json.MAPPER.valueToTree(c.report()));
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish(List<ImportException> rejected) throws IOException {
            json.writeEndArray();
            json.writeArrayFieldStart("refused");
            for (ImportException e : rejected) {
                var one = Json.MAPPER.createObjectNode();
                one.put("file", e.file());
                one.put("position", e.position());
                one.put("reason", e.reason());
                if (e.key() != null) {
                    one.put("key", e.key());
                    one.set("args", Json.MAPPER.valueToTree(e.args()));
                }
                json.writeTree(one);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            output.writer().println();
            output.commit();
        }

        @Override
        public void close() throws IOException {
            output.close();
        }
    }

    private int template(PrintWriter err) throws IOException {
        boolean xlsx = out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        if (xlsx) {
            Path temp = Output.tempBeside(out, lang);
            try {
                try (OutputStream stream = Files.newOutputStream(temp)) {
                    SheetTemplate.xlsx(lang, stream);
                }
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } else {
            try (Output o = Output.open(out, lang)) {
                SheetTemplate.csv(lang, o.writer());
                o.commit();
            }
        }
        return 0;
    }

    /** The report as a consultant reads it on the terminal. */
    static final class ReportText {
        private final Lang lang;
        private final Texts t;

        ReportText(Lang lang) {
            this.lang = lang;
            this.t = Texts.of(lang);
        }

        String summary(ImportedCommunity c) {
            ImportReport r = c.report();
            long given = r.fields().stream().filter(f -> f.how() == ImportReport.How.GIVEN).count();
            return t.get("import.summary", r.source(), c.snapshot().id(), given) + "\n";
        }

        String render(ImportedCommunity c) {
            ImportReport r = c.report();
            StringBuilder b = new StringBuilder();
            b.append(t.get("import.heading", r.source(), c.snapshot().id(), c.snapshot().asOf())).append('\n');
            int width = r.fields().stream().mapToInt(f -> f.path().length()).max().orElse(10);
            for (ImportReport.Field f : r.fields()) {
                String value = f.value() == null ? "—" : f.value(lang);
                if (value.length() > 40) {
                    value = value.substring(0, 39) + "…";
                }
                b.append("  ").append(pad(f.path(), width)).append("  ").append(pad(value, 12)).append("  ")
                        .append(f.how().text(lang));
                if (f.note() != null) {
                    b.append(": ").append(f.note(lang));
                }
                b.append('\n');
            }
            if (!r.skipped().isEmpty()) {
                b.append(t.get("import.skipped"));
                List<String> parts = new ArrayList<>();
                for (ImportReport.Skipped s : r.skipped()) {
                    parts.add(s.counted().text(lang) + (s.first() == null ? ""
                            : t.get("import.skipped-first", s.first().text(lang))));
                }
                b.append(String.join("; ", parts)).append('\n');
            }
            for (String note : r.notes(lang)) {
                b.append(t.get("import.note")).append(note).append('\n');
            }
            if (r.people() != null) {
                people(b, r.people(), c.snapshot().asOf(), t);
            }
            return b.toString();
        }

        private static void people(StringBuilder b, org.communityadvisor.importer.People p, LocalDate asOf, Texts t) {
            b.append(t.get("import.people", asOf)).append('\n');
            b.append(t.get("import.people.candidates")).append('\n');
            if (p.candidates().isEmpty()) {
                b.append(t.get("import.people.none")).append('\n');
            }
            for (var c : p.candidates()) {
                b.append("      ").append(t.get("import.people.candidate", who(c.name(), c.id()), c.repliesReceived30d(),
                        c.messages30d(), c.activeDays30d())).append('\n');
            }
            b.append(t.get("import.people.silent")).append('\n');
            if (p.silentNewcomers().isEmpty()) {
                b.append(t.get("import.people.none")).append('\n');
            }
            for (var n : p.silentNewcomers()) {
                b.append("      ").append(t.get("import.people.newcomer", who(n.name(), n.id()), n.joinedOn())).append('\n');
            }
            b.append(t.get("import.people.unanswered")).append('\n');
            if (p.unanswered().isEmpty()) {
                b.append(t.get("import.people.none")).append('\n');
            }
            for (var q : p.unanswered()) {
                String from = q.time().toString().replace('T', ' ') + "  " + who(q.senderName(), q.senderId())
                        + (q.thread() == null ? "" : " #" + q.thread());
                b.append("      ").append(t.get("import.people.question", from, q.text() == null ? "" : q.text()))
                        .append('\n');
            }
        }

        private static String who(String name, String id) {
            return name == null || name.equals(id) ? id : name + " (" + id + ")";
        }

        private static String pad(String s, int width) {
            int w = 0;
            for (int i = 0; i < s.length(); i++) {
                w += Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN ? 2 : 1;
            }
            return w >= width ? s : s + " ".repeat(width - w);
        }
    }
}
