package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.communityadvisor.Platform;

/**
 * {@code slack-analytics}: Slack's workspace analytics CSV (Admin → Analytics → Overview, Export CSV), one row a
 * day. Each row becomes the day's statistics ({@link DayFigures}), from which the core derives the snapshot:
 *
 * <ul>
 * <li>{@code members.total}: "Total enabled membership" on {@code asOf}.</li>
 * <li>{@code activity.messages7d}: Σ over the 7 days ending {@code asOf} of "Messages in public channels" +
 *     "Messages in private channels" + "Messages in shared channels" when the file has it (DMs are not the group's conversation); all
 *     seven days need a row.</li>
 * <li>{@code activity.activeMembers7d}: "Weekly members posting messages" on {@code asOf}.</li>
 * <li>{@code history[]}: the same figures at each {@code weekEnding}.</li>
 * <li>{@code createdOn}: the first row's date, an estimate (the workspace may be older); {@code platform}: slack;
 *     {@code id}: the file's name without its extension (sanitized), unless {@code --id}.</li>
 * </ul>
 *
 * Columns: the header is matched by its words: case, spaces, underscores, hyphens and punctuation do not count
 * ({@code weekly_members_posting_messages}, as a data tool saves the sheet, is "Weekly members posting messages").
 * Required are "Date", "Total enabled membership" (earlier years: "Total membership"; also "Total members"),
 * "Weekly members posting messages", "Messages in public channels" and "Messages in private channels"; a file
 * without one of them is refused, naming it. "Messages in shared channels" is read when present (earlier years
 * have none; the report says so). Slack adds and renames other columns over time (guests, claimed members,
 * percentages, files...), so other columns are accepted and ignored rather than refused as unknown. The report
 * names each older name read and the headers matched by their words rather than their spelling.
 *
 * <p>Cells: dates day-first {@code dd/mm/yyyy} (also {@code yyyy-mm-dd}); numbers may carry thousands separators
 * ({@code 1,234}); an empty number is not known (a day's messages are known when at least one of the three channel
 * kinds is given, the empty ones counting 0). A date that does not parse, a number that is not one or a date given
 * twice refuses the file, naming the row, its line and the column.
 */
final class SlackAnalyticsReader implements FormatReader {
    static final String DATE = "Date";
    static final String TOTAL = "Total enabled membership";
    static final String WEEKLY_POSTING = "Weekly members posting messages";
    static final String PUBLIC = "Messages in public channels";
    static final String PRIVATE = "Messages in private channels";
    static final String SHARED = "Messages in shared channels";
    static final List<String> REQUIRED = List.of(DATE, TOTAL, WEEKLY_POSTING, PUBLIC, PRIVATE);
    /** Columns read when present: exports of earlier years have no shared channels. */
    static final List<String> OPTIONAL = List.of(SHARED);
    /**
     * The names other years of the export give a column (matched by their words, as {@link #key} reads them):
     * "Total membership" (the exports of 2017–2019, e.g. the R4DS community's in rfordatascience/tidytuesday)
     * and "Total members" (the later exports' wording, as Slack's analytics help names the figure).
     */
    static final Map<String, List<String>> SYNONYMS = Map.of(
            TOTAL, List.of("Total membership", "Total members"));

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s\\u00A0\\u202F']");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        if (paths.size() != 1) {
            throw ImportContext.malformed(paths.get(1), "", "import.analytics.one-file", paths.size());
        }
        Path path = paths.get(0);
        EventLog log = context.log();
        LocalDate asOf = context.options().asOf();
        LocalDate first = null;
        boolean asOfRow = false;
        int rows = 0;
        Map<LocalDate, Integer> seen = new HashMap<>();
        DateTimeFormatter slashed = Sources.isStdin(path) ? DAY_FIRST : slashOrder(path, log);
        try (BufferedReader in = Sources.reader(path);
             MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(in)) {
            Map<String, Integer> columns = header(path, it, log);
            int row = 0;
            while (true) {
                int line = it.getCurrentLocation().getLineNr();
                String[] cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = Math.max(line, 1);
                    cells = it.nextValue();
                } catch (JacksonException e) {
                    throw ImportContext.malformed(path, "row " + (row + 1), "import.csv.invalid", Problems.at(e.getLocation()));
                }
                row++;
                if (blank(cells)) {
                    continue;
                }
                String where = "row " + row + " (line " + line + ")";
                LocalDate date = date(path, where, cell(cells, columns, DATE), slashed);
                Integer previous = seen.putIfAbsent(date, row);
                if (previous != null) {
                    throw ImportContext.malformed(path, where + " " + DATE, "import.analytics.date-twice", date, previous);
                }
                Integer total = number(path, where, cells, columns, TOTAL);
                Integer weekly = number(path, where, cells, columns, WEEKLY_POSTING);
                Integer pub = number(path, where, cells, columns, PUBLIC);
                Integer priv = number(path, where, cells, columns, PRIVATE);
                Integer shared = columns.containsKey(SHARED) ? number(path, where, cells, columns, SHARED) : null;
                if (asOf != null && date.isAfter(asOf)) {
                    log.skip("after asOf", Note.of("import.at.row-line", path, row, line));
                    continue;
                }
                Integer messages = pub == null && priv == null && shared == null ? null
                        : or0(pub) + or0(priv) + or0(shared);
                log.day(date, new DayFigures(total, messages, weekly, null, null));
                rows++;
                asOfRow |= date.equals(asOf);
                if (first == null || date.isBefore(first)) {
                    first = date;
                }
            }
        } catch (CharacterCodingException e) {
            throw ImportContext.malformed(path, "", Problems.NOT_UTF8);
        }
        if (rows == 0) {
            throw (asOf != null ? ImportContext.malformed(path, "", "import.analytics.no-row-before", asOf)
                    : ImportContext.malformed(path, "", "import.analytics.no-rows"));
        }

        String stem = Sources.isStdin(path) ? "slack-analytics" : path.getFileName().toString()
                .replaceFirst("(?i)\\.csv$", "");
        log.fact("id", stem, Note.of("import.analytics.file-name"));
        log.fact("platform", Platform.SLACK, Note.of("import.analytics.platform"));
        log.estimate("createdOn", first, Note.of("import.analytics.first-row"));
        if (asOf != null && !asOfRow) {
            log.unknownBecause("members.total", Note.of("import.analytics.no-row", asOf));
        }
        Note why = Note.of("import.analytics.net-change");
        log.unknownBecause("members.joined7d", why);
        log.unknownBecause("members.left7d", why);
        log.unknownBecause("members.silent30d", Note.of("import.analytics.no-silent"));
    }

    /** The header row: each required column's index; other columns are ignored. */
    private static Map<String, Integer> header(Path path, MappingIterator<String[]> it, EventLog log)
            throws IOException {
        String[] names;
        try {
            if (!it.hasNextValue()) {
                throw ImportContext.malformed(path, "", "import.analytics.empty");
            }
            names = it.nextValue();
        } catch (JacksonException e) {
            throw ImportContext.malformed(path, "line 1", "import.csv.invalid", Problems.at(e.getLocation()));
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            byName.putIfAbsent(key(names[i]), i);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> respelled = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!find(r, names, byName, columns, log, respelled)) {
                missing.add("\"" + r + "\"");
            }
        }
        for (String o : OPTIONAL) {
            if (!find(o, names, byName, columns, log, respelled) && missing.isEmpty()) {
                log.note(Note.of("import.analytics.no-column", o));
            }
        }
        if (!respelled.isEmpty() && missing.isEmpty()) {
            log.note(Note.of("import.analytics.respelled", respelled.size(), String.join(", ", respelled)));
        }
        if (!missing.isEmpty()) {
                        Note what = missing.size() == 1 ? Note.of("import.analytics.column-missing", missing.get(0))
                    : Note.of("import.analytics.columns-missing", String.join(", ", missing));
            throw missing.size() == REQUIRED.size() ? ImportContext.malformed(path, "line 1",
                    "import.analytics.not-analytics", what) : ImportContext.malformed(path, "line 1", what);
        }
        return columns;
    }

    /** Finds a column by its name or a synonym; says in the report when a synonym or another spelling is read. */
    private static boolean find(String column, String[] names, Map<String, Integer> byName,
            Map<String, Integer> columns, EventLog log, List<String> respelled) {
        List<String> candidates = new ArrayList<>();
        candidates.add(column);
        candidates.addAll(SYNONYMS.getOrDefault(column, List.of()));
        for (String c : candidates) {
            Integer i = byName.get(key(c));
            if (i != null) {
                columns.put(column, i);
                String written = names[i] == null ? "" : names[i].strip();
                if (!c.equals(column)) {
                    log.note(Note.of("import.analytics.column-as", written, column));
                } else if (!written.equalsIgnoreCase(column)) {
                    respelled.add(written);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * A header's words: case, spaces, underscores, hyphens and punctuation do not count, so a sheet saved through
     * a data tool ({@code weekly_members_posting_messages}) reads as Slack's own header.
     */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        return NOT_WORD.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean blank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String column) {
        int i = columns.get(column);
        return i < cells.length && cells[i] != null ? cells[i].strip() : "";
    }

    private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * Whether the file's slashed dates are day-first or month-first, from all its rows: a first part over 12 says
     * day-first, a second part over 12 month-first. When every part is 12 or less (under 13 days), the order whose
     * dates follow one another day by day (as the analytics' rows do) is taken, and the report says the order was
     * guessed; day-first when that does not tell either.
     */
    private static DateTimeFormatter slashOrder(Path path, EventLog log) throws IOException {
        List<int[]> parts = new ArrayList<>();
        try (BufferedReader in = Sources.reader(path);
             MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(in)) {
            Map<String, Integer> columns = header(path, it, log);
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                String d = blank(cells) ? "" : cell(cells, columns, DATE);
                String[] p = d.split("/");
                if (p.length == 3 && p[0].matches("\\d{1,2}") && p[1].matches("\\d{1,2}")) {
                    int a = Integer.parseInt(p[0]);
                    int b = Integer.parseInt(p[1]);
                    if (a > 12) {
                        return DAY_FIRST;
                    }
                    if (b > 12) {
                        return MONTH_FIRST;
                    }
                    parts.add(new int[] {a, b, p[2].length() <= 4 && p[2].matches("\\d+") ? Integer.parseInt(p[2]) : 0});
                }
            }
        } catch (JacksonException | CharacterCodingException e) {
            return DAY_FIRST; // the second reading names the row
        }
        if (parts.size() < 2) {
            return DAY_FIRST;
        }
        long dayFirst = spread(parts, 0, 1);
        long monthFirst = spread(parts, 1, 0);
        DateTimeFormatter chosen = monthFirst < dayFirst ? MONTH_FIRST : DAY_FIRST;
        log.note(Note.of(chosen == MONTH_FIRST ? "import.analytics.dates-month-first-guessed"
                : "import.analytics.dates-day-first-guessed", parts.size()));
        return chosen;
    }

    /** Days from the first to the last date read with day part {@code d} and month part {@code m}. */
    private static long spread(List<int[]> parts, int d, int m) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int[] p : parts) {
            try {
                long day = LocalDate.of(p[2], p[m], p[d]).toEpochDay();
                min = Math.min(min, day);
                max = Math.max(max, day);
            } catch (DateTimeException e) {
                return Long.MAX_VALUE;
            }
        }
        return max - min;
    }

    static LocalDate date(Path path, String where, String text) {
        return date(path, where, text, DAY_FIRST);
    }

    static LocalDate date(Path path, String where, String text, DateTimeFormatter slashed) {
        if (text.isEmpty()) {
            throw ImportContext.malformed(path, where + " " + DATE, "import.analytics.date-empty");
        }
        try {
            if (text.contains("/")) {
                return LocalDate.parse(text, slashed);
            }
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw ImportContext.malformed(path, where + " " + DATE, slashed == MONTH_FIRST
                    ? "import.analytics.bad-date-month-first" : "import.analytics.bad-date", text);
        }
    }

    private static Integer number(Path path, String where, String[] cells, Map<String, Integer> columns,
            String column) {
        String text = cell(cells, columns, column);
        if (text.isEmpty()) {
            return null;
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        if (digits.endsWith(".0")) {
            digits = digits.substring(0, digits.length() - 2);
        }
        try {
            long v = Long.parseLong(digits);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw ImportContext.malformed(path, where + " " + column, "import.not-a-count", text);
        }
    }

    private static int or0(Integer v) {
        return v == null ? 0 : v;
    }
}
