package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each threshold is declared once ({@code rules/thresholds.json}): the default profile is the declared defaults,
 * a profile is refused outside a declared range, and the values' carrier ({@link Thresholds}) has a component
 * a declaration, in order and of its kind.
 */
class ThresholdDeclarationTest {
    @Test
    void theRecordCarriesExactlyTheDeclarationsInOrderAndKind() {
        List<ThresholdDeclaration> declared = ThresholdDeclaration.all();
        RecordComponent[] components = Thresholds.class.getRecordComponents();
        assertThat(declared).extracting(ThresholdDeclaration::name)
                .containsExactly(java.util.Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            assertThat(declared.get(i).integer()).as(declared.get(i).name() + " is whole iff the record's is int")
                    .isEqualTo(type == int.class || type == Integer.class);
            assertThat(declared.get(i).none()).as(declared.get(i).name() + " may be none iff the record's is boxed")
                    .isEqualTo(!type.isPrimitive());
            assertThat(declared.get(i).en()).as(declared.get(i).name() + " en").isNotBlank();
            assertThat(declared.get(i).zh()).as(declared.get(i).name() + " zh").containsPattern("\\p{IsHan}");
            if (declared.get(i).defaultValue() == null) {
                assertThat(declared.get(i).none()).as(declared.get(i).name() + "'s default is none, so it may be").isTrue();
            } else {
                assertThat(declared.get(i).problem(declared.get(i).defaultValue().doubleValue()))
                        .as(declared.get(i).name() + "'s default is in its range").isNull();
            }
        }
    }

    @Test
    void theDefaultProfileIsTheDeclaredDefaults() throws Exception {
        Thresholds t = Profile.bundled(Profile.DEFAULT).thresholds();
        RecordComponent[] components = Thresholds.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object value = components[i].getAccessor().invoke(t);
            Number declared = ThresholdDeclaration.all().get(i).defaultValue();
            if (declared == null) {
                assertThat(value).as(components[i].getName()).isNull();
            } else {
                assertThat(((Number) value).doubleValue()).as(components[i].getName()).isEqualTo(declared.doubleValue());
            }
        }
    }

    @Test
    void aThresholdThatMayBeNoneTakesNullAndOthersDoNot(@TempDir Path dir) throws Exception {
        assertThat(Profile.bundled("slack").thresholds().maxManageableMembers()).isNull();
        assertThat(Profile.bundled("wechat").thresholds().maxManageableMembers()).isEqualTo(500);
        assertThat(Profile.bundled("wechat").thresholds().groupCap()).isEqualTo(500);
        assertThat(Profile.bundled(Profile.DEFAULT).thresholds().groupCap()).isNull();
        Path none = Files.writeString(dir.resolve("n.json"),
                "{\"name\": \"n\", \"extends\": \"wechat\", \"thresholds\": {\"maxManageableMembers\": null}}");
        assertThat(Profile.fromFile(none).thresholds().maxManageableMembers()).isNull();
        Path notNone = Files.writeString(dir.resolve("m.json"),
                "{\"name\": \"m\", \"thresholds\": {\"minViableMembers\": null}}");
        assertThatThrownBy(() -> Profile.fromFile(notNone)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("thresholds.minViableMembers: expected a number");
        Path noneWord = Files.writeString(dir.resolve("w.json"),
                "{\"name\": \"w\", \"thresholds\": {\"groupCap\": \"none\"}}");
        assertThatThrownBy(() -> Profile.fromFile(noneWord)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("thresholds.groupCap: expected a number, or null for none");
    }

    @Test
    void aProfileIsRefusedOutsideADeclaredRange(@TempDir Path dir) throws Exception {
        Path ratio = Files.writeString(dir.resolve("a.json"), "{\"name\": \"a\", \"thresholds\": {\"spamRatio\": 5}}");
        assertThatThrownBy(() -> Profile.fromFile(ratio)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("thresholds.spamRatio: 5 is out of range: between 0 and 1 (e.g. 0.1 for 10%)");
        Path whole = Files.writeString(dir.resolve("b.json"), "{\"name\": \"b\", \"thresholds\": {\"minViableMembers\": 2.5}}");
        assertThatThrownBy(() -> Profile.fromFile(whole)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("thresholds.minViableMembers: 2.5 is not a whole number");
        Path fine = Files.writeString(dir.resolve("c.json"), "{\"name\": \"c\", \"thresholds\": {\"minViableMembers\": 50}}");
        assertThat(Profile.fromFile(fine).thresholds().minViableMembers()).isEqualTo(50);
        assertThat(Profile.fromFile(fine).thresholds().livelyMembers()).as("the rest: the declared defaults")
                .isEqualTo(ThresholdDeclaration.named("livelyMembers").defaultValue());
    }
}
