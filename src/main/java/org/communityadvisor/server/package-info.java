/**
 * Internal: {@code advisor serve}, the HTTP service (Jetty), an application of the library. Not part of the API.
 */
package org.communityadvisor.server;
