package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Entry barrier 准入门槛 (contract: {@code entry.barrier}). */
public enum Barrier implements Labelled {
    NONE("none", "无门槛"),
    APPROVAL("approval", "审核"),
    REFERRAL("referral", "推荐"),
    TASK("task", "任务"),
    PAID("paid", "付费");

    private final String json;
    private final String zh;

    Barrier(String json, String zh) {
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
