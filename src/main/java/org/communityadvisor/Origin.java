package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the group was founded (contract: {@code origin}; seed 004). */
public enum Origin {
    BUSINESS("business"),
    EVENT("event");

    private final String json;

    Origin(String json) {
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
