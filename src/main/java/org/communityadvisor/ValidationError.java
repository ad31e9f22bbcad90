package org.communityadvisor;

/**
 * One reason a snapshot was refused.
 *
 * @param path   the JSON path of the offending value, e.g. {@code members.total} or {@code history[2].weekEnding};
 *               {@code (root)} for the document itself
 * @param reason what is wrong, in plain English
 */
public record ValidationError(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
