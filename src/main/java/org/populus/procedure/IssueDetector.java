package org.populus.procedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.person.PrimaryDocumentChanged;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.search.DuplicateCandidates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The original's {@code CheckIssues}: looks for the issues a procedure may raise and records each as an open
 * issue linked to the people and the procedure. An issue already open for the same thing (type and key) is
 * reused; one a reviewer already resolved for this person is not raised again.
 */
@Component
class IssueDetector {

    private final IssueRepository repository;
    private final Registrants registrants;
    private final DuplicateCandidates duplicates;
    private final Set<String> untrustedEmailDomains;
    private final Set<String> untrustedPhones;
    private final List<String> untrustedPhonePrefixes;

    IssueDetector(IssueRepository repository, Registrants registrants, DuplicateCandidates duplicates,
            @Value("${populus.issues.untrusted-email-domains:mailinator.com}") String emailDomains,
            @Value("${populus.issues.untrusted-phones:0012026601367}") String phones,
            @Value("${populus.issues.untrusted-phone-prefixes:0034602}") String phonePrefixes) {
        this.repository = repository;
        this.registrants = registrants;
        this.duplicates = duplicates;
        this.untrustedEmailDomains = list(emailDomains).stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.untrustedPhones = list(phones).stream().map(IssueDetector::phoneKey).collect(Collectors.toSet());
        this.untrustedPhonePrefixes = list(phonePrefixes).stream().map(IssueDetector::phoneKey).toList();
    }

    /** Records the issues of this procedure for this (locked) person. */
    void check(Procedure p, Registrant person) {
        CensusPersonData current = CensusPersonData.of(person, registrants::idTypeName);
        p.request().accept(new ProcedureRequest.Visitor<Void>() {
            @Override
            public Void registration(ProcedureRequest.Registration registration) {
                checkPersonData(p, person.id(), current);
                checkPossibleDuplicates(p, person);
                return null;
            }

            @Override
            public Void dataChange(ProcedureRequest.DataChange change) {
                checkPersonData(p, person.id(), current.with(change.changes()));
                return null;
            }

            @Override
            public Void phoneVerification(ProcedureRequest.PhoneVerification verification) {
                String phone = verification.phone();
                checkPhone(p, person.id(), phone);
                if (person.status().verification() != CensusStatus.Verification.VERIFIED && phone != null) {
                    List<Long> others = registrants.othersWithVerifiedPhone(person.id(), phone);
                    if (!others.isEmpty()) {
                        raise(IssueType.DUPLICATED_VERIFIED_PHONE, phoneKey(phone), Map.of("phone", phone), p,
                                person.id(), others);
                    }
                }
                return null;
            }

            @Override
            public Void cancellation(ProcedureRequest.Cancellation cancellation) {
                return null; // no issues to look for
            }

            @Override
            public Void membershipLevelChange(ProcedureRequest.MembershipLevelChange change) {
                return null; // no issues to look for
            }

            @Override
            public Void documentVerification(ProcedureRequest.DocumentVerification verification) {
                return null; // no issues to look for
            }

            @Override
            public Void unreadable(ProcedureRequest.Unreadable request) {
                throw request.failure();
            }
        });
    }

    /**
     * A primary document changed outside a procedure (OpenG2P {@code updateIdentification}): the person's data
     * go through the checks of a Census data change, in the same transaction; issues raised hold the person's
     * procedures like any other.
     */
    @EventListener
    void primaryDocumentChanged(PrimaryDocumentChanged event) {
        registrants.find(event.personId()).filter(r -> !r.discarded()).ifPresent(person ->
                checkPersonData(null, person.id(), CensusPersonData.of(person, registrants::idTypeName)));
    }

    /** {@code p} is the procedure the issues are linked to, or null when the change came without one. */
    private void checkPersonData(Procedure p, long personId, CensusPersonData d) {
        if (d.documentId() != null && d.documentType() != null) {
            List<Long> others = registrants.othersWithDocument(personId, d.documentType(), d.documentScopeCode(),
                    d.documentId());
            if (!others.isEmpty()) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("document_type", d.documentType());
                info.put("document_scope_code", d.documentScopeCode());
                info.put("document_id", d.documentId());
                raise(IssueType.DUPLICATED_DOCUMENT,
                        d.documentType() + "|" + d.documentScopeCode() + "|" + d.documentId(), info, p, personId,
                        others);
            }
        }
        String fullName = Stream.of(d.firstName(), d.lastName1(), d.lastName2()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        List<Long> namesakes = d.bornAt() == null ? List.of()
                : registrants.othersWithNameAndBirthdate(personId, fullName, d.bornAt());
        if (!namesakes.isEmpty()) {
            raise(IssueType.DUPLICATED_PERSON,
                    d.bornAt() + "|" + org.populus.shared.Names.normalize(fullName),
                    Map.of("born_at", d.bornAt().toString(), "full_name", fullName), p, personId, namesakes);
        }
        if (d.email() != null) {
            int at = d.email().lastIndexOf('@');
            String domain = at < 0 ? "" : d.email().substring(at + 1).strip().toLowerCase(Locale.ROOT);
            if (untrustedEmailDomains.contains(domain)) {
                raise(IssueType.UNTRUSTED_EMAIL, d.email().strip().toLowerCase(Locale.ROOT),
                        Map.of("email", d.email()), p, personId, List.of());
            }
        }
        checkPhone(p, personId, d.phone());
    }

    /**
     * Raises a {@link IssueType#POSSIBLE_DUPLICATE} for each person the matching model scores at or above its
     * threshold against this one: one issue per pair (key: the two ids, lower first), so a pair resolved as not the
     * same person is never raised again. {@link MatchingNotReady} when the search index cannot answer now (being
     * built): the procedure is retried later, the change feed's matching ({@link DuplicateWatch}) waits.
     */
    void checkPossibleDuplicates(Procedure p, Registrant person) {
        if (person.isGroup() || person.discarded()) {
            return;
        }
        duplicates.of(person).orElseThrow(MatchingNotReady::new).forEach(other -> {
            Map<String, Object> information = new LinkedHashMap<>();
            information.put("score", Math.round(other.score() * 100) / 100.0);
            information.put("threshold", duplicates.threshold());
            information.put("fields", other.fields().stream().map(f -> Map.of("field", f.field(), "level",
                    f.level(), "weight", Math.round(f.weight() * 100) / 100.0)).toList());
            long low = Math.min(person.id(), other.personId());
            long high = Math.max(person.id(), other.personId());
            raise(IssueType.POSSIBLE_DUPLICATE, low + "|" + high, information, p, person.id(),
                    List.of(other.personId()));
        });
    }

    /** Whether possible duplicates can be looked for now (not while the search index is being built). */
    boolean canMatch() {
        return duplicates.ready();
    }

    private void checkPhone(Procedure p, long personId, String phone) {
        if (phone == null || phone.isBlank()) {
            return;
        }
        String key = phoneKey(phone);
        if (untrustedPhones.contains(key) || untrustedPhonePrefixes.stream().anyMatch(key::startsWith)) {
            raise(IssueType.UNTRUSTED_PHONE, key, Map.of("phone", phone), p, personId, List.of());
        }
    }

    private void raise(IssueType type, String key, Map<String, Object> information, Procedure p, long personId,
            List<Long> others) {
        if (repository.resolvedFor(type, key, personId)) {
            return;
        }
        long issueId = repository.openIssue(type, key, information);
        List<Long> people = new ArrayList<>(others);
        people.add(personId);
        for (long person : people) {
            repository.linkPerson(issueId, person);
        }
        if (p != null) {
            repository.linkProcedure(issueId, p.id());
        }
    }

    /** Whether the person has an open issue: their procedures then wait for staff. */
    boolean blocking(long personId) {
        return !openIssuesOf(personId).isEmpty();
    }

    /** The ids of the person's open issues, in order. */
    List<Long> openIssuesOf(long personId) {
        return repository.openIssuesOf(personId);
    }

    /** Phones compared in the original's {@code 00<country><number>} convention: {@code +34…} is {@code 0034…}. */
    static String phoneKey(String phone) {
        String digits = phone.strip().replaceAll("[\\s().-]", "");
        return digits.startsWith("+") ? "00" + digits.substring(1) : digits;
    }

    private static List<String> list(String spec) {
        return spec == null ? List.of() : Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
