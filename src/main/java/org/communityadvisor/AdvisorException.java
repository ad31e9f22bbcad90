package org.communityadvisor;

/**
 * Everything the advisor refuses, as one sealed family an application can catch whole or by kind:
 * <ul>
 * <li>{@link InvalidSnapshotException}: a snapshot (JSON or Java-built) broke the contract; {@code errors()}
 *     names every JSON path at fault and why;</li>
 * <li>{@link RulesException}: a rules folder does not compile or lacks what rules need; {@code problems()}
 *     names file and line;</li>
 * <li>{@link ProfileException}: a profile is unknown, unreadable or incomplete; the message names the file or
 *     profile and the field.</li>
 * <li>{@link ImportException}: an export or sheet given to an importer is not the named format, is malformed, or
 *     lacks what a snapshot needs; {@code file()} and {@code position()} name the record.</li>
 * </ul>
 * Messages are in English; they carry no stack trace of their own making (the advisor's input checks are not
 * internal errors).
 */
public abstract sealed class AdvisorException extends RuntimeException
        permits InvalidSnapshotException, RulesException, ProfileException, ImportException {
    AdvisorException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
