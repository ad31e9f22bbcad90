package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Severity of a recommendation, most urgent first. */
public enum Severity implements Labelled {
    CRITICAL("critical", "紧急"),
    HIGH("high", "高"),
    MEDIUM("medium", "中"),
    LOW("low", "低");

    private final String json;
    private final String zh;

    Severity(String json, String zh) {
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
