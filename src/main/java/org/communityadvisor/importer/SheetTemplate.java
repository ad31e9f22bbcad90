package org.communityadvisor.importer;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.ImportException;
import org.communityadvisor.Lang;
import org.communityadvisor.Labelled;
import org.communityadvisor.SnapshotField;
import org.communityadvisor.json.SnapshotModel;

/**
 * The blank {@code sheet} ({@code ./advisor import --template [--lang zh]}): a header row of every column the
 * sheet reader knows, in snapshot order, and a second row explaining each column (what it means, required or
 * not, the values allowed), its first cell starting with {@code #} so the reader skips it. Fill in one
 * community a row below it.
 */
public final class SheetTemplate {
    /** What each column means, in Chinese (the English comes from the snapshot model's own descriptions). */
    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("id", "社群的固定编号，用于所有输出：1-128 个字符，只能用 A-Z a-z 0-9 . _ -"),
            Map.entry("name", "群名称，任意文字，最多 200 字，例如 好书共读书友会"),
            Map.entry("platform", "社群所在平台"),
            Map.entry("purpose", "社群类型：分享型、销售型、赋能型、客服型、拉新活动型、学习型"),
            Map.entry("origin", "成立原因：业务需求成立或事件驱动成立"),
            Map.entry("coreGroup", "本群是运营者的核心粉丝群（不填视为否）"),
            Map.entry("goalDefined", "社群有明确的目的/定位"),
            Map.entry("goal", "社群目的的文字说明"),
            Map.entry("createdOn", "建群日期"),
            Map.entry("asOf", "本次数据的统计日期，不早于建群日期；7 天、30 天、90 天都截止到这一天"),
            Map.entry("eventEndsOn", "事件结束日期（成立原因为事件驱动时填写，之后进入事件后期）"),
            Map.entry("members.total", "当前成员数"),
            Map.entry("members.joined7d", "最近 7 天新加入的成员数"),
            Map.entry("members.left7d", "最近 7 天退出的成员数"),
            Map.entry("members.admins", "管理员人数，不超过成员数"),
            Map.entry("members.kols", "群内意见领袖（头羊、KOL）人数，不超过成员数"),
            Map.entry("members.silent30d", "最近 30 天没有发言的成员数（关注者 + 屏蔽者），不超过成员数"),
            Map.entry("entry.barrier", "准入门槛"),
            Map.entry("entry.fee", "入群费用（门槛为付费时），不小于 0 的数字，可有小数"),
            Map.entry("entry.channels", "入群渠道，可填多个，用分号隔开，例如 qr;invite"),
            Map.entry("entry.qrCreatedOn", "当前群二维码的生成日期（二维码 7 天有效）"),
            Map.entry("entry.feePeriodDays", "付费会员一期的天数（门槛为付费时），至少 1，例如一年期填 365"),
            Map.entry("activity.messages7d", "最近 7 天的消息数"),
            Map.entry("activity.activeMembers7d", "最近 7 天发过言的成员数，不超过成员数"),
            Map.entry("activity.adMessages7d", "最近 7 天的广告、刷屏消息数，不超过消息数"),
            Map.entry("activity.officialPosts7d", "最近 7 天官方发言互动次数"),
            Map.entry("activity.topics30d", "最近 30 天定时话题讨论次数"),
            Map.entry("activity.guestShares30d", "最近 30 天嘉宾分享次数"),
            Map.entry("activity.liveSessions30d", "最近 30 天线上直播分享次数"),
            Map.entry("activity.offlineEvents90d", "最近 90 天线下活动次数"),
            Map.entry("activity.checkIns7d", "最近 7 天打卡次数"),
            Map.entry("activity.reviews30d", "最近 30 天活动复盘次数"),
            Map.entry("activity.dailyRitual", "每天固定时间的仪式（例如每天 6:20 的语音）"),
            Map.entry("activity.unansweredQuestions7d", "最近 7 天成员提问中 24 小时内无人回答的个数"),
            Map.entry("activity.disputes30d", "最近 30 天争吵或被举报的冲突次数"),
            Map.entry("activity.memberOutputs7d", "最近 7 天成员发布的输出：作业、笔记、作品"),
            Map.entry("activity.peakHour", "最近 30 天发言人数最多的钟点（按群所在时区），0-23，例如 20 表示 20:00-20:59"),
            Map.entry("operations.announcement", "有官方群公告"),
            Map.entry("operations.rules", "有奖惩分明的群规"),
            Map.entry("operations.monthlyPlan", "有月度运营方案"),
            Map.entry("operations.contentCalendar", "有内容规划表（SOP）"),
            Map.entry("operations.ownerQualified", "群主具备用户运营经验、销售能力、活动策划能力和社交热情"),
            Map.entry("operations.sopTemplate", "有可复用的建群流程模板"),
            Map.entry("operations.onboarding", "有新手引导"),
            Map.entry("operations.incentives", "有积分、等级或勋章体系"),
            Map.entry("operations.contentArchive", "有内容沉淀、内容汇总"),
            Map.entry("operations.warmUpCrew", "安排了专人带动互动"),
            Map.entry("operations.coreGroupExists", "运营者已经有核心粉丝群"),
            Map.entry("operations.groupsOperated", "运营者共运营几个群，至少 1"),
            Map.entry("operations.penaltyLadder", "群规有逐级处罚（禁言 1 天、7 天、15 天）"),
            Map.entry("operations.feedbackChannel", "收集并回复成员的建议"),
            Map.entry("operations.groupCulture", "群有自己的文化：标签人物、群梗、群专属表情包"),
            Map.entry("operations.renewalPlan", "付费会员的续费有方案：下一期的内容、提前续费优惠"),
            Map.entry("operations.crisisPlan", "有危机预案：舆情监测、统一发言人、回复话术、上报流程"),
            Map.entry("operations.materialsKit", "为群服务的分销商、门店店员准备好了赋能物料：工具、课程、素材"),
            Map.entry("commerce.promoMessages7d", "最近 7 天的销售、推广消息数，不超过消息数"),
            Map.entry("commerce.promotions30d", "最近 30 天优惠活动次数"),
            Map.entry("commerce.orders30d", "最近 30 天订单数"),
            Map.entry("commerce.buyers30d", "最近 30 天购买人数（去重）"),
            Map.entry("commerce.repeatBuyers90d", "最近 90 天复购人数，不超过 90 天购买人数"),
            Map.entry("commerce.testimonials30d", "最近 30 天客户见证条数"),
            Map.entry("commerce.groupBuys30d", "最近 30 天拼团、秒杀次数"),
            Map.entry("commerce.referrals30d", "最近 30 天邀请过他人的成员数"),
            Map.entry("commerce.ticket", "客单价高低"),
            Map.entry("commerce.purchaseFrequency", "购买频次高低"),
            Map.entry("commerce.buyers90d", "最近 90 天购买人数，不少于复购人数"),
            Map.entry("commerce.refunds30d", "最近 30 天退款、退货订单数，不超过订单数"));

    private SheetTemplate() {
    }

    /** The columns, in snapshot order (the header row). */
    public static List<String> columns() {
        return SheetReader.paths();
    }

    /** What a column means and what it may hold, in the language (the template's second row, without {@code #}). */
    public static String explanation(String column, Lang lang) {
        SnapshotModel.Field f = SnapshotModel.byPath().get(column);
        if (f == null || !columns().contains(column)) {
            throw new IllegalArgumentException("not a sheet column: " + column);
        }
        boolean zh = lang == Lang.ZH;
        SnapshotField about = f.field();
        List<String> parts = new ArrayList<>();
        if (about.required()) {
            parts.add(zh ? "必填" : "required");
        }
        String meaning = zh ? ZH.get(column) : about.value();
        if (meaning == null) {
            throw new IllegalStateException("no Chinese explanation for " + column);
        }
        parts.add(meaning);
        String values = switch (f.kind()) {
            case INTEGER -> about.max() != Integer.MAX_VALUE
                    ? (zh ? "整数，" + about.min() + " 到 " + about.max() : "a whole number from " + about.min() + " to "
                            + about.max())
                    : zh ? "整数" : "a whole number";
            case NUMBER -> zh ? "数字" : "a number";
            case BOOLEAN -> zh ? "填 是 或 否" : "yes or no";
            case DATE -> zh ? "日期，格式 yyyy-MM-dd" : "a date, yyyy-MM-dd";
            case ENUM -> (zh ? "可选：" : "one of: ") + allowed(f.type(), lang);
            case ARRAY -> (zh ? "可选（用 ; 隔开）：" : "any of, separated by ';': ") + allowed(f.type(), lang);
            default -> null;
        };
        if (values != null) {
            parts.add(values);
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    private static String allowed(Class<?> type, Lang lang) {
        return Arrays.stream(type.getEnumConstants()).map(c -> (Labelled) c)
                .map(l -> lang == Lang.ZH && !l.zh().equalsIgnoreCase(l.json()) ? l.json() + "（" + l.zh() + "）" : l.json())
                .collect(Collectors.joining(lang == Lang.ZH ? "、" : ", "));
    }

    /** The two rows: the columns, then their explanations (the first cell starts with {@code #}). */
    static List<List<String>> rows(Lang lang) {
        List<String> header = columns();
        List<String> explained = new ArrayList<>();
        for (String c : header) {
            explained.add((explained.isEmpty() ? "# " : "") + explanation(c, lang));
        }
        return List.of(header, explained);
    }

    /**
     * Writes the template as CSV: a byte-order mark (so Excel opens the UTF-8 text as UTF-8), the two rows,
     * CRLF line ends. The writer should encode UTF-8.
     */
    public static void csv(Lang lang, Writer out) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        out.write('\uFEFF');
        for (List<String> row : rows(lang)) {
            out.write(mapper.writer(schema).writeValueAsString(row));
        }
        out.flush();
    }

    /**
     * Writes the template as an XLSX workbook. Needs {@code org.dhatim:fastexcel} on the class path (an optional
     * dependency); without it an {@link ImportException} says so.
     */
    public static void xlsx(Lang lang, OutputStream out) throws IOException {
        try {
            Xlsx.write(rows(lang), lang, out);
        } catch (NoClassDefFoundError e) {
            throw ImportException.of("", "", "import.template.no-fastexcel");
        }
    }

    /** Everything that touches fastexcel, so that the CSV template works without it. */
    private static final class Xlsx {
        static void write(List<List<String>> rows, Lang lang, OutputStream out) throws IOException {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "CommunityAdvisor", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(lang == Lang.ZH ? "社群" : "communities");
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    ws.value(r, c, row.get(c));
                }
            }
            for (int c = 0; c < rows.get(0).size(); c++) {
                ws.width(c, 18);
            }
            ws.range(0, 0, 0, rows.get(0).size() - 1).style().bold().set();
            ws.range(1, 0, 1, rows.get(0).size() - 1).style().italic().wrapText(true).set();
            ws.freezePane(0, 2);
            wb.finish();
        }
    }
}
