package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle stage of a community (catalog: Lifecycle stage). */
public enum Stage implements Labelled {
    LAUNCH("launch"),
    GROWTH("growth"),
    MATURE("mature"),
    DECLINING("declining"),
    DORMANT("dormant"),
    POST_EVENT("post-event"),
    STALLED("stalled"),
    UNDETERMINED("undetermined");

    private final String json;
    private final String textKey;

    Stage(String json) {
        this.json = json;
        this.textKey = "stage." + json;
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
