/**
 * Access: user accounts with roles, slow password hashes, and login sessions kept in PostgreSQL (Spring Session
 * JDBC) so several instances share them.
 *
 * <p>Owns tables {@code app_user}, {@code spring_session}, {@code spring_session_attributes}. Public API:
 * {@link org.populus.access.UserAccounts}, {@link org.populus.access.Sessions}, {@link org.populus.access.Role}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.populus.access;
