package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A null where the API needs a value is named: a NullPointerException that says which argument. */
class NullArgumentsTest {
    private static final Advisor ADVISOR = Advisor.builder().build();

    @Test
    void everyEntryPointNamesItsNullArgument() {
        assertThatThrownBy(() -> ADVISOR.advise((Snapshot) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("snapshot");
        assertThatThrownBy(() -> ADVISOR.advise((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("json");
        assertThatThrownBy(() -> ADVISOR.advise((String) null, Lang.ZH)).hasMessage("json");
        assertThatThrownBy(() -> ADVISOR.advise("{}", null)).hasMessage("lang");
        assertThatThrownBy(() -> ADVISOR.reload(null)).isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("rulesDirectory");
        assertThatThrownBy(() -> Advisor.builder().lang(null)).hasMessage("lang");
        assertThatThrownBy(() -> Advisor.builder().rules(null)).hasMessage("rules");
    }
}
