package org.populus.procedure;

import java.util.List;
import java.util.Optional;
import org.populus.person.Registrant;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.shared.ClientOrigins;
import org.springframework.stereotype.Service;

/**
 * Census client isolation (docs/census-api.md#client-isolation): which people a {@link CensusClient} reaches. A
 * client of origin X reaches a person when
 * <ul>
 *   <li>their external ids hold X (registered as {@code N@X}),</li>
 *   <li>or their registration came through X (a registration records the origin of the client that made it),</li>
 *   <li>or they were shared with X: one by one, or as every person of an origin Y (reached by Y's first two
 *       rules) — see {@link #sharePerson} and {@link #shareOrigin}.</li>
 * </ul>
 * The caller of every origin reaches everyone. Anyone else is, for that client, nobody: the Census surface answers
 * as for a person who does not exist, so existence is not told either.
 */
@Service
public class CensusReach {

    private final Registrants registrants;
    private final CensusShareRepository shares;

    CensusReach(Registrants registrants, CensusShareRepository shares) {
        this.registrants = registrants;
        this.shares = shares;
    }

    /** Whether the client reaches this person. */
    public boolean reaches(CensusClient client, Registrant person) {
        if (client.everyOrigin()) {
            return true;
        }
        if (person.kind() != RegistrantKind.INDIVIDUAL) {
            return false;
        }
        if (person.externalIds().containsKey(client.origin())) {
            return true;
        }
        return shares.reaches(client.origin(), person.id(), person.externalIds().keySet());
    }

    /**
     * The person a qualified id names for this client: the first (lowest id) of those it names that the client
     * reaches; empty when it names nobody the client reaches.
     */
    public Optional<Registrant> find(CensusClient client, String qualifiedId) {
        if (client.everyOrigin()) {
            return registrants.findByQualifiedId(qualifiedId);
        }
        return registrants.findAllByQualifiedId(qualifiedId).stream()
                .filter(person -> reaches(client, person))
                .findFirst();
    }

    /**
     * The id and current discarded state of the person a qualified id names for this client (a primary-key read
     * for the caller of every origin).
     */
    public Optional<Registrants.Standing> standing(CensusClient client, String qualifiedId) {
        if (client.everyOrigin()) {
            return registrants.standing(qualifiedId);
        }
        return find(client, qualifiedId).map(r -> new Registrants.Standing(r.id(), r.discarded()));
    }

    /**
     * Shares one person with the clients of an origin.
     *
     * @throws CensusShareRefused {@code INVALID} for a bad origin, {@code NOT_FOUND} for nobody of that id (or a
     *     group), {@code DUPLICATE} when they are shared with it already
     */
    public CensusShare sharePerson(String origin, long personId, String createdBy) {
        String clean = origin(origin, "origin");
        registrants.find(personId).filter(r -> r.kind() == RegistrantKind.INDIVIDUAL)
                .orElseThrow(() -> new CensusShareRefused(CensusShareRefused.Reason.NOT_FOUND,
                        "Person " + personId + " does not exist."));
        return shares.insert(clean, personId, null, createdBy).orElseThrow(() -> new CensusShareRefused(
                CensusShareRefused.Reason.DUPLICATE, "Person " + personId + " is shared with " + clean
                        + " already."));
    }

    /**
     * Shares every person of origin {@code personOrigin} (now and later) with the clients of {@code origin}: one
     * way only.
     *
     * @throws CensusShareRefused {@code INVALID} for a bad origin or an origin shared with itself,
     *     {@code DUPLICATE} when that share exists already
     */
    public CensusShare shareOrigin(String origin, String personOrigin, String createdBy) {
        String clean = origin(origin, "origin");
        String shared = origin(personOrigin, "person_origin");
        if (clean.equals(shared)) {
            throw new CensusShareRefused(CensusShareRefused.Reason.INVALID,
                    "An origin reaches its own people already.");
        }
        return shares.insert(clean, null, shared, createdBy).orElseThrow(() -> new CensusShareRefused(
                CensusShareRefused.Reason.DUPLICATE, "The people of " + shared + " are shared with " + clean
                        + " already."));
    }

    /** The shares, of one origin or (null) of all, oldest first. */
    public List<CensusShare> shares(String origin) {
        return shares.list(origin == null || origin.isBlank() ? null : origin.strip());
    }

    /**
     * Ends a share: from the next request on, the clients of its origin no longer reach those people.
     *
     * @throws CensusShareRefused {@code NOT_FOUND} for an unknown id
     */
    public void unshare(long id) {
        if (!shares.delete(id)) {
            throw new CensusShareRefused(CensusShareRefused.Reason.NOT_FOUND, "Share " + id + " does not exist.");
        }
    }

    private static String origin(String origin, String what) {
        String clean = origin == null ? "" : origin.strip();
        if (!ClientOrigins.valid(clean)) {
            throw new CensusShareRefused(CensusShareRefused.Reason.INVALID, "'" + what + "' must be a client "
                    + "origin: a letter or digit followed by at most " + (ClientOrigins.MAX - 1)
                    + " letters, digits, '.', '_', ':' or '-', neither 'census' nor 'document_id'.");
        }
        return clean;
    }
}
