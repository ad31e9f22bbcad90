package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the group lives (contract: {@code platform}). */
public enum Platform implements Labelled {
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
    private final String textKey;

    Platform(String json) {
        this.json = json;
        this.textKey = "platform." + json;
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
