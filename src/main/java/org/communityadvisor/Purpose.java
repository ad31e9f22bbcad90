package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the group is for (contract: {@code purpose}). */
public enum Purpose implements Labelled {
    SHARING("sharing", "分享型"),
    SALES("sales", "销售型"),
    ENABLEMENT("enablement", "赋能型"),
    SUPPORT("support", "客服型"),
    CAMPAIGN("campaign", "战役传播型");

    private final String json;
    private final String zh;

    Purpose(String json, String zh) {
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
