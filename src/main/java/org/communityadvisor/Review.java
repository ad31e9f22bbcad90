package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotModel;

/**
 * What changed since the last review of one community: each recommendation marked new, still open (since when),
 * resolved (fired before, not now) or back (resolved earlier, firing again); for each resolved one whether the
 * figure it watched moved the right way (verified) or not (resolved without effect); the score changes. Immutable.
 *
 * <pre>{@code
 * Review r = Review.of(advisor.advise(lastMonth), advisor.advise(today), today);
 * r.items().forEach(i -> System.out.println(i.status() + " " + i.id()));
 * }</pre>
 *
 * @param since           the asOf of the earlier advice
 * @param asOf            the asOf of the later advice
 * @param items           one per recommendation shown in either advice, in the later advice's rank order, then
 *                        the resolved ones by id
 * @param scores          each score that changed: before, after, difference (a score that became unknown has no
 *                        difference)
 * @param resolvedEarlier ids resolved in an earlier review and still quiet: they are <em>back</em> if they fire
 *                        again (carried so that a saved advice JSON can be the base of the next review)
 */
@JsonPropertyOrder({"since", "asOf", "items", "scores", "resolvedEarlier"})
public record Review(LocalDate since, LocalDate asOf, List<Item> items, List<ScoreChange> scores,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> resolvedEarlier) {
    public Review {
        items = List.copyOf(items);
        scores = List.copyOf(scores);
        resolvedEarlier = resolvedEarlier == null ? List.of() : List.copyOf(resolvedEarlier);
    }

    /** Where a recommendation stands against the last review. */
    public enum Status implements Labelled {
        NEW("new"), OPEN("open"), RESOLVED("resolved"), BACK("back");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        @JsonValue
        @Override
        public String json() {
            return json;
        }

        @Override
        public String textKey() {
            return "review.status." + json;
        }
    }

    /** Whether a resolved recommendation's figure moved the right way. */
    public enum Outcome implements Labelled {
        /** a value it watched moved towards or past its threshold */
        VERIFIED("verified"),
        /** it stopped firing for another reason: the data became unknown, it was acknowledged or held back */
        WITHOUT_EFFECT("without-effect");

        private final String json;

        Outcome(String json) {
            this.json = json;
        }

        @JsonValue
        @Override
        public String json() {
            return json;
        }

        @Override
        public String textKey() {
            return "review.outcome." + json;
        }
    }

    /** Why a resolution had no effect. */
    public enum Cause implements Labelled {
        /** a value it watched is unknown now */
        UNKNOWN("unknown"),
        /** the operator acknowledged it */
        ACKNOWLEDGED("acknowledged"),
        /** another recommendation holds it back */
        HELD_BACK("held-back"),
        /** none of the values it watched moved the right way */
        UNMOVED("unmoved");

        private final String json;

        Cause(String json) {
            this.json = json;
        }

        @JsonValue
        @Override
        public String json() {
            return json;
        }

        @Override
        public String textKey() {
            return "review.cause." + json;
        }
    }

    /**
     * One recommendation against the last review.
     *
     * @param id        the catalog id
     * @param status    new, open, resolved or back
     * @param title     the recommendation's title: from the later advice, or for a resolved one from the earlier
     *                  advice or the catalog; {@code null} when neither knows it
     * @param firstSeen for an open one, the first asOf it was seen firing in this series (for new and back: now)
     * @param outcome   for a resolved one: verified or without effect; else {@code null}
     * @param cause     for one resolved without effect: why; else {@code null}
     * @param heldBy    for one held back now: {@code acknowledged} or the id that holds it back
     * @param reason    for one acknowledged now: the operator's reason, when given
     * @param note      for one acknowledged now: the operator's note, when given
     * @param moves     for a resolved one: each watched snapshot value, before and after
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "status", "title", "firstSeen", "outcome", "cause", "heldBy", "reason", "note", "moves"})
    public record Item(String id, Status status, String title, LocalDate firstSeen, Outcome outcome, Cause cause, String heldBy,
                       AckReason reason, String note, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Move> moves) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            moves = moves == null ? List.of() : List.copyOf(moves);
        }
    }

    /** A watched snapshot value before and after ({@code null}: unknown), and the threshold it was judged by. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"path", "before", "after", "threshold"})
    public record Move(String path, Object before, Object after,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Object threshold) {
    }

    /** A score that changed. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"score", "before", "after", "change"})
    public record ScoreChange(String score, Integer before, Integer after, Integer change) {
    }

    /** The items of one status, in order. */
    public List<Item> with(Status status) {
        return items.stream().filter(i -> i.status() == status).toList();
    }

    /** The review of a later advice against an earlier one (made from snapshots or read from JSON). */
    public static Review of(Advice before, Advice after, Snapshot afterSnapshot) {
        return of(Json.MAPPER.valueToTree(before), after, afterSnapshot, id -> null);
    }

    /** The review of a later advice against an earlier advice given as its JSON tree, without the catalog. */
    public static Review of(JsonNode before, Advice after, Snapshot afterSnapshot) {
        return of(before, after, afterSnapshot, id -> null);
    }

    /**
     * The review of a later advice against an earlier advice given as its JSON tree: when that tree holds a
     * {@code review} of its own, open items keep their first date and earlier resolutions can come back. A
     * resolved item takes its title from {@code catalogTitle} (the rule's title in the later advice's language),
     * else from the earlier advice.
     *
     * @param catalogTitle the catalog's title of a recommendation id in the later advice's language, or
     *                     {@code null} when it does not know the id
     */
    public static Review of(JsonNode before, Advice after, Snapshot afterSnapshot,
                            java.util.function.Function<String, String> catalogTitle) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(catalogTitle, "catalogTitle");
        JsonNode afterSnap = afterSnapshot == null ? NullNode.getInstance() : Json.MAPPER.valueToTree(afterSnapshot);
        LocalDate since = LocalDate.parse(before.path("asOf").asText());
        Map<String, JsonNode> old = new LinkedHashMap<>();
        for (JsonNode r : before.path("recommendations")) {
            old.put(r.path("id").asText(), r);
        }
        JsonNode earlier = before.path("review");
        Map<String, LocalDate> firstSeen = new LinkedHashMap<>();
        Set<String> resolvedEarlier = new TreeSet<>();
        for (JsonNode i : earlier.path("items")) {
            String st = i.path("status").asText();
            if (st.equals("resolved")) {
                resolvedEarlier.add(i.path("id").asText());
            } else if (i.hasNonNull("firstSeen")) {
                firstSeen.put(i.path("id").asText(), LocalDate.parse(i.path("firstSeen").asText()));
            }
        }
        earlier.path("resolvedEarlier").forEach(n -> resolvedEarlier.add(n.asText()));

        Map<String, String> titles = new LinkedHashMap<>();
        after.recommendations().forEach(r -> titles.put(r.id(), r.title()));
        List<Item> items = new ArrayList<>();
        Set<String> now = new LinkedHashSet<>(after.ids());
        for (String id : now) {
            if (old.containsKey(id)) {
                items.add(new Item(id, Status.OPEN, titles.get(id), firstSeen.getOrDefault(id, since), null, null, null, null, null,
                        null));
            } else {
                items.add(new Item(id, resolvedEarlier.contains(id) ? Status.BACK : Status.NEW, titles.get(id), after.asOf(), null,
                        null, null, null, null, null));
            }
        }
        Map<String, Advice.Suppression> held = new LinkedHashMap<>();
        after.suppressed().forEach(s -> held.put(s.id(), s));
        for (Map.Entry<String, JsonNode> e : new java.util.TreeMap<>(old).entrySet()) {
            if (!now.contains(e.getKey())) {
                String fromCatalog = catalogTitle.apply(e.getKey());
                String title = fromCatalog != null ? fromCatalog
                        : e.getValue().path("title").isTextual() ? e.getValue().path("title").asText() : null;
                items.add(resolved(e.getKey(), title, e.getValue().path("evidence"), held.get(e.getKey()), afterSnap));
            }
        }
        Set<String> quiet = new TreeSet<>(resolvedEarlier);
        quiet.removeAll(now);
        return new Review(since, after.asOf(), items, scores(before.path("scores"), Json.MAPPER.valueToTree(after.scores())),
                List.copyOf(quiet));
    }

    private static Item resolved(String id, String title, JsonNode evidence, Advice.Suppression held, JsonNode snapshot) {
        List<Move> moves = new ArrayList<>();
        JsonNode threshold = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = evidence.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (threshold == null && !SnapshotModel.paths().contains(f.getKey()) && f.getValue().isNumber()
                    && org.communityadvisor.engine.Values.isThreshold(f.getKey())) {
                threshold = f.getValue();
            }
        }
        boolean unknown = false;
        boolean right = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = evidence.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!SnapshotModel.paths().contains(f.getKey())) {
                continue;
            }
            JsonNode was = f.getValue();
            JsonNode is = snapshot.at("/" + f.getKey().replace('.', '/'));
            if (is.isMissingNode() || is.isNull()) {
                unknown = true;
            } else if (was.isNumber() && is.isNumber()) {
                double a = was.asDouble();
                double b = is.asDouble();
                right |= threshold == null ? a != b : a < threshold.asDouble() ? b > a : b < a;
            } else if (!was.isNull()) {
                right |= !was.equals(is);
            }
            moves.add(new Move(f.getKey(), value(was), value(is), threshold == null || !was.isNumber() ? null
                    : value(threshold)));
        }
        if (held != null) {
            boolean ack = held.heldBy() == Advice.Suppression.HeldBy.ACKNOWLEDGEMENT;
            return new Item(id, Status.RESOLVED, title, null, Outcome.WITHOUT_EFFECT, ack ? Cause.ACKNOWLEDGED : Cause.HELD_BACK,
                    held.by(), held.ackReason(), held.note(), moves);
        }
        if (right) {
            return new Item(id, Status.RESOLVED, title, null, Outcome.VERIFIED, null, null, null, null, moves);
        }
        return new Item(id, Status.RESOLVED, title, null, Outcome.WITHOUT_EFFECT, unknown ? Cause.UNKNOWN : Cause.UNMOVED,
                null, null, null, moves);
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isIntegralNumber() ? (Object) n.asLong() : n.isNumber() ? n.asDouble() : n.isBoolean() ? n.asBoolean()
                : n.asText();
    }

    private static List<ScoreChange> scores(JsonNode before, JsonNode after) {
        List<ScoreChange> out = new ArrayList<>();
        for (String name : List.of("overall", "activity", "participation", "growth", "conversion", "loyalty",
                "influence", "operations")) {
            JsonNode a = before.path(name);
            JsonNode b = after.path(name);
            Integer x = a.isNumber() ? a.asInt() : null;
            Integer y = b.isNumber() ? b.asInt() : null;
            if (!Objects.equals(x, y)) {
                out.add(new ScoreChange(name, x, y, x == null || y == null ? null : y - x));
            }
        }
        return out;
    }
}
