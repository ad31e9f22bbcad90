package org.communityadvisor.importer;

import java.util.Arrays;
import java.util.Optional;

/** The data an importer reads (see {@code IMPORT.md}): six platform exports, the neutral events, and a sheet. */
public enum Format {
    /** Telegram Desktop's {@code result.json} of one chat. */
    TELEGRAM("telegram", true),
    /** DiscordChatExporter JSON files, one per channel, of one guild. */
    DISCORD("discord", true),
    /** A Slack workspace export, a folder or its {@code .zip}. */
    SLACK("slack", true),
    /** Slack's workspace analytics CSV (daily rows). */
    SLACK_ANALYTICS("slack-analytics", false),
    /** A WeChat group chat CSV as the common open-source exporters write it. */
    WECHAT("wechat", true),
    /** A folder of WeCom API responses ({@code groupchat_get.json}, optional {@code statistic_by_day.json}). */
    WECOM("wecom", false),
    /** JSONL of platform events, one a line, any number of groups. */
    EVENTS("events", true),
    /** A CSV or XLSX sheet with one community a row, headed by snapshot paths. */
    SHEET("sheet", false);

    private final String id;
    private final boolean messageLog;

    Format(String id, boolean messageLog) {
        this.id = id;
        this.messageLog = messageLog;
    }

    /** The name used on the command line and in reports, e.g. {@code slack-analytics}. */
    public String id() {
        return id;
    }

    /** Whether the format is a log of messages (so it can name the people behind the numbers). */
    public boolean isMessageLog() {
        return messageLog;
    }

    public static Optional<Format> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
