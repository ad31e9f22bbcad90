package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** How people join (contract: {@code entry.channels}). */
public enum Channel {
    QR("qr"),
    LIVECODE("livecode"),
    INVITE("invite"),
    LINK("link"),
    OFFLINE("offline"),
    SEARCH("search");

    private final String json;

    Channel(String json) {
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
