/**
 * Internal: the one text catalog every user-facing sentence comes from (ResourceBundle and MessageFormat). Not part
 * of the API; a translation is a properties file under {@code org/communityadvisor/texts/}.
 */
package org.communityadvisor.text;
