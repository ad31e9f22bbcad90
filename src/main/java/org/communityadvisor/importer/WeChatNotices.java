package org.communityadvisor.importer;

import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Channel;

/**
 * WeChat's join and leave notices (system messages), read by a small cursor parser: every step is a
 * {@code startsWith} or an {@code indexOf} from the cursor, so reading a notice takes time linear in its length
 * (no regular expression that could backtrack), and notices longer than {@link #MAX_LENGTH} are not read at all.
 *
 * <p>Forms read ({@code 你}/{@code you} is the exporting account; quotes may be {@code "} or {@code “ ”}):
 * {@code 你邀请"X"加入了群聊}, {@code "A"邀请"X、Y"加入了群聊}, {@code "A"邀请你和"X"加入了群聊} (joins, invite),
 * {@code "X"通过扫描你分享的二维码加入群聊}, {@code "X"通过扫描"A"分享的二维码加入群聊} (join, qr),
 * {@code "X"移出了群聊}, {@code 你将"X"移出了群聊}, {@code "A"将"X"移出了群聊} (leaves), and the English UI's
 * {@code A invited X, Y and Z to the group chat} (quoted or not). A notice in one of these shapes that names a
 * template placeholder ({@code "$username$"}) or breaks off is {@link Result#unreadable()}.
 */
final class WeChatNotices {
    /** Longer notices are not read (a join notice names at most a few hundred people). */
    static final int MAX_LENGTH = 8192;

    /** What a notice says; a {@code null} name is the exporting account. */
    record Result(boolean membership, boolean unreadable, boolean join, Channel channel, List<String> names) {
        static final Result OTHER = new Result(false, false, false, null, List.of());
        static final Result UNREADABLE = new Result(true, true, false, null, List.of());
    }

    private static final String[] KEYWORDS = {"加入了群聊", "加入群聊", "移出了群聊", "移出群聊", "to the group chat",
        "joined the group chat", "removed from the group chat"};

    private final String s;
    private int p;

    private WeChatNotices(String s) {
        this.s = s;
    }

    static Result read(String text) {
        if (text == null || text.isBlank()) {
            return Result.OTHER;
        }
        if (text.length() > MAX_LENGTH) {
            return mentionsMembership(text) ? Result.UNREADABLE : Result.OTHER; // contains(): linear, short keys
        }
        String t = text.replace('“', '"').replace('”', '"').strip();
        Result r = new WeChatNotices(t).chinese();
        if (r == null) {
            r = new WeChatNotices(t).english();
        }
        if (r == null) {
            return mentionsMembership(t) ? Result.UNREADABLE : Result.OTHER;
        }
        if (r.names.stream().anyMatch(n -> n != null && (n.contains("$") || n.isBlank()))) {
            return Result.UNREADABLE;
        }
        return r;
    }

    private static boolean mentionsMembership(String t) {
        for (String k : KEYWORDS) {
            if (t.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** The Chinese forms, or {@code null} when the notice is not one. */
    private Result chinese() {
        String[] a = party();
        if (a == null) {
            return null;
        }
        spaces();
        if (lit("邀请")) {
            List<String> names = new ArrayList<>();
            while (true) {
                spaces();
                if (lit("加入了群聊") || lit("加入群聊")) {
                    return names.isEmpty() ? Result.UNREADABLE : join(Channel.INVITE, names);
                }
                if (lit("和") || lit("、") || lit(",") || lit("，")) {
                    continue;
                }
                String[] b = party();
                if (b == null) {
                    return Result.UNREADABLE;
                }
                addNames(names, b);
            }
        }
        if (lit("通过扫描")) {
            spaces();
            if (party() == null) {
                return Result.UNREADABLE;
            }
            spaces();
            return lit("分享的二维码加入群聊") ? join(Channel.QR, single(a)) : Result.UNREADABLE;
        }
        if (lit("将")) {
            spaces();
            String[] b = party();
            spaces();
            if (b == null || !(lit("移出了群聊") || lit("移出群聊"))) {
                return Result.UNREADABLE;
            }
            List<String> names = new ArrayList<>();
            addNames(names, b);
            return leave(names);
        }
        if (lit("移出了群聊") || lit("移出群聊") || lit("被移出群聊")) {
            return leave(single(a));
        }
        return null;
    }

    /** {@code A invited X, Y and Z to the group chat}, or {@code null}. */
    private Result english() {
        int verb = s.indexOf(" invited ");
        if (verb < 0) {
            return null;
        }
        int end = s.indexOf(" to the group chat", verb);
        if (end < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        String list = s.substring(verb + " invited ".length(), end);
        int from = 0;
        while (from <= list.length()) {
            int comma = list.indexOf(", ", from);
            int and = list.indexOf(" and ", from);
            int cut = comma < 0 ? and : and < 0 ? comma : Math.min(comma, and);
            String item = (cut < 0 ? list.substring(from) : list.substring(from, cut)).strip();
            if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
                item = item.substring(1, item.length() - 1);
            }
            if (item.contains("\"")) {
                return Result.UNREADABLE;
            }
            if (!item.isEmpty()) {
                names.add(item.equalsIgnoreCase("you") ? null : item);
            }
            if (cut < 0) {
                break;
            }
            from = cut + (cut == comma ? 2 : 5);
        }
        return names.isEmpty() ? Result.UNREADABLE : join(Channel.INVITE, names);
    }

    /** A quoted name (its 、-separated names) or {@code 你} ({@code [null]}), or {@code null}. */
    private String[] party() {
        if (s.startsWith("\"", p)) {
            int e = s.indexOf('"', p + 1);
            if (e < 0) {
                return null;
            }
            String inside = s.substring(p + 1, e);
            p = e + 1;
            return inside.split("、", -1);
        }
        if (s.startsWith("你", p)) {
            p += 1;
            return new String[] {null};
        }
        return null;
    }

    private boolean lit(String word) {
        if (s.startsWith(word, p)) {
            p += word.length();
            return true;
        }
        return false;
    }

    private void spaces() {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
    }

    private static void addNames(List<String> names, String[] party) {
        for (String n : party) {
            names.add(n == null ? null : n.strip());
        }
    }

    private static List<String> single(String[] party) {
        List<String> names = new ArrayList<>();
        addNames(names, party);
        return names;
    }

    private static Result join(Channel channel, List<String> names) {
        return new Result(true, false, true, channel, names);
    }

    private static Result leave(List<String> names) {
        return new Result(true, false, false, null, names);
    }
}
