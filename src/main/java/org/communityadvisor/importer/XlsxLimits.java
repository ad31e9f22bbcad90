package org.communityadvisor.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.communityadvisor.ImportException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX workbook's limits, checked in one streaming pass before fastexcel reads it (fastexcel offers none: a
 * cell reference past {@code XFD} or a shared-string index past the table makes it grow a list until memory
 * runs out, and it holds any cell whole). The parts are read with the JDK's SAX parser (no DOCTYPE accepted),
 * their bytes counted as they inflate: cell references within {@code A1:XFD1048576}, shared-string indexes
 * within the table, text at most {@link #MAX_CELL_CHARS} characters a cell (Excel's own limit), numbers at most
 * {@link #MAX_NUMBER_CHARS} characters, parts at most {@link #MAX_PART_BYTES} inflated.
 */
final class XlsxLimits {
    /** Excel's own limit of characters in a cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** A number cell's characters (Excel writes at most 17 significant digits and an exponent). */
    static final int MAX_NUMBER_CHARS = 64;
    /** Most bytes one part of the workbook (a sheet, the shared strings) may inflate to. */
    static final long MAX_PART_BYTES = 256L << 20;
    static final int MAX_COLUMN = 16_384; // XFD
    /** Where Excel, LibreOffice and WPS write the shared strings (when the content types do not say). */
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final int MAX_ROW = 1_048_576;

    private static final Pattern REF = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})");

    private XlsxLimits() {
    }

    static void check(Path path) {
        check(path, MAX_PART_BYTES);
    }

    /** {@link #check(Path)} with another part limit (tests give a small one). */
    static void check(Path path, long maxPartBytes) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<String> sheets = new ArrayList<>();
            String strings = null;
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types != null) {
                for (String[] part : parts(zip, types, maxPartBytes)) {
                    if (part[1].endsWith(".sharedStrings+xml")) {
                        strings = part[0];
                    }
                }
            }
            if (strings == null || zip.getEntry(strings) == null) {
                strings = zip.getEntry(SHARED_STRINGS) != null ? SHARED_STRINGS : null;
            }
            // fastexcel finds the sheets through the workbook's relationships, not the content types: every other
            // XML part is checked as a sheet could be (only sheets have cells), so none escapes the limits
            for (java.util.Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") && !name.equals(strings)
                        && !name.equals("[Content_Types].xml")) {
                    sheets.add(name);
                }
            }
            long count = 0;
            if (strings != null && zip.getEntry(strings) != null) {
                Scan s = new Scan(path, strings, -1);
                parse(zip, strings, s, maxPartBytes);
                count = s.strings;
            }
            for (String sheet : sheets) {
                if (zip.getEntry(sheet) != null) {
                    parse(zip, sheet, new Scan(path, sheet, count), maxPartBytes);
                }
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // not a zip, a broken one, or an entry name that is not UTF-8: what cannot be checked is not read
            // (fastexcel reads a zip its own way, and a part it can read past a broken entry escaped the limits)
            throw ImportContext.malformed(path, "", "import.sheet.unreadable-xlsx");
        }
    }

    /** The parts the content types name ({@code [name, contentType]}), read with the same SAX parser. */
    private static List<String[]> parts(ZipFile zip, ZipEntry types, long maxPartBytes) throws IOException {
        List<String[]> out = new ArrayList<>();
        DefaultHandler h = new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                String name = a.getValue("PartName");
                String type = a.getValue("ContentType");
                if (name != null && type != null) {
                    out.add(new String[] {name.startsWith("/") ? name.substring(1) : name, type});
                }
            }
        };
        parse(zip, types.getName(), h, maxPartBytes);
        return out;
    }

    private static void parse(ZipFile zip, String name, DefaultHandler handler, long maxPartBytes) throws IOException {
        try (InputStream in = new Counted(zip.getInputStream(zip.getEntry(name)), zip.getName(), name, maxPartBytes)) {
            parser().parse(in, handler);
        } catch (SAXException e) {
            if (e.getException() instanceof ImportException ie) {
                throw ie;
            }
            // not well-formed XML: fastexcel refuses the workbook in its own words
        }
    }

    private static SAXParser parser() throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e);
        }
    }

    /** One part's checks as its elements stream by. */
    private static final class Scan extends DefaultHandler {
        private final Path file;
        private final String part;
        private final long sharedStrings; // -1: this is the shared-strings table
        long strings;
        private String cell = "";
        private String type = "n";
        private boolean inValue;
        private boolean inText;
        private final StringBuilder value = new StringBuilder();
        private long cellChars;

        Scan(Path file, String part, long sharedStrings) {
            this.file = file;
            this.part = part;
            this.sharedStrings = sharedStrings;
        }

        private ImportException refused(String position, String key, Object... args) {
            return ImportException.of(file.toString(), position, key, args);
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            switch (local) {
                case "si" -> {
                    strings++;
                    cellChars = 0;
                }
                case "c" -> {
                    String r = a.getValue("r");
                    cell = r == null ? "" : r;
                    if (r != null) {
                        reference(r);
                    }
                    String t = a.getValue("t");
                    type = t == null ? "n" : t;
                    cellChars = 0;
                }
                case "v" -> {
                    inValue = true;
                    value.setLength(0);
                }
                case "t", "is" -> inText = true;
                default -> {
                }
            }
        }

        private void reference(String r) throws SAXException {
            Matcher m = REF.matcher(r);
            int column = 0;
            boolean ok = m.matches();
            if (ok) {
                for (char ch : m.group(1).toUpperCase(java.util.Locale.ROOT).toCharArray()) {
                    column = column * 26 + (ch - 'A' + 1);
                }
                int row = Integer.parseInt(m.group(2));
                ok = column <= MAX_COLUMN && row >= 1 && row <= MAX_ROW;
            }
            if (!ok) {
                throw new SAXException(refused("cell " + cut(r), "import.limit.cell-reference"));
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (!inValue && !inText) {
                return;
            }
            cellChars += length;
            if (cellChars > MAX_CELL_CHARS) {
                throw new SAXException(refused(sharedStrings < 0 ? "shared string " + strings : "cell " + cut(cell),
                        "import.limit.cell", MAX_CELL_CHARS));
            }
            if (inValue && sharedStrings >= 0) {
                boolean number = !type.equals("str") && !type.equals("inlineStr") && !type.equals("e");
                if (number && value.length() + length > MAX_NUMBER_CHARS) {
                    throw new SAXException(refused("cell " + cut(cell), "import.limit.number", MAX_NUMBER_CHARS));
                }
                if (number) {
                    value.append(ch, start, length);
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (local.equals("v")) {
                inValue = false;
                if (type.equals("s") && sharedStrings >= 0) {
                    String v = value.toString().strip();
                    long index = -1;
                    if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(Character::isDigit)) {
                        index = Long.parseLong(v);
                    }
                    if (!v.isEmpty() && (index < 0 || index >= sharedStrings)) {
                        throw new SAXException(refused("cell " + cut(cell), "import.limit.shared-string", cut(v), sharedStrings));
                    }
                }
            } else if (local.equals("t") || local.equals("is")) {
                inText = false;
            }
        }
    }

    private static String cut(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** A part's bytes counted as they inflate (its header's sizes are not trusted). */
    private static final class Counted extends FilterInputStream {
        private final String file;
        private final String part;
        private final long max;
        private long count;

        Counted(InputStream in, String file, String part, long max) {
            super(in);
            this.file = file;
            this.part = part;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw ImportException.of(file, part, "import.limit.xlsx-part", max);
            }
        }
    }
}
