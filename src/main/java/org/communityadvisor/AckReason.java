package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the operator put a recommendation off (contract: {@code acknowledged[].reason}). */
public enum AckReason implements Labelled {
    /** the advice stands; it is not the moment */
    LATER("later"),
    /** the operator thinks the advice is wrong for this community */
    DISAGREE("disagree"),
    /** the advice does not apply to this community (the data misleads the rule) */
    NOT_APPLICABLE("not-applicable");

    private final String json;
    private final String textKey;

    AckReason(String json) {
        this.json = json;
        this.textKey = "ack-reason." + json;
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
