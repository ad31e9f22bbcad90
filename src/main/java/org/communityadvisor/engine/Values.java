package org.communityadvisor.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communityadvisor.Lang;
import org.communityadvisor.Thresholds;
import org.communityadvisor.json.SnapshotSchema;
import org.communityadvisor.text.Texts;

/**
 * Resolves the names rules use in {@code @evidence} and in their texts' {@code {placeholders}}: a snapshot
 * path ({@code members.total}), a derived value of {@link Community} ({@code activeRatio}), or a threshold
 * ({@code minViableMembers}). Resolution is worked out once per name, when rules load.
 */
public final class Values {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)(%?)}");
    /** The OCR's pinyin gloss after a character of the source documents: 出現(xiàn), 個(gè). */
    private static final Pattern PINYIN_GLOSS =
            Pattern.compile("(?<=\\p{IsHan})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]+[)）]");
    private static final Map<String, Method> COMMUNITY = communityGetters();
    private static final Map<String, Method> THRESHOLDS = thresholdAccessors();

    private Values() {
    }

    /** A way to read one named value. */
    @FunctionalInterface
    public interface Ref {
        Object get(Community community, Thresholds thresholds);
    }

    /** Whether the name is a snapshot field path (and so can be a data gap when unknown). */
    public static boolean isSnapshotPath(String name) {
        return SnapshotSchema.paths().contains(name);
    }

    /** Whether the name is a threshold of the profile. */
    public static boolean isThreshold(String name) {
        return THRESHOLDS.containsKey(name);
    }

    /** How to read a name, or {@code null} when it names nothing. */
    public static Ref ref(String name) {
        Method threshold = THRESHOLDS.get(name);
        if (threshold != null) {
            java.util.function.Function<Object, Object> h = org.communityadvisor.json.Getters.of(threshold);
            return (c, t) -> h.apply(t);
        }
        if (!name.contains(".") && COMMUNITY.containsKey(name)) {
            // A derived value (activeRatio ...) or a top-level field as the rules see it (coreGroup: absent is false).
            java.util.function.Function<Object, Object> h = org.communityadvisor.json.Getters.of(COMMUNITY.get(name));
            return (c, t) -> h.apply(c);
        }
        org.communityadvisor.json.SnapshotModel.Field field = org.communityadvisor.json.SnapshotModel.byPath().get(name);
        if (field == null || name.contains("[]")) {
            return null;
        }
        // A snapshot path: read along the records, from the snapshot itself (the model is the one source).
        List<java.util.function.Function<Object, Object>> chain = new java.util.ArrayList<>();
        String prefix = "";
        for (String part : name.split("\\.")) {
            chain.add(org.communityadvisor.json.SnapshotModel.byPath().get(prefix + part).getter());
            prefix = prefix + part + ".";
        }
        if (chain.size() == 1) {
            java.util.function.Function<Object, Object> only = chain.get(0);
            return (c, t) -> only.apply(c.getSnapshot());
        }
        if (chain.size() == 2) {
            java.util.function.Function<Object, Object> first = chain.get(0);
            java.util.function.Function<Object, Object> second = chain.get(1);
            return (c, t) -> {
                Object group = first.apply(c.getSnapshot());
                return group == null ? null : second.apply(group);
            };
        }
        @SuppressWarnings("unchecked")
        java.util.function.Function<Object, Object>[] steps = chain.toArray(java.util.function.Function[]::new);
        return (c, t) -> {
            Object value = c.getSnapshot();
            for (java.util.function.Function<Object, Object> step : steps) {
                if (value == null) {
                    return null;
                }
                value = step.apply(value);
            }
            return value;
        };
    }

    /** A value as evidence shows it: ratios rounded to four decimals, everything else as it is. */
    public static Object evidence(Object value) {
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return Math.round(d * 10_000) / 10_000.0;
        }
        return value;
    }

    /** A text with placeholders, split once into literal parts and names so filling it needs no parsing. */
    public static final class Template {
        private static final Pattern NEXT_WORD = Pattern.compile("^( )([a-z]+)\\b");
        /** A count noun after a word that qualifies it: "1 guest share", "1 live session". */
        private static final Pattern SECOND_WORD = Pattern.compile("^( [a-z]+ )([a-z]+)\\b");

        private final String[] literals;
        /** The literals' total length: what the filled text needs before its values. */
        private final int length;
        private final String[] names;
        private final boolean[] percent;
        /** For each placeholder, the literal after it with its first word in the singular, or null. */
        private final String[] singularNext;

        private Template(String[] literals, String[] names, boolean[] percent) {
            this.literals = literals;
            this.length = java.util.Arrays.stream(literals).mapToInt(String::length).sum();
            this.names = names;
            this.percent = percent;
            this.singularNext = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                Matcher m = NEXT_WORD.matcher(literals[i + 1]);
                String singular = m.find() ? singular(m.group(2)) : null;
                if (singular != null) {
                    singularNext[i] = " " + singular + literals[i + 1].substring(m.end());
                } else {
                    Matcher two = SECOND_WORD.matcher(literals[i + 1]);
                    String second = two.find() ? singular(two.group(2)) : null;
                    if (second != null) {
                        singularNext[i] = two.group(1) + second + literals[i + 1].substring(two.end());
                    }
                }
            }
        }

        /**
         * The singular of an English count noun the texts put after a number ("1 member", not "1 members"): the
         * catalog's {@code noun.members} for one; {@code null} when the catalog does not know the word as a plural.
         */
        static String singular(String plural) {
            Texts en = Texts.of(Lang.EN);
            String key = "noun." + plural;
            if (!en.has(key) || !en.get(key, 2).equals(plural)) {
                return null;
            }
            String one = en.get(key, 1);
            return one.equals(plural) ? null : one;
        }

        public static Template of(String text) {
            java.util.List<String> literals = new java.util.ArrayList<>();
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.List<Boolean> percent = new java.util.ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                literals.add(text.substring(at, m.start()));
                names.add(m.group(1));
                percent.add(!m.group(2).isEmpty());
                at = m.end();
            }
            literals.add(text.substring(at));
            boolean[] p = new boolean[percent.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = percent.get(i);
            }
            return new Template(literals.toArray(String[]::new), names.toArray(String[]::new), p);
        }

        public String fill(Map<String, Object> values, Lang lang) {
            if (names.length == 0) {
                return literals[0];
            }
            StringBuilder out = new StringBuilder(length + 12 * names.length).append(literals[0]);
            for (int i = 0; i < names.length; i++) {
                Object v = values.get(names[i]);
                boolean one = !percent[i] && singularNext[i] != null && v instanceof Number n && Math.abs(n.doubleValue()) == 1;
                out.append(format(v, percent[i], lang)).append(one ? singularNext[i] : literals[i + 1]);
            }
            return out.toString();
        }
    }

    /** The names a template refers to. */
    public static java.util.List<String> placeholders(String template) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** A value as a reader of the language reads it: 是/否, 无门槛, 未知, a list joined with 、. */
    public static String display(Object v, Lang lang) {
        return format(v, false, lang);
    }

    /**
     * A quote as a reader sees it: without the OCR's pinyin glosses ({@code 出現(xiàn)} reads {@code 出現}).
     * The advice's {@code source.quote} stays verbatim; only what is shown to people is cleaned.
     */
    public static String readableQuote(String quote) {
        return quote == null ? null : PINYIN_GLOSS.matcher(quote).replaceAll("");
    }

    static String format(Object v, boolean percent, Lang lang) {
        if (v == null) {
            return Texts.of(lang).get("value.unknown");
        }
        if (v instanceof Number n && percent) {
            return plain(n.doubleValue() * 100, 1) + "%";
        }
        if (v instanceof Double d) {
            return plain(d, 2);
        }
        if (v instanceof Boolean b) {
            return Texts.of(lang).get(b ? "value.yes" : "value.no");
        }
        if (v instanceof org.communityadvisor.Labelled l) {
            return l.label(lang);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(e -> e instanceof org.communityadvisor.Labelled l ? l.label(lang) : String.valueOf(e))
                    .collect(Collectors.joining(Texts.of(lang).get("value.list-separator")));
        }
        return String.valueOf(v);
    }

    /** A number with at most {@code scale} decimals and no trailing zeros: 12.5, 0.07, 30. */
    static String plain(double d, int scale) {
        double factor = scale == 1 ? 10 : scale == 2 ? 100 : Math.pow(10, scale);
        long scaled = Math.round(Math.abs(d) * factor);
        long whole = scaled / (long) factor;
        long frac = scaled % (long) factor;
        StringBuilder out = new StringBuilder(d < 0 && scaled != 0 ? "-" : "").append(whole);
        if (frac != 0) {
            String digits = Long.toString(frac + (long) factor).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return out.toString();
    }

    private static Map<String, Method> communityGetters() {
        Map<String, Method> out = new HashMap<>();
        for (Method m : Community.class.getMethods()) {
            if (m.getName().startsWith("get") && m.getParameterCount() == 0 && m.getDeclaringClass() == Community.class
                    && !m.getName().equals("getSnapshot") && !m.getName().equals("getThresholds")) {
                String n = m.getName().substring(3);
                out.put(Character.toLowerCase(n.charAt(0)) + n.substring(1), m);
            }
        }
        return Map.copyOf(out);
    }

    private static Map<String, Method> thresholdAccessors() {
        Map<String, Method> out = new HashMap<>();
        for (RecordComponent rc : Thresholds.class.getRecordComponents()) {
            out.put(rc.getName(), rc.getAccessor());
        }
        return Map.copyOf(out);
    }
}
