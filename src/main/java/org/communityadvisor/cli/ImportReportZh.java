package org.communityadvisor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.importer.EventLog;

/**
 * The import report's notes in Chinese. The importer writes its notes (where a value comes from, how it was
 * estimated, why it stays unknown, what else the reader should know) and its skipped kinds in English; this is an
 * ordered table of anchored patterns, one per sentence the importer code can produce, with capture groups for the
 * variable parts (numbers, dates, ids, names, file paths), each with a Chinese template.
 *
 * <p>Patterns are written in English with placeholders, compiled to {@link Pattern}s matched against the whole
 * note: {@code {n}} a number, {@code {d}} a date (yyyy-MM-dd), {@code {w}} one token without spaces, {@code {*}} any
 * text. In a template, {@code $1}... is a group as it is (an id, a name, a date), {@code @1}... is a group translated
 * in turn (a note inside a note, e.g. the note of a fact followed by what was undone since). Ids, field paths,
 * option names, file names, API names and format names stay as they are. A note no pattern matches is returned
 * unchanged (English).
 */
final class ImportReportZh {
    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";

    private record Rule(Pattern pattern, String template) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String english, String chinese) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{([ndw*])\\}").matcher(english);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                regex.append(Pattern.quote(english.substring(at, m.start())));
            }
            regex.append(switch (m.group(1)) {
                case "n" -> "(\\d+)";
                case "d" -> DATE;
                case "w" -> "(\\S+)";
                default -> "(.+?)";
            });
            at = m.end();
        }
        if (at < english.length()) {
            regex.append(Pattern.quote(english.substring(at)));
        }
        RULES.add(new Rule(Pattern.compile(regex.toString(), Pattern.DOTALL), chinese));
    }

    private static void regex(String regex, String chinese) {
        RULES.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), chinese));
    }

    static {
        // ---- compositions (EventLog): a fact's note with what was undone since, the history's two halves
        rule("{*}, less {n} joined and plus {n} left after {d}", "@1,减去 $4 之后入群的 $2 人、加回退群的 $3 人");
        rule("messages and distinct senders per week; {*}", "每周的发言数和不同发言人数;@1");
        rule("the statistics per week; {*}", "每周的统计数据;@1");
        rule("members from the statistics", "成员数取自统计数据");
        rule("members reconstructed from members.total by undoing later joins and leaves",
                "成员数由 members.total 倒推:减去之后的入群,加回之后的退群");
        rule("members reconstructed from members.total by undoing later joins (leaves are not recorded, so earlier "
                + "weeks may be undercounted)", "成员数由 members.total 减去之后的入群倒推(数据未记录退群,较早几周可能偏少)");
        rule("no member counts", "没有成员数");

        // ---- EventLog
        rule("the day of the last event in the data", "数据中最后一条事件的日期");
        rule("the day of the first event in the data (give --created-on if the group is older)",
                "数据中第一条事件的日期(如果群建得更早,请用 --created-on 给出)");
        rule("the statistics of {d}", "$1 的统计数据");
        rule("join notices in the 7 days", "7 天内的入群通知");
        rule("the statistics' daily joins", "统计数据中每天的入群数");
        rule("the data records no joins", "数据未记录入群");
        rule("leave notices in the 7 days", "7 天内的退群通知");
        rule("the statistics' daily leaves", "统计数据中每天的退群数");
        rule("the data records no leaves", "数据未记录退群");
        rule("members.total − {n} distinct senders in the 30 days", "members.total 减去 30 天内发过言的 $1 人");
        rule("the data has no message log", "数据中没有消息记录");
        rule("how the joins in the data came in", "数据中各次入群的途径");
        rule("messages in the 7 days", "7 天内的发言");
        rule("{n} distinct senders in the 7 days, more than members.total (some have left): capped at it",
                "7 天内有 $1 人发言,多于 members.total(有人已退群):以 members.total 为上限");
        rule("distinct senders in the 7 days", "7 天内发过言的人数");
        rule("the statistics' daily messages, {d} … {d}", "统计数据中每天的发言数,$1 … $2");
        rule("the statistics do not cover every day of the 7 days ending {d}", "统计数据没有覆盖截至 $1 的 7 天中的每一天");
        rule("the statistics' weekly posting members on {d}", "统计数据中截至 $1 一周内发言的成员数");
        rule("the statistics count senders per day only; a week's distinct senders cannot be added up",
                "统计数据只按天统计发言人数;一周内不同的发言人无法由每天的数相加得出");
        rule("messages the platform flagged as ads", "平台标记为广告的发言");
        rule("messages with a link by non-official senders (--heuristics)", "非官方成员发的带链接的发言(--heuristics)");
        rule("not flagged in the data; --heuristics estimates it from links", "数据中没有广告标记;--heuristics 可按链接估计");
        rule("messages by the data's admins and owner", "数据中的管理员和群主的发言");
        rule("messages by the --official ids and the data's admins and owner",
                "--official 所给 id 以及数据中的管理员和群主的发言");
        rule("messages by the --official ids", "--official 所给 id 的发言");
        rule("the data names no admin; give --official ID,...", "数据中没有管理员;请用 --official ID,... 给出");
        rule("questions (ending in ? or ？) by non-official members with no reply within 24 hours",
                "非官方成员提出、24 小时内无人回复的问题(以 ? 或 ? 结尾)");
        rule("the data gives no weekly figures", "数据中没有每周的数字");
        rule("the data ends on {d}", "数据止于 $1");
        rule("{n} messages came before an earlier one of their thread; questions answered across them may be "
                + "miscounted", "有 $1 条发言排在同一话题中更早的发言之前;跨越这些发言的问答可能统计有误");
        rule("the data holds no dated event; give --as-of yyyy-MM-dd", "数据中没有带日期的事件;请用 --as-of yyyy-MM-dd 给出");
        rule("the data holds no dated event; give --created-on yyyy-MM-dd",
                "数据中没有带日期的事件;请用 --created-on yyyy-MM-dd 给出");
        rule("the {w} data does not count the members", "$1 数据不统计成员数");

        // ---- Telegram
        rule("a Telegram Desktop export", "Telegram Desktop 导出文件");
        rule("a Telegram Desktop export lists no members", "Telegram Desktop 导出文件不列出成员");
        rule("join service messages in the 7 days (invite_members, join_group_by_link, join_group_by_request; none "
                + "where the group hides join messages)",
                "7 天内的入群系统消息(invite_members、join_group_by_link、join_group_by_request;群若隐藏入群消息则没有)");
        rule("Telegram exports do not mark bots: a bot's posts count as a member's (give its id with --official to "
                + "count them as official posts)",
                "Telegram 导出文件不标记机器人:机器人的发言按成员的发言计(用 --official 给出其 id,可计为官方发言)");
        rule("the chat is a {w}, not a group: its figures describe a conversation, not a community",
                "该聊天是 $1,不是群:其数字描述的是一段对话,而不是一个社群");
        rule("{n} members added by invitation are known by name only (the export gives no id for invitees): a later "
                + "post under the same display name is taken as theirs",
                "$1 名被邀请入群的成员只知道名字(导出文件不给被邀请人的 id):之后同一显示名的发言算作他们的");
        rule("the create_group service message ({*})", "create_group 系统消息($1)");

        // ---- Discord
        rule("a DiscordChatExporter export", "DiscordChatExporter 导出文件");
        rule("officials: authors with a role named like admin, moderator or owner ({n}: {*}); --official adds others",
                "官方成员:角色名类似 admin、moderator 或 owner 的作者(共 $1 人:$2);--official 可再加人");
        rule("joins are a lower bound: only the server's system channel records GuildMemberJoin notices",
                "入群数是下限:只有服务器的系统频道记录 GuildMemberJoin 通知");
        rule("the files are direct messages, not a server's channels", "这些文件是私信,不是服务器的频道");
        rule("DiscordChatExporter exports carry no member count (the server's Server Insights shows it)",
                "DiscordChatExporter 导出文件不含成员数(可在服务器的 Server Insights 中查看)");
        rule("Discord writes no leave notice into its channels", "Discord 不在频道中写退群通知");
        rule("no file holds a GuildMemberJoin notice: only the server's system channel records joins (export it too)",
                "没有文件含 GuildMemberJoin 通知:只有服务器的系统频道记录入群(请把它也导出)");
        rule("GuildMemberJoin notices in the 7 days: a lower bound, only the server's system channel records them",
                "7 天内的 GuildMemberJoin 通知:是下限,只有服务器的系统频道记录它们");
        rule("{*} guild.id", "$1 中的 guild.id");
        rule("{*} guild.name", "$1 中的 guild.name");

        // ---- Slack
        rule("the .zip's name", ".zip 文件的名称");
        rule("the export folder's name", "导出文件夹的名称");
        rule("{*} and --channel", "@1和 --channel");
        rule("a Slack export", "Slack 导出文件");
        rule("\"created\" of #{*} in channels.json", "channels.json 中 #$1 的 \"created\"");
        rule("\"created\" of the earliest channel, #{*}", "最早的频道 #$1 的 \"created\"");
        rule("users in users.json neither deleted nor bots", "users.json 中未删除且不是机器人的用户");
        rule("users in users.json with is_admin or is_owner, neither deleted nor bots",
                "users.json 中有 is_admin 或 is_owner、未删除且不是机器人的用户");
        rule("a workspace export records channel joins, not workspace joins; use --channel NAME",
                "工作区导出记录的是频道的入群,不是工作区的加入;请用 --channel NAME");
        rule("channels.json lists no \"members\" for #{*}", "channels.json 没有列出 #$1 的 \"members\"");
        rule("the \"members\" of #{*} in channels.json, less deleted users and bots",
                "channels.json 中 #$1 的 \"members\",去掉已删除的用户和机器人");
        rule("members of #{*} with is_admin or is_owner", "#$1 中有 is_admin 或 is_owner 的成员");
        rule("channel_join notices of #{*} in the 7 days", "7 天内 #$1 的 channel_join 通知");

        // ---- Slack analytics
        rule("the file's name", "文件名");
        rule("Slack's analytics", "Slack 的统计分析");
        rule("the first row of the analytics (the workspace may be older)", "统计分析的第一行(工作区可能建得更早)");
        rule("the analytics have no row for {d}", "统计分析中没有 $1 这一行");
        rule("the analytics give the total each day, not who joined or left (a change is net of both)",
                "统计分析给出每天的总数,而不是谁入群或退群(变化是两者相抵后的净值)");
        rule("the analytics count members posting in a week, not those silent for 30 days",
                "统计分析统计一周内发言的成员,而不是 30 天未发言的成员");

        // ---- WeChat
        rule("TalkerId {*} is the exporting computer's own number for the chat, not WeChat's group id; give --id for "
                + "an id that stays the same across exports",
                "TalkerId $1 是导出所用电脑给这个聊天编的号,不是微信的群 id;请用 --id 给出多次导出都不变的 id");
        rule("TalkerId {*} does not end in @chatroom: is this a group chat?", "TalkerId $1 不以 @chatroom 结尾:这是群聊吗?");
        rule("TalkerId {*}", "取自 TalkerId $1");
        rule("a WeChat chat export", "微信聊天导出文件");
        rule("a WeChat chat export does not count the members", "微信聊天导出文件不统计成员数");
        rule("WeChat writes no leave notice", "微信不写退群通知");
        rule("a WeChat chat export names no owner or admin; give --official wxid,...",
                "微信聊天导出文件中没有群主或管理员;请用 --official wxid,... 给出");
        rule("read from standard input in one pass: members named by join notices are counted as name:<name>, not "
                + "matched to the wxids of their messages",
                "从标准输入一次读完:入群通知中只有名字的成员计为 name:<name>,不与其发言的 wxid 对应");

        // ---- WeCom
        rule("times were read in UTC; WeCom's days begin at midnight China time: give --zone Asia/Shanghai",
                "时间按 UTC 读取;企业微信的一天从北京时间零点开始:请用 --zone Asia/Shanghai");
        rule("a WeCom customer group", "企业微信客户群");
        rule("the size of group_chat.member_list", "group_chat.member_list 的人数");
        rule("group_chat.admin_list plus the owner", "group_chat.admin_list 加上群主");
        rule("join_time of today's members (members who joined and left since are not listed)",
                "当前成员的 join_time(其间入群又退群的成员不在列表中)");
        rule("groupchat/get lists today's members only; WeCom reports leaves as change events, not in these files",
                "groupchat/get 只列出当前成员;企业微信以变更事件报告退群,不在这些文件中");
        rule("WeCom's statistics count members who posted per day (member_has_msg); a week's distinct senders cannot "
                + "be added up", "企业微信的统计数据按天统计发言成员数(member_has_msg);一周内不同的发言人无法由每天的数相加得出");
        rule("WeCom's statistics count members who posted per day only; the group's 30-day silent members are not in "
                + "the data", "企业微信的统计数据只按天统计发言成员数;数据中没有群内 30 天未发言的成员");
        rule("{*} ignored: chat_total is missing on {d}, so its figures are the owner's groups together, not this "
                + "group's", "已忽略 $1:$2 缺少 chat_total,因此其数字是群主名下各群的合计,不是本群的");
        rule("{*} ignored: chat_total is {w} on {d}, so its figures are the owner's groups together, not this group's",
                "已忽略 $1:$3 的 chat_total 为 $2,因此其数字是群主名下各群的合计,不是本群的");

        // ---- sheet
        rule("column {w}", "第 $1 列");
        rule("{w} {w} replaces {w} {w} of {*}", "$1 $2 取代了 $3 原来的值 $4(@5)");
        rule("{w} {w} replaces {w} {w}", "$1 $2 取代了 $3 原来的值 $4");

        // ---- where a value was read or given: an option, a field of the data
        regex("(--[a-z][a-z-]*)", "选项 $1");
        regex("(id|name|[\\w\\[\\]]*(?:[._\\[]|[a-z][A-Z])[\\w.\\[\\]]*)", "取自 $1");
    }

    private static final Map<String, String> SKIPPED = Map.of(
            "bot", "条机器人消息",
            "service", "条系统消息",
            "empty", "条空消息",
            "no sender", "条无发送者的消息",
            "after asOf", "条 asOf 之后的记录",
            "pin", "条置顶通知",
            "other", "条其他记录",
            EventLog.OUT_OF_RANGE, "条日期早于 1990 年或晚于 2099 年的记录");

    private ImportReportZh() {
    }

    /** A note of the import report in Chinese, or unchanged when no pattern matches it. */
    static String note(String english) {
        if (english == null) {
            return null;
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(english);
            if (m.matches()) {
                return fill(r.template, m);
            }
        }
        if (english.contains("; ")) {
            // two sentences the table knows, joined
            String[] parts = english.split("; ");
            StringBuilder b = new StringBuilder();
            boolean changed = false;
            for (String p : parts) {
                String zh = note(p);
                changed |= !zh.equals(p);
                b.append(b.isEmpty() ? "" : ";").append(zh);
            }
            if (changed) {
                return b.toString();
            }
        }
        return english;
    }

    /** A skipped kind in Chinese (shown after its count: "3 条机器人消息"), or unchanged when unknown. */
    static String skipped(String what) {
        return what == null ? null : SKIPPED.getOrDefault(what, what);
    }

    private static String fill(String template, Matcher m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if ((c == '$' || c == '@') && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int n = template.charAt(++i) - '0';
                String g = m.group(n);
                if (g != null) {
                    b.append(c == '$' ? g : note(g));
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
