package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the group is for (contract: {@code purpose}). */
public enum Purpose implements Labelled {
    SHARING("sharing"),
    SALES("sales"),
    ENABLEMENT("enablement"),
    SUPPORT("support"),
    CAMPAIGN("campaign"),
    LEARNING("learning");

    private final String json;
    private final String textKey;

    Purpose(String json) {
        this.json = json;
        this.textKey = "purpose." + json;
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
