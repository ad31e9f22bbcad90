/**
 * Internal: reading input within its limits. Not part of the API.
 */
package org.communityadvisor.io;
