package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The composite evaluation (seed 002: 综合评估): each sub-score 0-100, {@code null} where its inputs are
 * unknown; {@code overall} is the weighted mean of the known sub-scores.
 */
@JsonPropertyOrder({"overall", "activity", "participation", "growth", "conversion", "loyalty"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Scores(Integer overall, Integer activity, Integer participation, Integer growth, Integer conversion,
                     Integer loyalty) {
}
