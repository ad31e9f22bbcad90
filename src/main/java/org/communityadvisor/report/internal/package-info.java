/**
 * Internal: what the reports share (labels, formatting). Not part of the API.
 */
package org.communityadvisor.report.internal;
