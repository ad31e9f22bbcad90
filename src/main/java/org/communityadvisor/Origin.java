package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the group was founded (contract: {@code origin}; seed 004). */
public enum Origin implements Labelled {
    BUSINESS("business"),
    EVENT("event");

    private final String json;
    private final String textKey;

    Origin(String json) {
        this.json = json;
        this.textKey = "origin." + json;
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
