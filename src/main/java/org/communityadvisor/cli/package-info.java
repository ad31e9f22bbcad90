/**
 * Internal: the {@code advisor} command line, an application of the library. Not part of the API; picocli, Pebble
 * and the other libraries only it needs never reach an embedding application.
 */
package org.communityadvisor.cli;
