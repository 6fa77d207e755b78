/**
 * Events: every committed change to a registrant or household leaves Populus. A trigger on history's
 * {@code record_version} writes an outbox row in the change's own transaction, so no write can skip it; one relay
 * across all instances (a PostgreSQL advisory lock) publishes the rows in order to RabbitMQ with publisher confirms
 * and deletes them once confirmed: the Census notifications ({@code census.people.full_status_changed},
 * {@code census.people.confirm_email_change}) exactly as the original Census publishes them for Decidim's Hutch
 * consumer, and one CloudEvents 1.0 message per version ({@code populus.registrant.changed},
 * {@code populus.household.changed}). Without a broker the outbox is purged and the change feed (history, read by
 * the Admin API) is the way to follow changes.
 *
 * <p>Owns table {@code event_outbox}. Public API: {@link org.populus.events.EventsProperties} (the settings) and
 * {@link org.populus.events.Outbox} (backlog figures). The rules for which version causes which Census
 * notification are in {@code CensusNotifications}; see docs/events.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package org.populus.events;
