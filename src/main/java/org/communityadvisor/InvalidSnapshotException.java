package org.communityadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** A snapshot was refused; {@link #errors()} names every JSON path at fault and why. Nothing was evaluated. */
public final class InvalidSnapshotException extends AdvisorException {
    private final transient List<ValidationError> errors;

    public InvalidSnapshotException(List<ValidationError> errors) {
        super(errors.stream().map(ValidationError::toString).collect(Collectors.joining("; ")), null);
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
