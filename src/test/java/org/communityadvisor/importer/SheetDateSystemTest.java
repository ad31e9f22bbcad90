package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XLSX date cells in both of Excel's date systems (ECMA-376 Part 1, §18.17.4.1): a workbook with
 * {@code <workbookPr date1904="1"/>} counts days from 1 January 1904 (serial 0), the default 1900 system from
 * 1 January 1900 (serial 1) with the phantom 29 February 1900 (serial 60). The workbooks are written here part by
 * part as the spec lays them out (content types, relationships, workbook, styles with the built-in date format
 * 14, one worksheet with inline strings), so the {@code workbookPr} element is exactly the one under test.
 */
class SheetDateSystemTest {
    /** 2026-01-10 and 2026-11-30 as Excel's 1900 system numbers them (Excel shows 46032 as 2026-01-10). */
    private static final int CREATED_1900 = 46032;
    private static final int AS_OF_1900 = 46356;
    /** The same days in the 1904 system: 1,462 fewer (four years and the phantom leap day). */
    private static final int CREATED_1904 = CREATED_1900 - 1462;
    private static final int AS_OF_1904 = AS_OF_1900 - 1462;

    private static Snapshot only(Path xlsx) {
        ImportResult r = Importer.read(Format.SHEET, List.of(xlsx), ImportOptions.defaults());
        assertThat(r.rejected()).isEmpty();
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0).snapshot();
    }

    @Test
    void a1904WorkbookCountsFromTheFirstOfJanuary1904(@TempDir Path tmp) throws IOException {
        Snapshot s = only(workbook(tmp.resolve("mac.xlsx"), "<workbookPr date1904=\"1\"/>", CREATED_1904, AS_OF_1904));
        assertThat(s.createdOn()).isEqualTo(LocalDate.parse("2026-01-10"));
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void date1904MayBeWrittenAsTrueToo(@TempDir Path tmp) throws IOException {
        Snapshot s = only(workbook(tmp.resolve("true.xlsx"), "<workbookPr date1904=\"true\"/>", CREATED_1904, AS_OF_1904));
        assertThat(s.createdOn()).isEqualTo(LocalDate.parse("2026-01-10"));
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void a1900WorkbookCountsFromTheFirstOfJanuary1900(@TempDir Path tmp) throws IOException {
        for (String pr : List.of("", "<workbookPr/>", "<workbookPr date1904=\"0\"/>", "<workbookPr date1904=\"false\"/>")) {
            Snapshot s = only(workbook(tmp.resolve("windows" + pr.length() + ".xlsx"), pr, CREATED_1900, AS_OF_1900));
            assertThat(s.createdOn()).as(pr).isEqualTo(LocalDate.parse("2026-01-10"));
            assertThat(s.asOf()).as(pr).isEqualTo(LocalDate.parse("2026-11-30"));
        }
    }

    @Test
    void theSameSerialIsFourYearsAndADayLaterIn1904(@TempDir Path tmp) throws IOException {
        Snapshot s = only(workbook(tmp.resolve("shifted.xlsx"), "<workbookPr date1904=\"1\"/>", 40000, 40100));
        // 40000 is 2009-07-06 in the 1900 system; counted from 1904 it is 2013-07-07.
        assertThat(s.createdOn()).isEqualTo(LocalDate.parse("2013-07-07"));
        assertThat(s.asOf()).isEqualTo(LocalDate.parse("2013-10-15"));
        Snapshot w = only(workbook(tmp.resolve("unshifted.xlsx"), "", 40000, 40100));
        assertThat(w.createdOn()).isEqualTo(LocalDate.parse("2009-07-06"));
        assertThat(w.asOf()).isEqualTo(LocalDate.parse("2009-10-14"));
    }

    /** A one-sheet workbook: a header row and one community whose createdOn and asOf are date cells. */
    private static Path workbook(Path file, String workbookPr, int createdOn, int asOf) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                %s<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
                </workbook>""".formatted(workbookPr));
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                </Relationships>""");
        parts.put("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
                <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
                </styleSheet>""");
        parts.put("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>platform</t></is></c><c r="C1" t="inlineStr"><is><t>createdOn</t></is></c><c r="D1" t="inlineStr"><is><t>asOf</t></is></c><c r="E1" t="inlineStr"><is><t>members.total</t></is></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>book-club</t></is></c><c r="B2" t="inlineStr"><is><t>wechat</t></is></c><c r="C2" s="1"><v>%d</v></c><c r="D2" s="1"><v>%d</v></c><c r="E2"><v>140</v></c></row>
                </sheetData>
                </worksheet>""".formatted(createdOn, asOf));
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
