package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Low or high, for ticket size and purchase frequency (seed 003). */
public enum Level implements Labelled {
    LOW("low", "低"),
    HIGH("high", "高");

    private final String json;
    private final String zh;

    Level(String json, String zh) {
        this.json = json;
        this.zh = zh;
    }

    /** The value as written in JSON. */
    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /** The value in Chinese (沉寂期, 无门槛, 高). */
    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String toString() {
        return json;
    }
}
