package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Severity of a recommendation, most urgent first. */
public enum Severity {
    CRITICAL("critical"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String json;

    Severity(String json) {
        this.json = json;
    }

    /** The value as written in JSON. */
    @JsonValue
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
