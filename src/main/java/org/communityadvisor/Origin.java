package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the group was founded (contract: {@code origin}; seed 004). */
public enum Origin implements Labelled {
    BUSINESS("business", "业务需求"),
    EVENT("event", "事件驱动");

    private final String json;
    private final String zh;

    Origin(String json, String zh) {
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
