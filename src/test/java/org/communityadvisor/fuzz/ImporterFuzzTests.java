package org.communityadvisor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Advisor;
import org.communityadvisor.ImportException;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;

/**
 * Coverage-guided fuzzing (Jazzer) of the importers ({@link Importer#read}): whatever the file holds, the import
 * ends in communities or in an {@link ImportException} naming the file, never any other exception; and every
 * community it builds is a snapshot the advisor accepts.
 *
 * <p>The fuzz bytes are written to a file of this thread's (reused for every input) named as the format expects.
 * Formats read from several files take them from one input split at lines {@value #SEPARATOR_TEXT}: Slack's
 * {@code channels.json} (an empty first part writes no {@code channels.json} but a {@code dms.json}, as an export of
 * direct messages only has), {@code users.json}, then day files of {@code general}; WeCom's {@code groupchat_get.json}
 * then {@code statistic_by_day.json}; events' JSONL then its group facts; Discord's channel files.
 *
 * <p>{@code mvn test} replays the committed corpus in
 * {@code src/test/resources/org/communityadvisor/fuzz/ImporterFuzzTestsInputs/<method>/} (regression mode);
 * {@code scripts/fuzz.sh} fuzzes each method for real and merges what adds coverage into that corpus.
 */
class ImporterFuzzTests {
    static final String SEPARATOR_TEXT = "\n--8<--\n";
    private static final byte[] SEPARATOR = SEPARATOR_TEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Advisor ADVISOR = Advisor.builder().build();
    /** Message logs count no members: give them, so that more inputs reach the snapshot. */
    private static final ImportOptions MEMBERS = ImportOptions.builder().members(140).build();

    @FuzzTest
    void telegram(byte[] data) {
        importsOrRefuses(Format.TELEGRAM, MEMBERS, one("result.json", data));
    }

    @FuzzTest
    void discord(byte[] data) {
        // one channel file per part: a channel and its re-export are merged by message id
        List<byte[]> parts = split(data);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path file = TempFiles.file(i == 0 ? "general.json" : "general-" + i + ".json");
            TempFiles.write(file, parts.get(i));
            files.add(file);
        }
        importsOrRefuses(Format.DISCORD, MEMBERS, files);
    }

    @FuzzTest
    void slack(byte[] data) {
        Path dir = TempFiles.emptyDir("acme");
        List<byte[]> parts = split(data);
        for (int i = 0; i < parts.size(); i++) {
            if (i == 0 && parts.get(0).length == 0) {
                TempFiles.write(dir.resolve("dms.json"), "[]".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                continue;
            }
            String name = switch (i) {
                case 0 -> "channels.json";
                case 1 -> "users.json";
                default -> "general/2026-11-" + String.format("%02d", Math.min(i - 1, 30)) + ".json";
            };
            TempFiles.write(dir.resolve(name), parts.get(i));
        }
        importsOrRefuses(Format.SLACK, ImportOptions.defaults(), List.of(dir));
    }

    @FuzzTest
    void slackAnalytics(byte[] data) {
        importsOrRefuses(Format.SLACK_ANALYTICS, ImportOptions.defaults(), one("analytics.csv", data));
    }

    @FuzzTest
    void wechat(byte[] data) {
        importsOrRefuses(Format.WECHAT, MEMBERS, one("group.csv", data));
    }

    @FuzzTest
    void qq(byte[] data) {
        importsOrRefuses(Format.QQ, MEMBERS, one("group.txt", data));
    }

    @FuzzTest
    void wecom(byte[] data) {
        Path dir = TempFiles.emptyDir("wecom");
        List<byte[]> parts = split(data);
        TempFiles.write(dir.resolve("groupchat_get.json"), parts.get(0));
        if (parts.size() > 1) {
            TempFiles.write(dir.resolve("statistic_by_day.json"), parts.get(1));
        }
        importsOrRefuses(Format.WECOM, ImportOptions.defaults(), List.of(dir));
    }

    @FuzzTest
    void events(byte[] data) {
        List<byte[]> parts = split(data);
        List<Path> events = one("events.jsonl", parts.get(0));
        ImportOptions options = ImportOptions.defaults();
        if (parts.size() > 1) {
            Path groups = TempFiles.file("groups.jsonl");
            TempFiles.write(groups, parts.get(1));
            options = ImportOptions.builder().groups(groups).build();
        }
        importsOrRefuses(Format.EVENTS, options, events);
    }

    @FuzzTest
    void sheetCsv(byte[] data) {
        importsOrRefuses(Format.SHEET, ImportOptions.defaults(), one("clients.csv", data));
    }

    @FuzzTest
    void sheetXlsx(byte[] data) {
        importsOrRefuses(Format.SHEET, ImportOptions.defaults(), one("clients.xlsx", data));
    }

    private static List<Path> one(String name, byte[] data) {
        Path file = TempFiles.file(name);
        TempFiles.write(file, data);
        return List.of(file);
    }

    private static void importsOrRefuses(Format format, ImportOptions options, List<Path> paths) {
        ImportResult result;
        try {
            result = Importer.read(format, paths, options);
        } catch (ImportException e) {
            if (e.reason() == null || e.reason().isBlank()) {
                throw new AssertionError("ImportException without a reason", e);
            }
            return;
        }
        for (ImportException rejected : result.rejected()) {
            if (rejected.reason() == null || rejected.reason().isBlank()) {
                throw new AssertionError("rejected without a reason", rejected);
            }
        }
        for (ImportedCommunity c : result.communities()) {
            // An imported snapshot is validated: the advisor must take it as it is.
            org.communityadvisor.FuzzTest.satisfiesTheContract(ADVISOR.advise(c.snapshot()));
        }
    }

    /** The parts of one input, at each {@link #SEPARATOR}; at least one (possibly empty). */
    static List<byte[]> split(byte[] data) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + SEPARATOR.length <= data.length; i++) {
            if (matchesAt(data, i)) {
                parts.add(java.util.Arrays.copyOfRange(data, start, i));
                i += SEPARATOR.length - 1;
                start = i + 1;
            }
        }
        parts.add(java.util.Arrays.copyOfRange(data, start, data.length));
        return parts;
    }

    private static boolean matchesAt(byte[] data, int at) {
        for (int j = 0; j < SEPARATOR.length; j++) {
            if (data[at + j] != SEPARATOR[j]) {
                return false;
            }
        }
        return true;
    }
}
