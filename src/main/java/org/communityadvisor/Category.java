package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What part of running a group a recommendation is about: the prefix of its id ({@code size.below-viable}
 * is {@link #SIZE}). An advice's {@code focus} takes at most one recommendation per category.
 */
public enum Category implements Labelled {
    LIFECYCLE("lifecycle", "生命周期"),
    SIZE("size", "规模"),
    ENTRY("entry", "准入门槛"),
    GOVERNANCE("governance", "治理"),
    STRUCTURE("structure", "成员结构"),
    ACTIVITY("activity", "活动"),
    OPERATIONS("operations", "运营"),
    GROWTH("growth", "增长"),
    CONVERSION("conversion", "转化"),
    MEASUREMENT("measurement", "评估");

    private final String json;
    private final String zh;

    Category(String json, String zh) {
        this.json = json;
        this.zh = zh;
    }

    /** The category of a recommendation id: its prefix before the first dot; {@code null} when unknown. */
    public static Category ofId(String id) {
        int dot = id == null ? -1 : id.indexOf('.');
        String prefix = dot < 0 ? id : id.substring(0, dot);
        for (Category c : values()) {
            if (c.json.equals(prefix)) {
                return c;
            }
        }
        return null;
    }

    /** The value as written in JSON. */
    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /** The value in Chinese. */
    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String toString() {
        return json;
    }
}
