package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The advice for one snapshot, exactly as the contract's Advice JSON. Immutable.
 *
 * @param communityId     the snapshot's {@code id}
 * @param asOf            the snapshot's date
 * @param stage           the lifecycle stage
 * @param stageReasons    which values decided the stage
 * @param dataWarnings    values that look impossible for the platform, or a history with gaps: shown after the
 *                        stage, never stopping the advice (empty when none)
 * @param recommendations ranked: severity first, then the rule's weight, then id; rank starts at 1
 * @param suppressed      what matched but was held back, and by what
 * @param focus           the ids of at most three recommendations to do first: the highest severity left first,
 *                        then a category not yet in the focus; never a {@code measurement.*} item, never a
 *                        symptom while one of its causes waits
 * @param scores          the composite evaluation, 0-100, {@code null} where unknown
 * @param dataGaps        snapshot paths that were unknown but would have let more rules decide
 * @param rulesVersion    content hash of the rules that produced this advice
 * @param profile         the profile and threshold values used (an optional addition to the contract); without
 *                        a profile named by the caller, the bundled profile of the snapshot's platform
 */
@JsonPropertyOrder({"communityId", "asOf", "stage", "stageReasons", "dataWarnings", "recommendations", "suppressed", "focus",
        "scores", "dataGaps", "rulesVersion", "profile"})
public record Advice(
        String communityId,
        LocalDate asOf,
        Stage stage,
        List<String> stageReasons,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<DataWarning> dataWarnings,
        List<Recommendation> recommendations,
        List<Suppression> suppressed,
        List<String> focus,
        Scores scores,
        List<String> dataGaps,
        String rulesVersion,
        ProfileUsed profile) {

    public Advice {
        stageReasons = List.copyOf(stageReasons);
        dataWarnings = dataWarnings == null ? List.of() : List.copyOf(dataWarnings);
        recommendations = List.copyOf(recommendations);
        suppressed = List.copyOf(suppressed);
        focus = List.copyOf(focus);
        dataGaps = List.copyOf(dataGaps);
    }

    /** The recommendations named in {@link #focus()}, in rank order. */
    public List<Recommendation> focusRecommendations() {
        return recommendations.stream().filter(r -> focus.contains(r.id())).toList();
    }

    /** The ids of the recommendations, in rank order. */
    public List<String> ids() {
        return recommendations.stream().map(Recommendation::id).toList();
    }

    /** One ranked, explained recommendation. */
    @JsonPropertyOrder({"rank", "id", "category", "severity", "title", "action", "why", "causes", "evidence", "source"})
    public record Recommendation(int rank, String id, Category category, Severity severity, String title,
                                 String action, String why,
                                 @com.fasterxml.jackson.annotation.JsonInclude(
                                         com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                                 List<String> causes,
                                 Map<String, Object> evidence, Source source) {
        /** A recommendation that names no likely cause. */
        public Recommendation(int rank, String id, Category category, Severity severity, String title, String action,
                              String why, Map<String, Object> evidence, Source source) {
            this(rank, id, category, severity, title, action, why, List.of(), evidence, source);
        }

        public Recommendation {
            causes = causes == null ? List.of() : List.copyOf(causes);
            evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        }
    }

    /** The seed passage a rule encodes. */
    public record Source(String document, String quote) {
    }

    /**
     * A value that looks wrong for the community (more members than the platform allows in one group), or a
     * history with gaps: the advice still stands, but the figure should be checked.
     *
     * @param path   the snapshot path it concerns
     * @param reason why, in the advice's language
     */
    @JsonPropertyOrder({"path", "reason"})
    public record DataWarning(String path, String reason) {
    }

    /**
     * A recommendation held back: by another rule's id, or by {@code acknowledged}; then {@code ackReason} and
     * {@code note} are the operator's, when the acknowledgement gives them (optional additions to the contract).
     */
    @JsonPropertyOrder({"id", "by", "reason", "ackReason", "note"})
    public record Suppression(String id, String by, String reason,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              AckReason ackReason,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              String note) {
        /** A suppression with no reason of the operator's: by another rule, or acknowledged without one. */
        public Suppression(String id, String by, String reason) {
            this(id, by, reason, null, null);
        }

        /** The value of {@code by} when the operator acknowledged the advice and put it off. */
        public static final String ACKNOWLEDGED = "acknowledged";

        /** What held a recommendation back. */
        public enum HeldBy {
            /** another recommendation that supersedes it ({@code by} is its id) */
            RULE,
            /** the operator's {@code acknowledged} entry, until its date */
            ACKNOWLEDGEMENT
        }

        /** Whether another rule or the operator's acknowledgement held it back. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public HeldBy heldBy() {
            return ACKNOWLEDGED.equals(by) ? HeldBy.ACKNOWLEDGEMENT : HeldBy.RULE;
        }
    }

    /** The profile an advice was made with. */
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = ProfileUsedSerializer.class)
    public record ProfileUsed(String name, Thresholds thresholds) {
    }

    /**
     * Every advice made with a profile repeats the same forty thresholds: written once per profile and then
     * copied as raw JSON into compact output (pretty output is written field by field, to keep its indentation).
     */
    static final class ProfileUsedSerializer extends com.fasterxml.jackson.databind.JsonSerializer<ProfileUsed> {
        private static final java.util.concurrent.ConcurrentHashMap<ProfileUsed, String> WRITTEN =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void serialize(ProfileUsed value, com.fasterxml.jackson.core.JsonGenerator gen,
                com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
            if (gen.getPrettyPrinter() == null) {
                String raw = WRITTEN.get(value);
                if (raw == null) {
                    raw = org.communityadvisor.json.Json.MAPPER.writeValueAsString(fields(value));
                    if (WRITTEN.size() < 64) {
                        WRITTEN.put(value, raw);
                    }
                }
                gen.writeRawValue(raw);
            } else {
                provider.defaultSerializeValue(fields(value), gen);
            }
        }

        private static java.util.Map<String, Object> fields(ProfileUsed value) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("name", value.name());
            out.put("thresholds", value.thresholds());
            return out;
        }
    }
}
