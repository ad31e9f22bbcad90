package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle stage of a community (catalog: Lifecycle stage). */
public enum Stage {
    LAUNCH("launch"),
    GROWTH("growth"),
    MATURE("mature"),
    DECLINING("declining"),
    DORMANT("dormant"),
    POST_EVENT("post-event");

    private final String json;

    Stage(String json) {
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
