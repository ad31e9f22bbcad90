package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Severity of a recommendation, most urgent first. */
public enum Severity implements Labelled {
    CRITICAL("critical"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String json;
    private final String textKey;

    Severity(String json) {
        this.json = json;
        this.textKey = "severity." + json;
    }

    /** The value as written in JSON. */
    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @Override
    public String textKey() {
        return textKey;
    }

    @Override
    public String toString() {
        return json;
    }
}
