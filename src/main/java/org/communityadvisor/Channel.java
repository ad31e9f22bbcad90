package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** How people join (contract: {@code entry.channels}). */
public enum Channel implements Labelled {
    QR("qr"),
    LIVECODE("livecode"),
    INVITE("invite"),
    LINK("link"),
    OFFLINE("offline"),
    SEARCH("search");

    private final String json;
    private final String textKey;

    Channel(String json) {
        this.json = json;
        this.textKey = "channel." + json;
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
