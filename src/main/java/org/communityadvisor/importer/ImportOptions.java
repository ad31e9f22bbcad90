package org.communityadvisor.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.communityadvisor.Platform;

/**
 * What the operator tells an importer beside the data (the command line's options). Every field may be
 * {@code null} (not given). Build with {@code ImportOptions.builder().asOf(...).members(140).build()}.
 *
 * @param asOf       the snapshot's day; default: the calendar day of the last event in the data
 * @param zone       the zone whose calendar days make the windows; default: the times as the export writes
 *                   them when they carry no offset, else UTC
 * @param id         the snapshot's id; default: from the export (chat, guild, workspace or group id)
 * @param name       the display name; default: the export's
 * @param platform   the platform; default: the format's own
 * @param members    {@code members.total} when the data does not count it
 * @param createdOn  the group's creation day when the data does not state it
 * @param official   sender ids whose posts are official (the operator's staff)
 * @param channel    Slack: one channel instead of the whole workspace
 * @param heuristics estimate {@code activity.adMessages7d} from links by non-official senders
 * @param merge      an RFC 7396 merge patch laid over every snapshot (what only the operator knows)
 * @param groups     events: a JSONL file of group facts keyed by {@code groupId}
 * @param people     also name the people behind the numbers (message logs only)
 */
@RecordBuilder
@RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
public record ImportOptions(LocalDate asOf, ZoneId zone, String id, String name, Platform platform, Integer members,
        LocalDate createdOn, Set<String> official, String channel, boolean heuristics, JsonNode merge, Path groups,
        boolean people) {

    public ImportOptions {
        official = official == null ? Set.of() : Set.copyOf(official);
        merge = merge == null ? null : merge.deepCopy();
    }

    /** No option given: everything from the data. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    public static ImportOptionsBuilder builder() {
        return ImportOptionsBuilder.builder();
    }

    public ImportOptionsBuilder toBuilder() {
        return ImportOptionsBuilder.builder(this);
    }
}
