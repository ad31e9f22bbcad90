package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the group is for (contract: {@code purpose}). */
public enum Purpose {
    SHARING("sharing"),
    SALES("sales"),
    ENABLEMENT("enablement"),
    SUPPORT("support"),
    CAMPAIGN("campaign");

    private final String json;

    Purpose(String json) {
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
