package org.communityadvisor;

/**
 * A profile that cannot be used: an unknown bundled name (with the nearest known one), an unreadable file,
 * an unknown or missing threshold. The message names the profile or file and the field, e.g.
 * {@code my.json: thresholds.minViableMember: unknown threshold; did you mean 'minViableMembers'?}.
 */
public final class ProfileException extends AdvisorException {
    public ProfileException(String message) {
        super(message, null);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
