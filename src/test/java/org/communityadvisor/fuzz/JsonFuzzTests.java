package org.communityadvisor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Profile;
import org.communityadvisor.ProfileException;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.InputReader;

/**
 * Coverage-guided fuzzing (Jazzer) of the JSON entry points: whatever bytes come in, only the documented
 * exception may escape ({@link InvalidSnapshotException} naming a path and a reason for snapshots and scenario
 * files, {@link ProfileException} for a profile file), and every advice meets the contract.
 *
 * <p>{@code mvn test} replays the committed corpus in
 * {@code src/test/resources/org/communityadvisor/fuzz/JsonFuzzTestsInputs/<method>/} (regression mode);
 * {@code scripts/fuzz.sh} fuzzes each method for real and merges what adds coverage into that corpus.
 */
class JsonFuzzTests {
    private static final Advisor ADVISOR = Advisor.builder().build();

    /** Snapshot or scenario text, read and validated only (fast: the reader and validator get most inputs). */
    @FuzzTest
    void readSnapshot(byte[] data) {
        try {
            Snapshot s = InputReader.read(new String(data, StandardCharsets.UTF_8));
            if (s == null) {
                throw new AssertionError("InputReader.read returned null");
            }
        } catch (InvalidSnapshotException e) {
            namesPathAndReason(e);
        }
    }

    /** Snapshot or scenario text through the public API, rules and all: advice within the contract or refusal. */
    @FuzzTest
    void advise(byte[] data) {
        Advice advice;
        try {
            advice = ADVISOR.advise(new String(data, StandardCharsets.UTF_8));
        } catch (InvalidSnapshotException e) {
            namesPathAndReason(e);
            return;
        }
        org.communityadvisor.FuzzTest.satisfiesTheContract(advice);
    }

    /** A user's profile file ({@code --profile FILE}): a profile, or a {@link ProfileException}. */
    @FuzzTest
    void profile(byte[] data) {
        Path file = TempFiles.file("profile.json");
        TempFiles.write(file, data);
        try {
            Profile p = Profile.fromFile(file);
            if (p.thresholds() == null) {
                throw new AssertionError("profile without thresholds");
            }
        } catch (ProfileException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("ProfileException without a message", e);
            }
        }
    }

    static void namesPathAndReason(InvalidSnapshotException e) {
        if (e.errors().isEmpty()) {
            throw new AssertionError("InvalidSnapshotException without errors", e);
        }
        for (ValidationError v : e.errors()) {
            if (v.path() == null || v.reason() == null || v.reason().isBlank()) {
                throw new AssertionError("error without path or reason: " + v, e);
            }
        }
    }
}
