package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.communityadvisor.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WeChat's join and removal notices in the wordings the clients write ({@code null} is the exporting account). */
class WeChatNoticesTest {
    private static WeChatNotices.Result read(String text) {
        return WeChatNotices.read(text);
    }

    private static void join(String text, Channel channel, String... names) {
        WeChatNotices.Result r = read(text);
        assertThat(r.unreadable()).as(text).isFalse();
        assertThat(r.membership()).as(text).isTrue();
        assertThat(r.join()).as(text).isTrue();
        assertThat(r.channel()).as(text).isEqualTo(channel);
        assertThat(r.names()).as(text).isEqualTo(Arrays.asList(names));
    }

    private static void leave(String text, String... names) {
        WeChatNotices.Result r = read(text);
        assertThat(r.membership() && !r.unreadable() && !r.join()).as(text).isTrue();
        assertThat(r.names()).as(text).isEqualTo(Arrays.asList(names));
    }

    @Test
    void invitations() {
        join("你邀请\"小张\"加入了群聊", Channel.INVITE, "小张");
        join("\"Alice\"邀请\"小林、小美\"加入了群聊", Channel.INVITE, "小林", "小美");
        join("\"老王\"邀请你和\"小美\"加入了群聊", Channel.INVITE, null, "小美");
        join("“老王”邀请“小美”加入了群聊  撤销", Channel.INVITE, "小美");
        join("Wang invited Zhang, Mei and Qiang to the group chat", Channel.INVITE, "Zhang", "Mei", "Qiang");
        join("\"Wang\" invited you to the group chat", Channel.INVITE, (String) null);
    }

    @Test
    void qrCodes() {
        join("\"小红\"通过扫描你分享的二维码加入群聊", Channel.QR, "小红");
        join("\"小红\"通过扫描\"Alice\"分享的二维码加入群聊", Channel.QR, "小红");
    }

    @Test
    void removals() {
        leave("\"小张\"移出了群聊", "小张");
        leave("\"老王\"将\"小美\"移出了群聊", "小美");
        leave("你将\"阿强\"移出了群聊", "阿强");
    }

    @Test
    void templatesAndBrokenNoticesAreUnreadableOtherNoticesAreNot() {
        assertThat(read("\"$username$\"邀请\"$names$\"加入了群聊").unreadable()).isTrue();
        assertThat(read("\"小丽\"邀请了加入了群聊").unreadable()).isTrue();
        assertThat(read("\"小丽\"邀请\"小刚").unreadable()).isTrue();
        for (String other : List.of("\"老王\"修改群名为\"读书会\"", "\"小周\" 拍了拍我", "你撤回了一条消息", "")) {
            assertThat(read(other).membership()).as(other).isFalse();
            assertThat(read(other).unreadable()).as(other).isFalse();
        }
    }

    /** A regular expression with nested quantifiers would take exponential time on such a cell. */
    @Test
    @Timeout(2)
    void aHugeCellIsReadInLinearTimeOrNotAtAll() {
        String names = "\"" + "小".repeat(4000) + "、".repeat(10) + "\"";
        assertThat(read("你邀请" + names + "加入了群").unreadable()).isTrue();
        String huge = "\"A\"邀请" + "\"X\"和".repeat(80_000 / 4) + "加入了群聊";
        assertThat(huge.length()).isGreaterThan(WeChatNotices.MAX_LENGTH);
        assertThat(read(huge).unreadable()).isTrue();
        String unclosed = "\"" + "\"\"\"邀请".repeat(20_000);
        read(unclosed);
    }
}
