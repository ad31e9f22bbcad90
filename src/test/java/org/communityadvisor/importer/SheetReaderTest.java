package org.communityadvisor.importer;

import org.communityadvisor.Lang;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.Barrier;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;
import org.communityadvisor.Purpose;
import org.communityadvisor.Snapshot;
import org.communityadvisor.json.Json;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetReaderTest {
    private static final Path DIR = Path.of("src/test/resources/import/sheet");

    private static ImportResult read(Path file) {
        return read(file, ImportOptions.defaults());
    }

    private static ImportResult read(Path file, ImportOptions options) {
        return Importer.read(Format.SHEET, List.of(file), options);
    }

    private static Map<String, Snapshot> byId(ImportResult r) {
        return r.communities().stream().map(ImportedCommunity::snapshot)
                .collect(Collectors.toMap(Snapshot::id, s -> s));
    }

    @Test
    void readsEveryRowSkippingTheExplanationRowAndEmptyRows() {
        ImportResult r = read(DIR.resolve("clients.csv"));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.communities()).extracting(c -> c.snapshot().id())
                .containsExactly("book-club", "running-fans", "tea-lovers");
        assertThat(r.communities()).extracting(c -> c.report().source()).containsExactly(
                "sheet " + DIR.resolve("clients.csv") + " row 3", "sheet " + DIR.resolve("clients.csv") + " row 5",
                "sheet " + DIR.resolve("clients.csv") + " row 7");

        Snapshot book = r.communities().get(0).snapshot();
        assertThat(book.schemaVersion()).isEqualTo(1);
        assertThat(book.name()).isEqualTo("好书共读书友会");
        assertThat(book.platform()).isEqualTo(Platform.WECHAT);
        assertThat(book.purpose()).isEqualTo(Purpose.SHARING);
        assertThat(book.createdOn()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(book.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(book.members().total()).isEqualTo(140);
        assertThat(book.members().admins()).isEqualTo(3);
        assertThat(book.members().joined7d()).isNull();
        assertThat(book.entry().barrier()).isEqualTo(Barrier.PAID);
        assertThat(book.entry().fee()).isEqualTo(199.5);
        assertThat(book.entry().channels()).containsExactly(Channel.QR, Channel.INVITE);
        assertThat(book.entry().qrCreatedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(book.activity().messages7d()).isEqualTo(320);
        assertThat(book.activity().activeMembers7d()).isNull();
        assertThat(book.commerce()).isNull();
        assertThat(book.history()).isNull();
    }

    @Test
    void readsBooleansInEverySpelling() {
        Map<String, Snapshot> s = byId(read(DIR.resolve("clients.csv")));
        Snapshot book = s.get("book-club");
        // yes, no, true, false, 是, 否, YES
        assertThat(book.activity().dailyRitual()).isTrue();
        assertThat(book.operations().announcement()).isFalse();
        assertThat(book.operations().rules()).isTrue();
        assertThat(book.operations().monthlyPlan()).isFalse();
        assertThat(book.operations().contentCalendar()).isTrue();
        assertThat(book.operations().onboarding()).isFalse();
        assertThat(book.coreGroup()).isTrue();
        Snapshot fans = s.get("running-fans");
        // No, TRUE, False, 是, 否, yes, no
        assertThat(fans.activity().dailyRitual()).isFalse();
        assertThat(fans.operations().announcement()).isTrue();
        assertThat(fans.operations().rules()).isFalse();
        assertThat(fans.operations().monthlyPlan()).isTrue();
        assertThat(fans.operations().contentCalendar()).isFalse();
        assertThat(fans.operations().onboarding()).isTrue();
        assertThat(fans.coreGroup()).isFalse();
    }

    @Test
    void readsNumbersDatesEnumsAndChannelsAsPeopleWriteThem() {
        Map<String, Snapshot> s = byId(read(DIR.resolve("clients.csv")));
        Snapshot fans = s.get("running-fans");
        assertThat(fans.platform()).isEqualTo(Platform.TELEGRAM);        // "Telegram"
        assertThat(fans.members().total()).isEqualTo(1200);              // "1,200"
        assertThat(fans.entry().fee()).isNull();                         // empty cell: unknown
        assertThat(fans.entry().channels()).containsExactly(Channel.LINK);
        Snapshot tea = s.get("tea-lovers");
        assertThat(tea.name()).isEqualTo("Tea, and more");
        assertThat(tea.purpose()).isEqualTo(Purpose.SALES);               // 销售型
        assertThat(tea.createdOn()).isEqualTo(LocalDate.of(2026, 3, 5)); // 2026/3/5
        assertThat(tea.members().total()).isEqualTo(12);                 // 12.0
        assertThat(tea.entry().fee()).isEqualTo(0.0);
        assertThat(tea.entry().channels()).containsExactly(Channel.QR, Channel.LIVECODE); // " QR ; livecode "
        assertThat(tea.activity()).isNull();
        assertThat(tea.operations()).isNull();
    }

    @Test
    void readsTheLearningPurposeAndTheFieldsOfPaidPeriodsOutputsPeakHoursAndPlans() {
        Path file = DIR.resolve("new-fields.csv");
        ImportResult r = read(file);
        Map<String, Snapshot> s = byId(r);
        assertThat(s).containsOnlyKeys("ppt-class", "study-zh", "late-owls");
        Snapshot ppt = s.get("ppt-class");
        assertThat(ppt.purpose()).isEqualTo(Purpose.LEARNING);
        assertThat(ppt.entry().feePeriodDays()).isEqualTo(365);
        assertThat(ppt.activity().memberOutputs7d()).isEqualTo(14);
        assertThat(ppt.activity().peakHour()).isEqualTo(20);
        assertThat(ppt.operations().groupCulture()).isTrue();
        assertThat(ppt.operations().renewalPlan()).isFalse();
        assertThat(ppt.operations().crisisPlan()).isTrue();
        assertThat(ppt.operations().materialsKit()).isFalse();
        Snapshot zh = s.get("study-zh");
        assertThat(zh.purpose()).isEqualTo(Purpose.LEARNING);                 // 学习型
        assertThat(zh.activity().peakHour()).isEqualTo(0);
        assertThat(zh.activity().memberOutputs7d()).isEqualTo(0);
        assertThat(zh.operations()).isNull();
        assertThat(s.get("late-owls").purpose()).isEqualTo(Purpose.LEARNING);  // "Learning"
        assertThat(s.get("late-owls").activity().peakHour()).isEqualTo(23);
        assertThat(r.rejected()).extracting(ImportException::position).containsExactly("row 5", "row 6");
        assertThat(r.rejected().get(0).reason()).contains("activity.peakHour");
        assertThat(r.rejected().get(1).reason()).contains("entry.feePeriodDays");
    }

    @Test
    void reportsEachCellAsGivenWithItsColumn() {
        ImportReport report = read(DIR.resolve("clients.csv")).communities().get(0).report();
        assertThat(report.fields()).hasSize(20);
        assertThat(report.fields()).allMatch(f -> f.how() == ImportReport.How.GIVEN);
        assertThat(report.fields().get(0)).isEqualTo(new ImportReport.Field("id", "book-club",
                ImportReport.How.GIVEN, Note.of("import.sheet.column", "A")));
        ImportReport.Field total = report.fields().stream().filter(f -> f.path().equals("members.total"))
                .findFirst().orElseThrow();
        assertThat(total).isEqualTo(new ImportReport.Field("members.total", 140, ImportReport.How.GIVEN, Note.of("import.sheet.column", "G")));
        ImportReport.Field channels = report.fields().stream().filter(f -> f.path().equals("entry.channels"))
                .findFirst().orElseThrow();
        assertThat(channels.value()).isEqualTo(List.of("qr", "invite"));
        assertThat(channels.note().english()).isEqualTo("column K");
        assertThat(report.skipped()).isEmpty();
        assertThat(report.notes(Lang.EN)).isEmpty();
    }

    @Test
    void theSnapshotsAreAdvised() {
        Advisor advisor = Advisor.builder().build();
        for (ImportedCommunity c : read(DIR.resolve("clients.csv")).communities()) {
            Advice advice = advisor.advise(c.snapshot());
            assertThat(advice.communityId()).isEqualTo(c.snapshot().id());
            assertThat(advice.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        }
    }

    @Test
    void theJsonHoldsOnlyTheGivenCells() {
        ImportedCommunity tea = read(DIR.resolve("clients.csv")).communities().get(2);
        assertThat(tea.json().toString()).isEqualTo("{\"schemaVersion\":1,\"id\":\"tea-lovers\","
                + "\"name\":\"Tea, and more\",\"platform\":\"wecom\",\"purpose\":\"sales\",\"createdOn\":\"2026-03-05\","
                + "\"asOf\":\"2026-11-30\",\"members\":{\"total\":12,\"admins\":1},\"entry\":{\"barrier\":\"approval\","
                + "\"fee\":0.0,\"channels\":[\"qr\",\"livecode\"]}}");
    }

    @Test
    void oneBadRowDoesNotLoseTheGoodOnes() {
        Path file = DIR.resolve("bad-rows.csv");
        ImportResult r = read(file);
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("good-1", "good-2");
        assertThat(r.communities().get(1).snapshot().entry().barrier()).isEqualTo(Barrier.TASK);
        assertThat(r.rejected()).hasSize(4);
        assertThat(r.rejected()).extracting(ImportException::file).containsOnly(file.toString());
        assertThat(r.rejected()).extracting(ImportException::position)
                .containsExactly("row 3", "row 4", "row 5", "row 6");
        assertThat(r.rejected().get(0).reason())
                .isEqualTo("column E (members.total): \"twelve\" is not a whole number");
        assertThat(r.rejected().get(1).reason())
                .isEqualTo("column C (createdOn): \"2026-02-30\" is not a date (yyyy-MM-dd, e.g. 2026-03-05)");
        // every bad cell of the row is named
        assertThat(r.rejected().get(2).reason()).isEqualTo("column B (platform): \"weixin\" is not one of wechat, "
                + "wecom, qq, discord, telegram, slack, forum, offline, other; column F (entry.barrier): \"free\" is "
                + "not one of none, approval, referral, task, paid");
        // parsed, then refused by the snapshot's own validation
        assertThat(r.rejected().get(3).reason()).isEqualTo("members.total: a count cannot be negative, got -3 (column E)");
        assertThat(r.rejected().get(3).getMessage()).startsWith(file + " row 6: members.total: a count cannot be negative");
    }

    @Test
    void aThousandRowsWithOneBadImport999(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("fleet.csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,platform,createdOn,asOf,members.total,activity.messages7d,operations.rules\n");
            for (int i = 1; i <= 1000; i++) {
                String total = i == 500 ? "lots" : String.valueOf(100 + i);
                out.write("g-" + i + ",wechat,2026-01-01,2026-11-30," + total + "," + i + "," + (i % 2 == 0 ? "yes" : "no")
                        + "\n");
            }
        }
        ImportResult r = read(file);
        assertThat(r.communities()).hasSize(999);
        assertThat(r.rejected()).hasSize(1);
        assertThat(r.rejected().get(0).position()).isEqualTo("row 501");
        assertThat(r.rejected().get(0).reason()).isEqualTo("column E (members.total): \"lots\" is not a whole number");
        Snapshot last = r.communities().get(998).snapshot();
        assertThat(last.id()).isEqualTo("g-1000");
        assertThat(last.members().total()).isEqualTo(1100);
        assertThat(last.activity().messages7d()).isEqualTo(1000);
        assertThat(last.operations().rules()).isTrue();
        assertThat(r.communities()).noneMatch(c -> c.snapshot().id().equals("g-500"));
    }

    @Test
    void anXlsxSheetImportsAsTheSameCsv(@TempDir Path tmp) throws IOException {
        Path xlsx = tmp.resolve("clients.xlsx");
        writeXlsx(DIR.resolve("clients.csv"), xlsx);
        ImportResult fromCsv = read(DIR.resolve("clients.csv"));
        ImportResult fromXlsx = read(xlsx);
        assertThat(fromXlsx.rejected()).isEmpty();
        assertThat(fromXlsx.communities()).hasSize(3);
        assertThat(fromXlsx.communities()).extracting(ImportedCommunity::json)
                .isEqualTo(fromCsv.communities().stream().map(ImportedCommunity::json).toList());
        assertThat(fromXlsx.communities()).extracting(ImportedCommunity::snapshot)
                .isEqualTo(fromCsv.communities().stream().map(ImportedCommunity::snapshot).toList());
        assertThat(fromXlsx.communities().get(1).report().source()).isEqualTo("sheet " + xlsx + " row 5");
        assertThat(fromXlsx.communities().get(0).report().fields())
                .isEqualTo(fromCsv.communities().get(0).report().fields());
    }

    /**
     * The CSV's cells as an XLSX workbook with typed cells, as Excel saves them: whole numbers and decimals as
     * numbers, yyyy-MM-dd as date cells, yes/no booleans as boolean cells where written true/false, text as
     * text; empty cells are not written.
     */
    private static void writeXlsx(Path csv, Path xlsx) throws IOException {
        Pattern number = Pattern.compile("-?\\d+(\\.\\d+)?");
        Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        List<String[]> rows = csvRows(csv);
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    String v = row[c];
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (r > 1 && number.matcher(v).matches()) {
                        ws.value(r, c, Double.parseDouble(v));
                    } else if (r > 1 && date.matcher(v).matches() && isDate(v)) {
                        ws.value(r, c, LocalDate.parse(v));
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (r > 1 && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                        ws.value(r, c, Boolean.parseBoolean(v.toLowerCase()));
                    } else {
                        ws.value(r, c, v);
                    }
                }
            }
            wb.finish();
        }
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static List<String[]> csvRows(Path csv) throws IOException {
        CsvMapper m = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<String[]> out = new ArrayList<>();
        try (MappingIterator<String[]> it = m.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(csv.toFile())) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        }
        return out;
    }

    @Test
    void anUnknownColumnRefusesTheFileNamingTheNearestPath() {
        Path file = DIR.resolve("unknown-column.csv");
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.position()).isEqualTo("row 1 column E");
            assertThat(e.reason()).isEqualTo("unknown column \"members.totl\": did you mean \"members.total\"?");
        });
    }

    @Test
    void aColumnFarFromEveryPathSaysWhereTheColumnsComeFrom(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.csv");
        Files.writeString(file, "id,platform,createdOn,asOf,members.total,Notes from the call\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(ImportException.class)
                .hasMessage(file + " row 1 column F: unknown column \"Notes from the call\" (the columns are "
                        + "snapshot paths such as members.total; ./advisor import --template writes them all)");
    }

    @Test
    void aRequiredColumnMissingRefusesTheFileUnlessAnOptionGivesIt(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.csv");
        Files.writeString(file, "id,createdOn,asOf,members.total\ng1,2026-01-01,2026-11-30,10\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(ImportException.class)
                .hasMessage(file + " row 1: no column \"platform\": it is required (or give it to every row with "
                        + "--merge or --platform)");
        ImportResult r = read(file, ImportOptions.builder().platform(Platform.QQ).build());
        assertThat(r.communities().get(0).snapshot().platform()).isEqualTo(Platform.QQ);
    }

    @Test
    void optionsAndTheMergePatchAreLaidOverEveryRow() {
        ImportOptions options = ImportOptions.builder().asOf(LocalDate.of(2026, 12, 1)).platform(Platform.WECOM)
                .merge(Json.MAPPER.createObjectNode().set("operations",
                        Json.MAPPER.createObjectNode().put("rules", true).put("groupsOperated", 4)))
                .build();
        ImportResult r = read(DIR.resolve("clients.csv"), options);
        assertThat(r.communities()).hasSize(3);
        for (ImportedCommunity c : r.communities()) {
            assertThat(c.snapshot().asOf()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(c.snapshot().platform()).isEqualTo(Platform.WECOM);
            assertThat(c.snapshot().operations().rules()).isTrue();
            assertThat(c.snapshot().operations().groupsOperated()).isEqualTo(4);
        }
        ImportReport fans = r.communities().get(1).report();
        assertThat(fans.fields()).contains(
                new ImportReport.Field("asOf", "2026-12-01", ImportReport.How.GIVEN, Note.option("--as-of")),
                new ImportReport.Field("platform", "wecom", ImportReport.How.GIVEN, Note.option("--platform")),
                new ImportReport.Field("operations.rules", true, ImportReport.How.GIVEN, Note.option("--merge")),
                new ImportReport.Field("operations.groupsOperated", 4, ImportReport.How.GIVEN, Note.option("--merge")));
        assertThat(fans.notes(Lang.EN)).containsExactly("--as-of 2026-12-01 replaces asOf 2026-11-30 of column F",
                "--platform wecom replaces platform telegram of column C");
        // in snapshot order: platform before asOf before operations
        List<String> paths = fans.fields().stream().map(ImportReport.Field::path).toList();
        assertThat(paths.indexOf("platform")).isLessThan(paths.indexOf("asOf"));
        assertThat(paths.indexOf("operations.rules")).isLessThan(paths.indexOf("operations.groupsOperated"));
    }

    @Test
    void readsTheLearningPurposeAndTheNewColumns(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("learning.csv");
        Files.writeString(file, "id,platform,purpose,createdOn,asOf,members.total,entry.barrier,entry.feePeriodDays,"
                + "activity.memberOutputs7d,activity.peakHour,operations.groupCulture,operations.renewalPlan,"
                + "operations.crisisPlan,operations.materialsKit\n"
                + "ppt-class,wechat,learning,2026-01-01,2026-11-30,80,paid,365,12,20,yes,no,是,否\n"
                + "reading,wechat,学习型,2026-01-01,2026-11-30,30,,,,0,,,,\n"
                + "late-night,wechat,learning,2026-01-01,2026-11-30,30,,,,24,,,,\n"
                + "no-period,wechat,learning,2026-01-01,2026-11-30,30,paid,0,,,,,,\n", StandardCharsets.UTF_8);
        ImportResult r = read(file);
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("ppt-class", "reading");
        Snapshot ppt = r.communities().get(0).snapshot();
        assertThat(ppt.purpose()).isEqualTo(Purpose.LEARNING);
        assertThat(ppt.entry().feePeriodDays()).isEqualTo(365);
        assertThat(ppt.activity().memberOutputs7d()).isEqualTo(12);
        assertThat(ppt.activity().peakHour()).isEqualTo(20);
        assertThat(ppt.operations().groupCulture()).isTrue();
        assertThat(ppt.operations().renewalPlan()).isFalse();
        assertThat(ppt.operations().crisisPlan()).isTrue();
        assertThat(ppt.operations().materialsKit()).isFalse();
        Snapshot reading = r.communities().get(1).snapshot();
        assertThat(reading.purpose()).isEqualTo(Purpose.LEARNING);             // 学习型
        assertThat(reading.activity().peakHour()).isZero();                     // midnight is an hour, not unknown
        assertThat(reading.activity().memberOutputs7d()).isNull();
        assertThat(reading.operations()).isNull();
        // an hour past 23 and a period of 0 days are refused by the snapshot's own bounds, row by row
        assertThat(r.rejected()).extracting(ImportException::position).containsExactly("row 4", "row 5");
        assertThat(r.rejected().get(0).reason()).contains("activity.peakHour");
        assertThat(r.rejected().get(1).reason()).contains("entry.feePeriodDays");
    }

    @Test
    void readsUtf8WithByteOrderMarkAndCrlf() {
        ImportResult r = read(DIR.resolve("bom-crlf.csv"));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("crlf-group", "crlf-two");
        assertThat(r.communities().get(0).snapshot().platform()).isEqualTo(Platform.QQ);
        assertThat(r.communities().get(0).snapshot().operations().rules()).isTrue();
        assertThat(r.communities().get(1).snapshot().members().total()).isEqualTo(31);
        assertThat(r.communities().get(1).snapshot().operations().rules()).isFalse();
    }

    @Test
    void readsSemicolonSeparatedCsv(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.csv");
        Files.writeString(file, "id;platform;createdOn;asOf;members.total;entry.channels\n"
                + "g1;wechat;2026-01-01;2026-11-30;10;\"qr;invite\"\n");
        Snapshot s = read(file).communities().get(0).snapshot();
        assertThat(s.members().total()).isEqualTo(10);
        assertThat(s.entry().channels()).containsExactly(Channel.QR, Channel.INVITE);
    }

    @Test
    void aFileNotInUtf8IsRefusedNotGuessed() {
        Path file = DIR.resolve("gbk.csv");
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.reason()).startsWith("not UTF-8: save the sheet as CSV UTF-8");
        });
    }

    @Test
    void onlyCsvAndXlsxAreRead() {
        for (String name : List.of("clients.ods", "clients.txt")) {
            Path file = DIR.resolve(name);
            assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(ImportException.class, e -> {
                assertThat(e.file()).isEqualTo(file.toString());
                assertThat(e.reason()).startsWith("a sheet must be a .csv or .xlsx file");
            });
        }
        assertThatThrownBy(() -> read(DIR.resolve("clients.ods"))).hasMessageEndingWith(
                "(save it as .xlsx or as CSV UTF-8)");
    }

    @Test
    void aWorkbookNamedCsvOrABrokenWorkbookIsRefused(@TempDir Path tmp) throws IOException {
        Path xlsx = tmp.resolve("real.xlsx");
        writeXlsx(DIR.resolve("bad-rows.csv"), xlsx);
        Path named = tmp.resolve("real.csv");
        Files.copy(xlsx, named);
        assertThatThrownBy(() -> read(named)).isInstanceOf(ImportException.class)
                .hasMessage(named + ": is an XLSX workbook (a zip), not CSV: name it .xlsx");
        Path broken = tmp.resolve("broken.xlsx");
        Files.writeString(broken, "id,platform\n");
        assertThatThrownBy(() -> read(broken)).isInstanceOf(ImportException.class)
                .hasMessage(broken + ": not a readable XLSX workbook");
        // the typed cells of the workbook itself give the same rows as its CSV
        ImportResult r = read(xlsx);
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("good-1", "good-2");
        assertThat(r.rejected()).extracting(ImportException::position).containsExactly("row 3", "row 4", "row 5",
                "row 6");
    }

    @Test
    void anEmptySheetOrOneWithoutRowsIsRefused(@TempDir Path tmp) throws IOException {
        Path empty = tmp.resolve("empty.csv");
        Files.writeString(empty, "\n\n");
        assertThatThrownBy(() -> read(empty)).hasMessage(empty + ": is empty: expected a header row of snapshot "
                + "paths (./advisor import --template writes one)");
        Path headerOnly = tmp.resolve("header.csv");
        Files.writeString(headerOnly, "id,platform,createdOn,asOf,members.total\n\"# the id\",,,,\n");
        assertThatThrownBy(() -> read(headerOnly)).hasMessage(headerOnly + ": has a header but no community row");
    }

    @Test
    void aValueUnderNoHeaderRejectsTheRow(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.csv");
        Files.writeString(file, "id,platform,createdOn,asOf,members.total,\n"
                + "g1,wechat,2026-01-01,2026-11-30,10,\n"
                + "g2,wechat,2026-01-01,2026-11-30,10,oops\n");
        ImportResult r = read(file);
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("g1");
        assertThat(r.rejected().get(0).getMessage()).isEqualTo(file + " row 3: column F holds \"oops\" but has no header");
    }

    @Test
    void anUnclosedQuoteRefusesTheFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.csv");
        Files.writeString(file, "id,platform,createdOn,asOf,members.total\ng1,\"wechat,2026-01-01,2026-11-30,10\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file + ": not valid CSV");
    }

    @Test
    void withoutFastexcelCsvStillWorksAndXlsxSaysWhatItNeeds(@TempDir Path tmp) throws Exception {
        Path xlsx = tmp.resolve("clients.xlsx");
        writeXlsx(DIR.resolve("clients.csv"), xlsx);
        List<java.net.URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        // the project's classes again, in a loader that cannot see fastexcel (as when the optional jar is absent)
        try (java.net.URLClassLoader noFastexcel = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]),
                ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.dhatim.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> importer = noFastexcel.loadClass(Importer.class.getName());
            Class<?> format = noFastexcel.loadClass(Format.class.getName());
            Class<?> options = noFastexcel.loadClass(ImportOptions.class.getName());
            assertThat(importer).isNotSameAs(Importer.class);
            Object sheet = format.getMethod("valueOf", String.class).invoke(null, "SHEET");
            Object defaults = options.getMethod("defaults").invoke(null);
            java.lang.reflect.Method read = importer.getMethod("read", format, List.class, options);

            Object result = read.invoke(null, sheet, List.of(DIR.resolve("clients.csv")), defaults);
            assertThat((List<?>) result.getClass().getMethod("communities").invoke(result)).hasSize(3);

            assertThatThrownBy(() -> read.invoke(null, sheet, List.of(xlsx), defaults))
                    .isInstanceOf(java.lang.reflect.InvocationTargetException.class)
                    .cause().hasMessage(xlsx + ": reading .xlsx needs org.dhatim:fastexcel-reader on the classpath "
                            + "(or save the sheet as CSV UTF-8)");
            Class<?> template = noFastexcel.loadClass(SheetTemplate.class.getName());
            Class<?> lang = noFastexcel.loadClass(org.communityadvisor.Lang.class.getName());
            Object en = lang.getMethod("valueOf", String.class).invoke(null, "EN");
            java.io.StringWriter csv = new java.io.StringWriter();
            template.getMethod("csv", lang, java.io.Writer.class).invoke(null, en, csv);
            assertThat(csv.toString()).startsWith("\uFEFFid,name,");
            assertThatThrownBy(() -> template.getMethod("xlsx", lang, OutputStream.class)
                    .invoke(null, en, OutputStream.nullOutputStream()))
                    .cause().hasMessage("writing .xlsx needs org.dhatim:fastexcel on the classpath (or write the "
                            + "template as CSV)");
        }
    }

    @Test
    void columnLetters() {
        assertThat(SheetReader.letter(0)).isEqualTo("A");
        assertThat(SheetReader.letter(25)).isEqualTo("Z");
        assertThat(SheetReader.letter(26)).isEqualTo("AA");
        assertThat(SheetReader.letter(51)).isEqualTo("AZ");
        assertThat(SheetReader.letter(52)).isEqualTo("BA");
        assertThat(SheetReader.letter(701)).isEqualTo("ZZ");
        assertThat(SheetReader.letter(702)).isEqualTo("AAA");
    }
}
