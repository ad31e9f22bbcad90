package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What part of running a group a recommendation is about: the prefix of its id ({@code size.below-viable}
 * is {@link #SIZE}). An advice's {@code focus} takes at most one recommendation per category.
 */
public enum Category implements Labelled {
    LIFECYCLE("lifecycle"),
    SIZE("size"),
    ENTRY("entry"),
    GOVERNANCE("governance"),
    STRUCTURE("structure"),
    ACTIVITY("activity"),
    OPERATIONS("operations"),
    GROWTH("growth"),
    CONVERSION("conversion"),
    MEASUREMENT("measurement");

    private final String json;
    private final String textKey;

    Category(String json) {
        this.json = json;
        this.textKey = "category." + json;
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

    @Override
    public String textKey() {
        return textKey;
    }

    @Override
    public String toString() {
        return json;
    }
}
