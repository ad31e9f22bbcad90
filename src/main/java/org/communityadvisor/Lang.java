package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Language of user-facing text. */
public enum Lang {
    EN("en"),
    ZH("zh");

    private final String json;

    Lang(String json) {
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
