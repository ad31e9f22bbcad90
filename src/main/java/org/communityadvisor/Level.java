package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Low or high, for ticket size and purchase frequency (seed 003). */
public enum Level implements Labelled {
    LOW("low"),
    HIGH("high");

    private final String json;
    private final String textKey;

    Level(String json) {
        this.json = json;
        this.textKey = "level." + json;
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
