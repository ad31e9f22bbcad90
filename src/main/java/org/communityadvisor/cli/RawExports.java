package org.communityadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.communityadvisor.Lang;
import org.communityadvisor.json.Json;
import org.communityadvisor.text.Texts;

/**
 * Recognises a chat export, platform statistics or a sheet given to {@code advise} instead of a snapshot, so the
 * refusal can name the {@code import} command that reads it. Only consulted once an input has been refused.
 */
final class RawExports {
    /** The import formats an export can be recognised as, with the words the hint uses for each. */
    enum Kind {
        TELEGRAM("telegram", "Telegram", " --members N"),
        DISCORD("discord", "Discord (DiscordChatExporter)", " --members N"),
        SLACK("slack", "Slack", ""),
        SLACK_ANALYTICS("slack-analytics", "Slack analytics", ""),
        WECHAT("wechat", "WeChat (WeChatMsg / MemoTrace)", " --members N"),
        QQ("qq", "QQ (message manager .txt)", " --members N"),
        WECOM("wecom", "WeCom API", ""),
        EVENTS("events", "platform events", " --groups GROUPS.jsonl"),
        SHEET("sheet", "sheet", "");

        final String format;
        final String name;
        final String required;

        Kind(String format, String name, String required) {
            this.format = format;
            this.name = name;
            this.required = required;
        }
    }

    private RawExports() {
    }

    /** The refusal's words: what the input looks like and the command that reads it. */
    static String hint(Kind kind, String path, Lang lang) {
        String quoted = path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
        return Texts.of(lang).get("advise.raw-export", kind.name, kind.format, quoted, kind.required);
    }

    /** What a folder given to {@code advise} holds when it is an export rather than snapshots. */
    static Optional<Kind> ofFolder(Path dir) {
        if (Files.isRegularFile(dir.resolve("channels.json")) && Files.isRegularFile(dir.resolve("users.json"))) {
            return Optional.of(Kind.SLACK);
        }
        if (Files.isRegularFile(dir.resolve("groupchat_get.json"))) {
            return Optional.of(Kind.WECOM);
        }
        return Optional.empty();
    }

    /** What a file that is not JSON at all holds, from its name and first bytes (a zip, a spreadsheet, a CSV). */
    static Optional<Kind> ofBinary(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean zip = read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (name.endsWith(".xlsx") || name.endsWith(".ods")) {
            return Optional.of(Kind.SHEET);
        }
        return zip ? Optional.of(Kind.SLACK) : Optional.empty();
    }

    /** What a refused document's text looks like: an export's JSON, an events line, or a CSV by its header. */
    static Optional<Kind> ofText(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = t.lines().findFirst().orElse("").strip();
        if (first.startsWith("消息记录（此消息记录为文本格式")) {
            return Optional.of(Kind.QQ);
        }
        if (!first.startsWith("{") && !first.startsWith("[")) {
            String header = first.toLowerCase(Locale.ROOT);
            if (header.contains("strcontent") && header.contains("talkerid") || header.contains("createtime")
                    && header.contains("sender")) {
                return Optional.of(Kind.WECHAT);
            }
            if (header.startsWith("date,") && header.contains("active members")) {
                return Optional.of(Kind.SLACK_ANALYTICS);
            }
            if (header.contains(",") && (header.contains("members.total") || header.startsWith("id,"))) {
                return Optional.of(Kind.SHEET);
            }
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(t);
        } catch (IOException e) {
            try {
                node = Json.MAPPER.readTree(first); // JSON lines: the first line alone
            } catch (IOException again) {
                return Optional.empty();
            }
        }
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            if (node.has("guild") && node.has("channel") && node.has("messages")) {
                return Optional.of(Kind.DISCORD);
            }
            if (node.has("messages") && node.path("messages").isArray() && node.has("type")
                    || node.has("chats") && node.path("chats").has("list")) {
                return Optional.of(Kind.TELEGRAM);
            }
            if (node.has("group_chat") || node.has("errcode") && node.has("items")) {
                return Optional.of(Kind.WECOM);
            }
            if (node.has("groupId") && node.has("ts") && node.has("kind")) {
                return Optional.of(Kind.EVENTS);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).has("ts")
                && (node.get(0).has("user") || node.get(0).has("subtype") || node.get(0).has("type"))) {
            return Optional.of(Kind.SLACK);
        }
        return Optional.empty();
    }
}
