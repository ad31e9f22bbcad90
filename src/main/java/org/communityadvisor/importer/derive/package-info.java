/**
 * The one derivation from events to a snapshot: accumulate per day and person, window, assemble with {@link
 * org.communityadvisor.Snapshot#builder()}. The importers and the Spark fleet job both call it, so their snapshots
 * are equal by construction; an application imports through {@link org.communityadvisor.importer.Importer}.
 */
package org.communityadvisor.importer.derive;
