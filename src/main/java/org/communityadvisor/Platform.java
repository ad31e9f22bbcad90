package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the group lives (contract: {@code platform}). */
public enum Platform {
    WECHAT("wechat"),
    WECOM("wecom"),
    QQ("qq"),
    DISCORD("discord"),
    TELEGRAM("telegram"),
    SLACK("slack"),
    FORUM("forum"),
    OFFLINE("offline"),
    OTHER("other");

    private final String json;

    Platform(String json) {
        this.json = json;
    }

    /** The value as written in JSON. */
    @JsonValue
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
