/**
 * Procedures: requests to register or change a person (registration, data change, cancellation, membership level,
 * document and phone verification) as the Census API makes them. Most are accepted automatically from a durable
 * queue in PostgreSQL right after the request commits; document verifications, and any procedure whose person has
 * an open issue (duplicates, untrusted email or phone), wait for staff review.
 *
 * <p>Owns tables {@code procedure}, {@code procedure_task} (the queue), {@code issue}, {@code issue_person},
 * {@code issue_procedure}, {@code census_share}. Every effect on a person goes through
 * {@link org.populus.person.Registrants}, so the
 * person's history records it with who and why. Public API: {@link org.populus.procedure.Procedures} (requests),
 * {@link org.populus.procedure.Reviews} (staff decisions), {@link org.populus.procedure.Issues},
 * {@link org.populus.procedure.CensusReach} (which people a {@link org.populus.procedure.CensusClient} reaches:
 * Census client isolation, and the shares that widen it).
 *
 * <p>A {@link org.populus.procedure.Procedure} carries what it asks for as a typed
 * {@link org.populus.procedure.ProcedureRequest} (one record per type), stored as the {@code information} JSON by
 * {@code ProcedureInformation}; its transitions refuse what is not allowed with a
 * {@link org.populus.procedure.ReviewRefused} naming the reason. SQL lives in the {@code *Repository} classes only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures")
package org.populus.procedure;
