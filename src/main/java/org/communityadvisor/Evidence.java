package org.communityadvisor;

import org.communityadvisor.engine.Values;

/**
 * How an advice's evidence and a rule's quote read to people, as the bundled reports write them: for an
 * embedding application's own report, so it needs nothing of the engine.
 *
 * <pre>{@code
 * rec.evidence().forEach((name, value) -> System.out.println(name + " = " + Evidence.display(value, Lang.ZH)));
 * }</pre>
 */
public final class Evidence {
    private Evidence() {
    }

    /** A value as a reader of the language reads it: 是/否, 无门槛, 未知, a list joined with 、, 12.5. */
    public static String display(Object value, Lang lang) {
        return Values.display(value, lang);
    }

    /** A value as an advice's evidence carries it: ratios rounded to four decimals, everything else as it is. */
    public static Object rounded(Object value) {
        return Values.evidence(value);
    }

    /**
     * A quote as a reader sees it: without the OCR's pinyin glosses ({@code 出現(xiàn)} reads {@code 出現}).
     * An advice's {@code source.quote} stays verbatim; only what is shown to people is cleaned.
     */
    public static String readableQuote(String quote) {
        return Values.readableQuote(quote);
    }
}
