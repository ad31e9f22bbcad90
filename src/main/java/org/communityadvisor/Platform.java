package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the group lives (contract: {@code platform}). */
public enum Platform implements Labelled {
    WECHAT("wechat", "微信"),
    WECOM("wecom", "企业微信"),
    QQ("qq", "QQ"),
    DISCORD("discord", "Discord"),
    TELEGRAM("telegram", "电报"),
    SLACK("slack", "Slack"),
    FORUM("forum", "论坛"),
    OFFLINE("offline", "线下"),
    OTHER("other", "其他平台");

    private final String json;
    private final String zh;

    Platform(String json, String zh) {
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
