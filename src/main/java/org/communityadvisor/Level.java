package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Low or high, for ticket size and purchase frequency (seed 003). */
public enum Level {
    LOW("low"),
    HIGH("high");

    private final String json;

    Level(String json) {
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
