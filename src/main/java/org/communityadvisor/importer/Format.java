package org.communityadvisor.importer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The data an importer reads (see {@code IMPORT.md}): seven platform exports, the neutral events, and a sheet; each
 * with its reader, so a new format is a constant here and its {@link FormatReader} (docs/ADDING-A-FORMAT.md).
 */
public enum Format {
    /** Telegram Desktop's {@code result.json} of one chat. */
    TELEGRAM("telegram", true, TelegramReader::new),
    /** DiscordChatExporter JSON files, one per channel, of one guild. */
    DISCORD("discord", true, DiscordReader::new),
    /** A Slack workspace export, a folder or its {@code .zip}. */
    SLACK("slack", true, SlackReader::new),
    /** Slack's workspace analytics CSV (daily rows). */
    SLACK_ANALYTICS("slack-analytics", false, SlackAnalyticsReader::new),
    /** A WeChat group chat CSV as the common open-source exporters write it. */
    WECHAT("wechat", true, WeChatReader::new),
    /** The QQ PC client's message-manager export ({@code .txt}) of one group chat. */
    QQ("qq", true, QqReader::new),
    /** A folder of WeCom API responses ({@code groupchat_get.json}, optional {@code statistic_by_day.json}). */
    WECOM("wecom", false, WeComReader::new),
    /** JSONL of platform events, one a line, any number of groups. */
    EVENTS("events", true, EventsReader::new),
    /** A CSV or XLSX sheet with one community a row, headed by snapshot paths. */
    SHEET("sheet", false, SheetReader::new);

    private final String id;
    private final boolean messageLog;
    /** Makes the format's reader (one a read: readers may keep state while they read). */
    private final java.util.function.Supplier<FormatReader> reader;

    Format(String id, boolean messageLog, java.util.function.Supplier<FormatReader> reader) {
        this.id = id;
        this.messageLog = messageLog;
        this.reader = reader;
    }

    /** A new reader of this format. */
    FormatReader reader() {
        return reader.get();
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
