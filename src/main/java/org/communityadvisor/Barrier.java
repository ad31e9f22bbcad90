package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Entry barrier 准入门槛 (contract: {@code entry.barrier}). */
public enum Barrier {
    NONE("none"),
    APPROVAL("approval"),
    REFERRAL("referral"),
    TASK("task"),
    PAID("paid");

    private final String json;

    Barrier(String json) {
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
