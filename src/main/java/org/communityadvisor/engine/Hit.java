package org.communityadvisor.engine;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.communityadvisor.Severity;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A recommendation rule matched: inserted by the rule's consequence, read back by the {@code hits} query.
 *
 * @param id       the rule's catalog id (its name)
 * @param severity the severity it fired with
 * @param variant  the wording it fired for, one of its {@code @variants} ({@code action.livecode} in its texts),
 *                 or {@code null} for its usual wording
 */
public record Hit(String id, Severity severity, String variant) {
    /** A hit with the rule's usual wording. */
    public Hit(String id, Severity severity) {
        this(id, severity, null);
    }

    /**
     * Severities by the text of a rule's {@code @severity}: worked out once per text, so a consequence pays two
     * map look-ups. Keyed by the text rather than by rule name, so rules reloaded with another severity under
     * the same name are never served a stale one.
     */
    private static final Map<String, Severity> BY_TEXT = new ConcurrentHashMap<>();

    /**
     * The hit of the rule now firing, with its one severity from its {@code @severity} metadata: what a rule
     * whose severity does not vary writes, {@code insert(Hit.of(kcontext));}.
     *
     * @throws IllegalStateException when the rule lists several severities or none (lint refuses both)
     */
    public static Hit of(RuleContext kcontext) {
        String name = kcontext.getRule().getName();
        Object text = kcontext.getRule().getMetaData().get("severity");
        if (text == null) {
            throw new IllegalStateException("rule \"" + name + "\" has no @severity");
        }
        Severity severity = BY_TEXT.computeIfAbsent(text.toString(), Hit::parse);
        if (severity == null) {
            throw new IllegalStateException("rule \"" + name + "\" has @severity(\"" + text
                    + "\"): name one severity there, or the one it fires with in Hit.of(kcontext, Severity.X)");
        }
        return new Hit(name, severity);
    }

    /** The hit of the rule now firing, with the severity it chose (for a rule whose severity varies by case). */
    public static Hit of(RuleContext kcontext, Severity severity) {
        return new Hit(kcontext.getRule().getName(), severity);
    }

    /**
     * The hit of the rule now firing, with its one severity and the wording of one of its {@code @variants}
     * ({@code null}: its usual wording).
     */
    public static Hit of(RuleContext kcontext, String variant) {
        Hit usual = of(kcontext);
        return new Hit(usual.id(), usual.severity(), variant);
    }

    /**
     * The hit of the rule now firing, with the severity it chose and the wording of one of its {@code @variants}
     * ({@code null}: its usual wording): a rule whose situation changes what to do, not only how much it matters.
     */
    public static Hit of(RuleContext kcontext, Severity severity, String variant) {
        return new Hit(kcontext.getRule().getName(), severity, variant);
    }

    /** The one severity a {@code @severity} text names, or {@code null} when it names several or none known. */
    private static Severity parse(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.contains(",")) {
            return null;
        }
        try {
            return Severity.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
