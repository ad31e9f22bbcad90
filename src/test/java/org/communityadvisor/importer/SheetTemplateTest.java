package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.communityadvisor.Advisor;
import org.communityadvisor.Barrier;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Lang;
import org.communityadvisor.Level;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.communityadvisor.json.SnapshotModel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class SheetTemplateTest {
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Test
    void theColumnsAreEveryLeafOfTheModelButHistoryAndAcknowledged() {
        List<String> expected = new ArrayList<>();
        for (SnapshotModel.Field f : SnapshotModel.byPath().values()) {
            if (f.kind() != SnapshotModel.Kind.OBJECT && !f.path().startsWith("history")
                    && !f.path().startsWith("acknowledged") && !f.path().equals("schemaVersion")) {
                expected.add(f.path());
            }
        }
        assertThat(SheetTemplate.columns()).isEqualTo(expected);
        assertThat(SheetTemplate.columns()).startsWith("id", "name", "platform");
        assertThat(SheetTemplate.columns()).contains("members.total", "operations.rules", "entry.channels",
                "commerce.refunds30d");
        assertThat(SheetTemplate.columns()).contains("entry.feePeriodDays", "activity.memberOutputs7d",
                "activity.peakHour", "operations.groupCulture", "operations.renewalPlan", "operations.crisisPlan",
                "operations.materialsKit");
        assertThat(SheetTemplate.columns()).hasSize(67);
    }

    @Test
    void everyColumnHasAChineseExplanation() {
        for (String c : SheetTemplate.columns()) {
            String zh = SheetTemplate.explanation(c, Lang.ZH);
            assertThat(CJK.matcher(zh).find()).as(c + ": " + zh).isTrue();
            assertThat(zh).as(c).isNotEqualTo(SheetTemplate.explanation(c, Lang.EN));
        }
        assertThat(SheetTemplate.explanation("id", Lang.ZH)).startsWith("必填；社群的固定编号");
        assertThat(SheetTemplate.explanation("operations.rules", Lang.ZH)).isEqualTo("有奖惩分明的群规；填 是 或 否");
        assertThat(SheetTemplate.explanation("entry.barrier", Lang.ZH)).isEqualTo("准入门槛；可选：none（无门槛）、"
                + "approval（审核）、referral（推荐）、task（任务）、paid（付费）");
        assertThat(SheetTemplate.explanation("entry.channels", Lang.ZH)).endsWith("可选（用 ; 隔开）：qr（群二维码）、"
                + "livecode（活码）、invite（邀请）、link（链接）、offline（线下）、search（搜索）");
        assertThat(SheetTemplate.explanation("platform", Lang.ZH)).contains("、qq、discord、telegram（电报）、");
        assertThat(SheetTemplate.explanation("createdOn", Lang.ZH)).isEqualTo("必填；建群日期；日期，格式 yyyy-MM-dd");
        assertThat(SheetTemplate.explanation("purpose", Lang.ZH)).contains("learning（学习型）");
        assertThat(SheetTemplate.explanation("activity.peakHour", Lang.ZH)).startsWith("最近 30 天发言人数最多的钟点")
                .endsWith("；整数，0 到 23");
        assertThat(SheetTemplate.explanation("entry.feePeriodDays", Lang.ZH)).startsWith("付费会员一期的天数");
        assertThat(SheetTemplate.explanation("operations.crisisPlan", Lang.ZH)).endsWith("；填 是 或 否");
    }

    @Test
    void theEnglishExplanationIsTheModelsDescription() {
        assertThat(SheetTemplate.explanation("members.total", Lang.EN)).isEqualTo("required; Current members.; a whole number");
        assertThat(SheetTemplate.explanation("operations.rules", Lang.EN))
                .isEqualTo("Group rules with rewards and penalties 群规 (001, 004).; yes or no");
        assertThat(SheetTemplate.explanation("commerce.ticket", Lang.EN)).endsWith("; one of: low, high");
        assertThat(SheetTemplate.explanation("entry.fee", Lang.EN)).endsWith("; a number");
        assertThat(SheetTemplate.explanation("purpose", Lang.EN)).contains("learning");
        assertThat(SheetTemplate.explanation("activity.peakHour", Lang.EN)).startsWith("The hour of the day")
                .endsWith("; a whole number from 0 to 23");
        assertThat(SheetTemplate.explanation("activity.memberOutputs7d", Lang.EN)).endsWith("; a whole number");
        assertThatThrownBy(() -> SheetTemplate.explanation("history", Lang.EN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCatalogsEnglishMeaningOfEachColumnIsTheModelsOwnDescription() {
        org.communityadvisor.text.Texts en = org.communityadvisor.text.Texts.of(Lang.EN);
        for (String column : SheetTemplate.columns()) {
            assertThat(en.get("import.template.meaning." + column)).as(column)
                    .isEqualTo(SnapshotModel.byPath().get(column).field().value());
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theCsvHasTheHeaderAndAnExplanationRow(Lang lang) throws IOException {
        StringWriter out = new StringWriter();
        SheetTemplate.csv(lang, out);
        String text = out.toString();
        assertThat(text).startsWith("\uFEFFid,name,platform,");
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(String.join(",", SheetTemplate.columns()));
        // a cell is quoted only where it must be (the English ones hold commas)
        assertThat(lines[1]).startsWith(lang == Lang.ZH ? "# 必填；社群的固定编号" : "\"# required; Stable id");
        assertThat(lines[1]).contains(lang == Lang.ZH ? ",必填；当前成员数；整数," : ",required; Current members.; a whole number,");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theFilledInTemplateImportsToAValidSnapshot(Lang lang, @TempDir Path tmp) throws IOException {
        StringWriter out = new StringWriter();
        SheetTemplate.csv(lang, out);
        List<String> values = new ArrayList<>();
        for (String c : SheetTemplate.columns()) {
            values.add(switch (c) {
                case "id" -> "round-trip";
                case "name" -> "好书共读";
                case "platform" -> "wechat";
                case "purpose" -> lang == Lang.ZH ? "学习型" : "learning";
                case "activity.peakHour" -> "20";
                case "origin" -> "business";
                case "createdOn" -> "2026-01-01";
                case "asOf" -> "2026-11-30";
                case "eventEndsOn", "entry.qrCreatedOn" -> "";
                case "goal" -> "read a book a month";
                case "members.total" -> "200";
                case "entry.barrier" -> "paid";
                case "entry.fee" -> "99.9";
                case "entry.channels" -> "qr;invite";
                case "commerce.ticket", "commerce.purchaseFrequency" -> "high";
                case "operations.groupsOperated" -> "2";
                default -> switch (SnapshotModel.byPath().get(c).kind()) {
                    case BOOLEAN -> lang == Lang.ZH ? "是" : "yes";
                    case INTEGER -> "1";
                    default -> throw new IllegalStateException("no value for " + c);
                };
            });
        }
        Path file = tmp.resolve("clients.csv");
        Files.writeString(file, out + String.join(",", values) + "\r\n", StandardCharsets.UTF_8);

        ImportResult r = Importer.read(Format.SHEET, List.of(file), ImportOptions.defaults());
        assertThat(r.rejected()).isEmpty();
        assertThat(r.communities()).hasSize(1);
        Snapshot s = r.communities().get(0).snapshot();
        assertThat(s.id()).isEqualTo("round-trip");
        assertThat(s.name()).isEqualTo("好书共读");
        assertThat(s.platform()).isEqualTo(Platform.WECHAT);
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(s.members().total()).isEqualTo(200);
        assertThat(s.members().silent30d()).isEqualTo(1);
        assertThat(s.entry().barrier()).isEqualTo(Barrier.PAID);
        assertThat(s.entry().fee()).isEqualTo(99.9);
        assertThat(s.entry().channels()).containsExactly(Channel.QR, Channel.INVITE);
        assertThat(s.operations().rules()).isTrue();
        assertThat(s.operations().groupsOperated()).isEqualTo(2);
        assertThat(s.commerce().ticket()).isEqualTo(Level.HIGH);
        assertThat(s.commerce().refunds30d()).isEqualTo(1);
        assertThat(s.purpose()).isEqualTo(org.communityadvisor.Purpose.LEARNING);
        assertThat(s.activity().peakHour()).isEqualTo(20);
        assertThat(s.entry().feePeriodDays()).isEqualTo(1);
        assertThat(s.operations().materialsKit()).isTrue();
        assertThat(r.communities().get(0).report().fields()).hasSize(65);  // every column but the two left empty
        assertThat(r.communities().get(0).report().source()).endsWith("clients.csv row 3");
        assertThat(Advisor.builder().build().advise(s).communityId()).isEqualTo("round-trip");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theXlsxHasTheSameTwoRows(Lang lang, @TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("clients.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            SheetTemplate.xlsx(lang, out);
        }
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c.getText()));
                rows.add(cells);
            }
        }
        assertThat(rows).isEqualTo(SheetTemplate.rows(lang));
        assertThat(rows.get(1).get(0)).startsWith("# ");
        // the reader skips the explanation row: a blank template has no community
        assertThatThrownBy(() -> Importer.read(Format.SHEET, List.of(file), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class).hasMessage(file + ": has a header but no community row");
    }
}
