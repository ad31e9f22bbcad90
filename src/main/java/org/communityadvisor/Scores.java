package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The composite evaluation (seed 002: 综合评估): each sub-score 0-100, {@code null} where its inputs are
 * unknown; {@code influence} (002: 品牌影响力, 用户推荐新用户) comes from members' referrals;
 * {@code overall} is the weighted mean of the known sub-scores. {@code change} (an optional
 * addition to the contract) holds each sub-score's change against four weeks earlier, where history allows.
 */
@JsonPropertyOrder({"overall", "activity", "participation", "growth", "conversion", "loyalty", "influence", "operations",
        "change"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Scores(Integer overall, Integer activity, Integer participation, Integer growth, Integer conversion,
                     Integer loyalty, Integer influence, Integer operations, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> change) {
    public Scores {
        // Sorted by name, so the JSON is the same on every run (Map.copyOf's order changes with each JVM).
        change = change == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(change));
    }
}
