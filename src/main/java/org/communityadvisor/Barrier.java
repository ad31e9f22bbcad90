package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Entry barrier 准入门槛 (contract: {@code entry.barrier}). */
public enum Barrier implements Labelled {
    NONE("none"),
    APPROVAL("approval"),
    REFERRAL("referral"),
    TASK("task"),
    PAID("paid");

    private final String json;
    private final String textKey;

    Barrier(String json) {
        this.json = json;
        this.textKey = "barrier." + json;
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
