package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** How people join (contract: {@code entry.channels}). */
public enum Channel implements Labelled {
    QR("qr", "群二维码"),
    LIVECODE("livecode", "活码"),
    INVITE("invite", "邀请"),
    LINK("link", "链接"),
    OFFLINE("offline", "线下"),
    SEARCH("search", "搜索");

    private final String json;
    private final String zh;

    Channel(String json, String zh) {
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
