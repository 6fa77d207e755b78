/**
 * Access: user accounts with roles, slow password hashes, login sessions kept in PostgreSQL (Spring Session
 * JDBC) so several instances share them, the throttling of failed logins per login and client address, per
 * address and per login (counted in PostgreSQL, shared by every instance: {@code LoginThrottle}), and the API
 * keys of the Census API's client applications.
 *
 * <p>Owns tables {@code app_user}, {@code spring_session}, {@code spring_session_attributes}, {@code api_key},
 * {@code login_failures}.
 * Public API: {@link org.populus.access.UserAccounts}, {@link org.populus.access.Sessions},
 * {@link org.populus.access.Role}, {@link org.populus.access.ApiKeys}, {@link org.populus.access.PersonVisibility} (what
 * of a person a caller may see: the one policy the Admin API and the back office ask).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.populus.access;
