package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The message catalog holds both languages of every entry, with the same placeholders. */
class MessageCatalogTest {
    @Test
    void everyEntryHasBothLanguagesWithTheSamePlaceholders() {
        for (Message m : Message.values()) {
            String en = m.template(Lang.EN);
            String zh = m.template(Lang.ZH);
            assertThat(en).as(m + " en").isNotBlank().doesNotContainPattern("\\p{IsHan}");
            assertThat(zh).as(m + " zh").isNotBlank().containsPattern("\\p{IsHan}");
            Set<Integer> placeholders = m.placeholders(Lang.EN);
            assertThat(m.placeholders(Lang.ZH)).as(m + ": zh placeholders").isEqualTo(placeholders);
            // numbered 0..n-1, none skipped
            assertThat(placeholders).as(m + ": placeholders")
                    .isEqualTo(IntStream.range(0, placeholders.size()).boxed().collect(Collectors.toCollection(TreeSet::new)));
            // no stray braces a typo could leave ("{O}", "{0")
            assertThat(en.replaceAll("\\{\\d+}", "")).as(m + " en").doesNotContain("{").doesNotContain("}");
            assertThat(zh.replaceAll("\\{\\d+}", "")).as(m + " zh").doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void rendersArgumentsAndNestedEntriesInTheSameLanguage() {
        assertThat(Message.EXPECTED_GOT.render(Lang.EN, Message.Text.of(Message.TYPE_INTEGER), "1.5"))
                .isEqualTo("expected an integer, got 1.5");
        assertThat(Message.EXPECTED_GOT.render(Lang.ZH, Message.Text.of(Message.TYPE_INTEGER), "1.5"))
                .isEqualTo("应为整数,却是 1.5");
        assertThat(Message.DOCUMENT_TOO_LARGE.render(Lang.EN, 2_000_000, 1 << 20))
                .isEqualTo("the document has 2000000 characters; at most 1048576 (1 MiB) are read");
        // an argument holding placeholder-like text is not expanded again
        assertThat(Message.MUST_MATCH.render(Lang.EN, "[a-z]{1,3}")).isEqualTo("must be of the form [a-z]{1,3}");
    }

    @Test
    void aValidationErrorIsImmutableAndKeepsItsEnglishReason() {
        List<Object> args = new java.util.ArrayList<>(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2)));
        ValidationError e = new ValidationError("asOf", Message.ASOF_BEFORE_CREATED, args);
        args.clear();
        assertThat(e.reason()).isEqualTo("2026-09-01 is before createdOn 2026-09-02");
        assertThat(e.reason(Lang.ZH)).isEqualTo("2026-09-01 早于 createdOn 2026-09-02");
        assertThat(e.toString()).isEqualTo("asOf: 2026-09-01 is before createdOn 2026-09-02");
        assertThat(e.at("snapshot.asOf")).isEqualTo(new ValidationError("snapshot.asOf", e.message(), e.args()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.args().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
