package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Advisor;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events format and the derivations common to message logs, at their boundaries. */
class EventsReaderTest {
    static final Path DIR = Path.of("src/test/resources/import/events");
    static final ImportOptions WITH_FACTS = ImportOptions.builder().groups(DIR.resolve("groups.jsonl")).build();

    static ImportedCommunity one(ImportOptions options) {
        ImportResult r = Importer.read(Format.EVENTS, List.of(DIR.resolve("group.jsonl")), options);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    static Map<String, ImportReport.Field> fields(ImportedCommunity c) {
        return c.report().fields().stream().collect(Collectors.toMap(ImportReport.Field::path, f -> f));
    }

    @Test
    void countsTheSevenAndThirtyDaysEndingOnTheLastEventsDay() {
        ImportedCommunity c = one(WITH_FACTS);
        Snapshot s = c.snapshot();
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(s.id()).isEqualTo("g1");
        assertThat(s.platform()).isEqualTo(Platform.DISCORD);
        assertThat(s.createdOn()).isEqualTo(LocalDate.parse("2026-09-01"));
        // 23 Nov 23:30 UTC is asOf-7: outside; 24 Nov 00:10 is asOf-6: inside
        assertThat(s.activity().messages7d()).isEqualTo(9);
        assertThat(s.activity().activeMembers7d()).isEqualTo(5);
        // u1 posted on 31 Oct (asOf-30, outside), u2 on 1 Nov (asOf-29, inside): 5 senders in 30 days
        assertThat(s.members().silent30d()).isEqualTo(10 - 5);
        assertThat(s.members().joined7d()).isEqualTo(1);
        assertThat(s.members().left7d()).isEqualTo(1);
        assertThat(s.activity().officialPosts7d()).isEqualTo(1);
        assertThat(s.entry().channels()).containsExactly(Channel.QR, Channel.INVITE);
        assertThat(s.operations().rules()).isTrue();
        assertThat(s.activity().adMessages7d()).isNull();
    }

    @Test
    void aQuestionIsAnsweredByAnotherSenderInItsThreadWithin24HoursAndAYoungOneIsNotCountedYet() {
        Snapshot s = one(WITH_FACTS).snapshot();
        // q1 answered after 12 h; q2 (thread t2) answered after 25 h: unanswered; q3 is 23 h old at the end of asOf
        assertThat(s.activity().unansweredQuestions7d()).isEqualTo(1);
        Snapshot dayLater = one(WITH_FACTS.toBuilder().asOf(LocalDate.parse("2026-12-01")).build()).snapshot();
        // on 1 Dec q3 is old enough, and was answered by a1 and u6 within 24 hours: still 1 (q2)
        assertThat(dayLater.activity().unansweredQuestions7d()).isEqualTo(1);
    }

    @Test
    void theZoneDecidesTheCalendarDay() {
        Snapshot s = one(WITH_FACTS.toBuilder().zone(ZoneId.of("Asia/Shanghai")).build()).snapshot();
        // 23 Nov 23:30 UTC is 24 Nov 07:30 in Shanghai: inside the 7 days
        assertThat(s.activity().messages7d()).isEqualTo(10);
        assertThat(s.activity().activeMembers7d()).isEqualTo(5);
    }

    @Test
    void historyWeeksEndOnAsOfMinusSevenKWithMembersReconstructedFromJoinsAndLeaves() {
        ImportedCommunity c = one(WITH_FACTS);
        List<Snapshot.HistoryPoint> h = c.snapshot().history();
        assertThat(h).extracting(Snapshot.HistoryPoint::weekEnding).containsExactly(
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"),
                LocalDate.parse("2026-11-23"));
        assertThat(h).extracting(Snapshot.HistoryPoint::messages).containsExactly(2, 0, 0, 1);
        assertThat(h).extracting(Snapshot.HistoryPoint::activeMembers).containsExactly(2, 0, 0, 1);
        // 10 now; u6 joined on 10 Nov, u5 joined and u1 left after 23 Nov
        assertThat(h).extracting(Snapshot.HistoryPoint::members).containsExactly(9, 9, 10, 10);
        assertThat(fields(c).get("history").how()).isEqualTo(ImportReport.How.ESTIMATED);
    }

    @Test
    void theReportTellsCountedFromGivenEstimatedAndUnknown() {
        Map<String, ImportReport.Field> f = fields(one(WITH_FACTS));
        assertThat(f.get("activity.messages7d").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.get("members.total").how()).isEqualTo(ImportReport.How.GIVEN);
        assertThat(f.get("asOf").how()).isEqualTo(ImportReport.How.ESTIMATED);
        assertThat(f.get("activity.adMessages7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("operations.rules").how()).isEqualTo(ImportReport.How.GIVEN);
        assertThat(one(WITH_FACTS).report().skipped()).extracting(ImportReport.Skipped::what, ImportReport.Skipped::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pin", 1));
    }

    @Test
    void heuristicsEstimateAdsFromLinksByNonOfficialSenders() {
        ImportedCommunity c = one(WITH_FACTS.toBuilder().heuristics(true).build());
        assertThat(c.snapshot().activity().adMessages7d()).isEqualTo(1);
        assertThat(fields(c).get("activity.adMessages7d").how()).isEqualTo(ImportReport.How.ESTIMATED);
    }

    @Test
    void peopleNameTheRepliedToTheSilentNewcomerAndTheUnansweredQuestion() {
        People p = one(WITH_FACTS.toBuilder().people(true).build()).report().people();
        assertThat(p.candidates().get(0).id()).isEqualTo("u4");
        assertThat(p.candidates().get(0).repliesReceived30d()).isEqualTo(1);
        assertThat(p.candidates().get(0).messages30d()).isEqualTo(3);
        assertThat(p.candidates()).extracting(People.Candidate::id).doesNotContain("a1");
        assertThat(p.silentNewcomers()).extracting(People.Newcomer::id, People.Newcomer::joinedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u5", LocalDate.parse("2026-11-25")));
        assertThat(p.unanswered()).extracting(People.Question::senderId, People.Question::text, People.Question::thread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u3", "Where is the file？", "t2"));
        assertThat(p.unanswered().get(0).time()).isEqualTo(LocalDateTime.parse("2026-11-27T08:00"));
    }

    @Test
    void aGroupWithoutItsFactsIsRefusedNamingTheOptionAndTheOthersAreKept() {
        ImportResult r = Importer.read(Format.EVENTS, List.of(DIR.resolve("two-groups.jsonl")), WITH_FACTS);
        assertThat(r.communities()).extracting(c -> c.snapshot().id()).containsExactly("g2");
        assertThat(r.rejected()).hasSize(1);
        assertThat(r.rejected().get(0).getMessage()).contains("g3").contains("--platform");
        Snapshot g2 = r.communities().get(0).snapshot();
        assertThat(g2.createdOn()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(g2.members().joined7d()).isEqualTo(1);
    }

    @Test
    void theThirtyDayWindowStartsOnAsOfMinus29() {
        ImportOptions o = ImportOptions.builder().platform(Platform.WECHAT).members(4)
                .asOf(LocalDate.parse("2026-11-30")).build();
        EventLog log = Importer.log("edge", o);
        log.add(Event.message("edge", LocalDateTime.parse("2026-10-31T23:59"), "a", "x", null, "asOf-30"));
        log.add(Event.message("edge", LocalDateTime.parse("2026-11-01T00:00"), "b", "y", null, "asOf-29"));
        log.add(Event.message("edge", LocalDateTime.parse("2026-11-23T23:59"), "c", "z", null, "asOf-7"));
        log.add(Event.message("edge", LocalDateTime.parse("2026-11-24T00:00"), "d", "w", null, "asOf-6"));
        log.add(Event.message("edge", LocalDateTime.parse("2026-12-01T00:00"), "e", "v", null, "after asOf"));
        Snapshot s = log.finish().snapshot();
        assertThat(s.members().silent30d()).isEqualTo(4 - 3);
        assertThat(s.activity().messages7d()).isEqualTo(1);
        assertThat(s.activity().activeMembers7d()).isEqualTo(1);
    }

    @Test
    void theAnswerWindowIsTwentyFourHoursInclusive() {
        ImportOptions o = ImportOptions.builder().platform(Platform.WECHAT).members(4).build();
        EventLog log = Importer.log("w", o);
        log.add(Event.message("w", LocalDateTime.parse("2026-11-20T10:00"), "q1", "x", null, "at 24h?"));
        log.add(Event.message("w", LocalDateTime.parse("2026-11-21T10:00"), "a1", "y", null, "exactly 24 h later"));
        log.add(Event.message("w", LocalDateTime.parse("2026-11-22T10:00"), "q2", "x", null, "at 24h and a minute?"));
        log.add(Event.message("w", LocalDateTime.parse("2026-11-23T10:01"), "a2", "y", null, "24 h and a minute"));
        log.add(Event.message("w", LocalDateTime.parse("2026-11-24T10:00"), "q3", "x", null, "asked by x, x answers?"));
        log.add(Event.message("w", LocalDateTime.parse("2026-11-24T11:00"), "a3", "x", null, "the asker again"));
        Snapshot s = log.finish().snapshot();
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-11-24"));
        // q1 answered at 24 h; q2 not; q3 is younger than 24 h at the end of 24 Nov
        assertThat(s.activity().unansweredQuestions7d()).isEqualTo(1);
    }

    @Test
    void aMissingTotalIsRefusedNamingTheOption() {
        EventLog log = Importer.log("t", ImportOptions.builder().platform(Platform.QQ).build());
        log.add(Event.message("t", LocalDateTime.parse("2026-11-20T10:00"), "1", "x", null, "hi"));
        assertThatThrownBy(log::finish).isInstanceOf(ImportException.class)
                .hasMessageContaining("members.total").hasMessageContaining("--members");
    }

    @Test
    void malformedLinesNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"groupId\":\"g\",\"ts\":\"2026-11-20T08:00:00Z\",\"senderId\":\"a\",\"kind\":\"message\"}\n"
                + "{\"groupId\":\"g\",\"ts\":\"yesterday\",\"senderId\":\"a\",\"kind\":\"message\"}\n");
        assertThatThrownBy(() -> Importer.read(Format.EVENTS, List.of(bad), WITH_FACTS))
                .isInstanceOf(ImportException.class).hasMessageContaining("bad.jsonl line 2 ts")
                .hasMessageContaining("yesterday");
        Files.writeString(bad, "{\"groupId\":\"g\",\"ts\":\"2026-11-20T08:00:00Z\",\"senderId\":\"a\",\"kind\":\"message\"\n");
        assertThatThrownBy(() -> Importer.read(Format.EVENTS, List.of(bad), WITH_FACTS))
                .isInstanceOf(ImportException.class).hasMessageContaining("line 1").hasMessageContaining("ends too early");
        Files.writeString(bad, "{\"groupId\":\"g\",\"ts\":\"2026-11-20T08:00:00Z\",\"senderId\":\"a\",\"kind\":\"message\",\"sender\":1}\n");
        assertThatThrownBy(() -> Importer.read(Format.EVENTS, List.of(bad), WITH_FACTS))
                .isInstanceOf(ImportException.class).hasMessageContaining("unknown field \"sender\"");
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
        Path bom = dir.resolve("bom.jsonl");
        Files.write(bom, ("\uFEFF" + Files.readString(DIR.resolve("group.jsonl")).replace("\n", "\r\n"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Snapshot s = Importer.read(Format.EVENTS, List.of(bom), WITH_FACTS).communities().get(0).snapshot();
        assertThat(s.activity().messages7d()).isEqualTo(9);
    }

    @Test
    void eventsDatedBefore1990OrAfter2099AreSkippedAndReportedNotTheWholeExportRefused(@TempDir Path dir)
            throws IOException {
        Path zero = dir.resolve("zero.jsonl");
        Files.writeString(zero, "{\"groupId\":\"g1\",\"ts\":\"1970-01-01T00:00:00Z\",\"senderId\":\"u1\",\"kind\":\"message\"}\n"
                + Files.readString(DIR.resolve("group.jsonl"))
                + "{\"groupId\":\"g1\",\"ts\":\"2150-01-01T00:00:00Z\",\"senderId\":\"u1\",\"kind\":\"join\"}\n"
                + "{\"groupId\":\"g1\",\"ts\":\"1989-12-31T23:59:59Z\",\"senderId\":\"u1\",\"kind\":\"message\"}\n");
        ImportResult r = Importer.read(Format.EVENTS, List.of(zero), WITH_FACTS);
        assertThat(r.rejected()).isEmpty();
        ImportedCommunity c = r.communities().get(0);
        assertThat(c.snapshot().asOf()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(c.snapshot().activity().messages7d()).isEqualTo(9);
        assertThat(c.snapshot().members().joined7d()).isEqualTo(1);
        assertThat(c.report().skipped()).contains(
                new ImportReport.Skipped("dated before 1990 or after 2099", 3, Note.verbatim("1970-01-01")));
    }

    @Test
    void anImportedSnapshotAdvisesLikeAnyOther() {
        Snapshot s = one(WITH_FACTS).snapshot();
        assertThat(Advisor.builder().build().advise(s).communityId()).isEqualTo("g1");
    }

    @Test
    void aJoinerKnownOnlyByNameIsNoLongerSilentOnceTheyPostUnderThatName() {
        ImportOptions o = ImportOptions.builder().platform(Platform.TELEGRAM).members(5).people(true).build();
        EventLog log = Importer.log("n", o);
        log.add(new Event("n", LocalDateTime.parse("2026-11-20T10:00"), null, EventLog.NAMED + "Grace", "Grace",
                Event.Kind.JOIN, null, null, false, null, Channel.INVITE, null));
        log.add(new Event("n", LocalDateTime.parse("2026-11-20T10:00"), null, EventLog.NAMED + "Hal", "Hal",
                Event.Kind.JOIN, null, null, false, null, Channel.INVITE, null));
        log.add(Event.message("n", LocalDateTime.parse("2026-11-21T10:00"), "1", "user7", "Grace", "hello all"));
        People p = log.finish().report().people();
        assertThat(p.silentNewcomers()).extracting(People.Newcomer::id).containsExactly("name:Hal");
    }
}
