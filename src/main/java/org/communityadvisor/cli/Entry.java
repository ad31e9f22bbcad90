package org.communityadvisor.cli;

import org.communityadvisor.Advice;
import org.communityadvisor.Snapshot;

/** One advised community in a batch: where it came from, its snapshot, its advice. */
record Entry(String label, Snapshot snapshot, Advice advice) {
}
