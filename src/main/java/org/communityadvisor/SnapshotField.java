package org.communityadvisor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one field of the snapshot means and what values it may hold: the single description of the snapshot
 * model. The JSON Schema (generated at build time, {@code ./advisor schema}), the validator's type, bound and
 * part-of-whole checks and the names rules and evidence use all follow from the records and these
 * annotations, so adding a field is adding a record component with this annotation (and a rule that uses it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface SnapshotField {
    /** What the field means, in English (may name the Chinese term and the source document). */
    String value();

    /** Whether the field must be present and not null. */
    boolean required() default false;

    /** Numbers: the smallest value allowed (counts are 0 and up). */
    long min() default 0;

    /** Integers: the largest value allowed ({@link Integer#MAX_VALUE}: no bound of its own). */
    int max() default Integer.MAX_VALUE;

    /** Counts: the path of the whole this count is part of (never larger than it, where both are known). */
    String partOf() default "";

    /** Strings: a regular expression the whole value must match. */
    String pattern() default "";

    /** Strings: how {@link #pattern()} reads in words, for the error message ("must be ..."). */
    String patternInWords() default "";

    /** Strings: the most characters (code points) allowed; 0 for no limit. */
    int maxLength() default 0;

    /** Lists: the most items allowed; 0 for no limit. */
    int maxItems() default 0;

    /** Lists: what one item is. */
    String item() default "";

    /** Integers: the only value allowed ({@code schemaVersion}); {@link Integer#MIN_VALUE} for none. */
    int constant() default Integer.MIN_VALUE;
}
