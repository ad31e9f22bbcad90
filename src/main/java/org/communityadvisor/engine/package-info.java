/**
 * Internal: the rule engine (loading, checking and running rules with Drools, assembling the advice). Not part of
 * the API and may change in any release; an application uses {@link org.communityadvisor.Advisor} and {@link
 * org.communityadvisor.Rules}. The exceptions are the facts rules are written against, the rule author's API:
 * {@link org.communityadvisor.engine.Community}, {@link org.communityadvisor.engine.Hit}, {@link
 * org.communityadvisor.engine.StageFact} and {@link org.communityadvisor.engine.Suppressed}.
 */
package org.communityadvisor.engine;
