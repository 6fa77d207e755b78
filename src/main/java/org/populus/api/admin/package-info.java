/**
 * The Admin API under {@code /admin/api/…}: user accounts (create, roles, disable/enable, password reset, display
 * name), the catalogues (ID types, genders, group kinds, member kinds, programmes), the API keys of the Census
 * API's client applications, loading territorial scopes from TSV/CSV files, and the staff review of Census
 * procedures and issues with people's history.
 *
 * <p>Users, catalogues, API keys and scopes need the {@code admin} role; procedures and issues need {@code registrar}; people's
 * history and procedures need {@code data} (or {@code registrar}, for people not discarded). 401 without valid
 * credentials, 403 without the role; callers authenticate like on the other surfaces: header
 * {@code X-Openerp-Session-Id}, cookie {@code session_id} or HTTP Basic. Every error is an RFC 9457 problem detail
 * ({@code application/problem+json}). User and catalogue changes are guarded by optimistic versions: each write
 * carries the {@code version} the client read, and a stale one is a 409. Changing a user's roles, disabling them or
 * resetting their password ends all of their sessions at once. Reviews are guarded by claims instead: a procedure
 * one reviewer claimed is refused to the others (409, {@code reason} {@code claimed_by_other}) while the claim
 * lasts; a refused review names its {@code reason} in the problem detail.
 *
 * <p>Uses only the public API of the {@code access}, {@code catalog}, {@code scope}, {@code person},
 * {@code history} and {@code procedure} modules and the shared plumbing in {@code api.web}; it never depends on
 * another API surface.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin API")
package org.populus.api.admin;
