/**
 * Internal: the snapshot's JSON model (strict reading, validation, schema, merge patches). Not part of the API;
 * an application reads and writes JSON through {@link org.communityadvisor.AdviceJson}.
 */
package org.communityadvisor.json;
