package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle stage of a community (catalog: Lifecycle stage). */
public enum Stage implements Labelled {
    LAUNCH("launch", "启动期"),
    GROWTH("growth", "成长期"),
    MATURE("mature", "成熟期"),
    DECLINING("declining", "衰退期"),
    DORMANT("dormant", "沉寂期"),
    POST_EVENT("post-event", "活动结束期");

    private final String json;
    private final String zh;

    Stage(String json, String zh) {
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
