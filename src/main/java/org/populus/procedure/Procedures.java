package org.populus.procedure;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.populus.history.Provenance;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.person.LockedPerson;
import org.populus.person.QualifiedId;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.person.PersonEvent;
import org.populus.platform.db.AdvisoryLocks;
import org.populus.shared.RuleViolation;
import org.populus.shared.TextLimits;
import org.populus.verification.AttachmentInfo;
import org.populus.verification.AttachmentRejected;
import org.populus.verification.Attachments;
import org.populus.verification.PhoneVerifications;
import org.populus.verification.SmsDestinationRefused;
import org.populus.verification.Upload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Census requests about a person. Each checks its input (refusing with {@link ProcedureInvalid}, nothing
 * stored), then — in one transaction, with the person locked — creates or replaces the person's single pending
 * procedure of that type and queues it; the queue processes it right after the commit.
 */
@Service
public class Procedures {

    private static final Pattern ADDITIONAL_INFORMATION_KEY = Pattern.compile("^[a-z][_a-z0-9]+$");

    private final PersonDataForm form;
    private final Registrants registrants;
    private final ProcedureRepository repository;
    private final ProcedureQueue queue;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Attachments attachments;
    private final PhoneVerifications phones;
    private final TransactionTemplate transactions;
    private final CensusReach reach;

    Procedures(PersonDataForm form, Registrants registrants, ProcedureRepository repository, ProcedureQueue queue,
            JdbcClient jdbc, JsonMapper json, Clock clock, Attachments attachments, PhoneVerifications phones,
            PlatformTransactionManager transactionManager, CensusReach reach) {
        this.reach = reach;
        this.form = form;
        this.registrants = registrants;
        this.repository = repository;
        this.queue = queue;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.attachments = attachments;
        this.phones = phones;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Asks staff to verify the person's identity from documents: at least two files (one for a passport), of the
     * allowed types and sizes, stored encrypted. An existing pending document verification is reused (its files
     * replaced). The person's verification becomes {@code verification_received} when that is possible.
     *
     * @param prioritize put it first in the review order (the priority is never cleared)
     */
    @Transactional
    public void requestDocumentVerification(long personId, List<Upload> files, boolean prioritize,
            Location location, Provenance provenance) {
        LockedPerson person = kept(personId);
        String documentType = person.person().primaryDocument().map(d -> registrants.idTypeName(d.idTypeId())).orElse(null);
        int minimum = "passport".equals(documentType) ? 1 : 2;
        if (files.size() < minimum) {
            throw ProcedureInvalid.of("files", "too_short", "count", minimum);
        }
        for (Upload file : files) {
            if (TextLimits.tooLong(file.filename(), TextLimits.FILENAME)) {
                throw ProcedureInvalid.of("files", "too_long", "count", TextLimits.FILENAME, "filename",
                        TextLimits.shown(file.filename()));
            }
        }
        try {
            attachments.check(files);
        } catch (AttachmentRejected e) {
            throw switch (e.reason()) {
                case CONTENT_TYPE -> ProcedureInvalid.of("files", "inclusion", "value", e.value(), "filename",
                        e.filename());
                case TOO_LARGE -> ProcedureInvalid.of("files", "too_large", "count", e.limit(), "filename",
                        e.filename());
                case EMPTY -> ProcedureInvalid.of("files", "blank", "filename", e.filename());
            };
        }
        Procedure procedure = createOrAskAgain(personId, ProcedureRequest.DocumentVerification.WITH_ATTACHMENTS,
                prioritize ? clock.instant() : null, location);
        attachments.replace(procedure.id(), files);
        if (person.may(PersonEvent.RECEIVE_VERIFICATION)) {
            registrants.change(person, provenance, PersonEvent.RECEIVE_VERIFICATION);
        }
    }

    /** The files of a document verification (metadata; contents through {@link #attachmentContent}). */
    public List<AttachmentInfo> attachments(long procedureId) {
        return attachments.list(procedureId);
    }

    public byte[] attachmentContent(long attachmentId) {
        return attachments.content(attachmentId);
    }

    /**
     * Sends a verification code by SMS to the phone (the person's own when none is given). Runs outside any
     * transaction: the code is committed before the SMS leaves.
     *
     * @throws org.populus.verification.SmsRateLimited after 3 SMS to the person, or 5 to the number, in 10
     *     minutes, or too many in all ({@link PhoneVerifications})
     * @throws org.populus.verification.SmsDeliveryFailed when the gateway fails
     * @throws ProcedureInvalid {@code phone invalid} for a number outside the allowed countries
     */
    public void sendPhoneCode(long personId, String phone, String locale) {
        sendPhoneCode(personId, phone, locale, CensusClient.EVERY_ORIGIN);
    }

    /**
     * As {@link #sendPhoneCode(long, String, String)}, counted against the client's own SMS budget
     * ({@link CensusClient#smsBudget()}, {@code POPULUS_SMS_CLIENT_MAX} per {@code POPULUS_SMS_GLOBAL_WINDOW}).
     */
    public void sendPhoneCode(long personId, String phone, String locale, CensusClient client) {
        Registrant person = registrants.find(personId).filter(r -> !r.discarded())
                .orElseThrow(() -> ProcedureInvalid.of("person", "blank"));
        checkPhone(phone);
        String to = phone == null || phone.isBlank() ? ownPhone(person) : phone.strip();
        try {
            phones.sendCode(personId, to, locale, client.smsBudget());
        } catch (SmsDestinationRefused e) {
            throw ProcedureInvalid.of("phone", "invalid");
        }
    }

    /**
     * Checks the code the person received and, when right, verifies the phone: a phone verification procedure,
     * processed at once (it stays pending when the person cannot take it yet, e.g. a pending registration).
     *
     * @return the procedure
     */
    public Procedure verifyPhone(long personId, String phone, String code, Location location,
            Provenance provenance) {
        checkPhone(phone);
        if (TextLimits.tooLong(code, TextLimits.LABEL)) {
            throw ProcedureInvalid.of("received_code", "invalid");
        }
        // a wrong code must commit its failed attempt, so it is reported after the transaction, not by rolling back
        Optional<Procedure> confirmed = transactions.execute(status -> {
            Registrant person = kept(personId).person();
            String number = phone == null || phone.isBlank() ? ownPhone(person) : phone.strip();
            if (!phones.confirm(personId, number, code)) {
                return Optional.<Procedure>empty();
            }
            return Optional.of(createOrAskAgain(personId, new ProcedureRequest.PhoneVerification(number), null,
                    location));
        });
        Procedure created = confirmed.orElseThrow(() -> ProcedureInvalid.of("received_code", "invalid"));
        queue.processCommitted();
        // processed synchronously, as the original did (perform_now), even when processing on commit is off; when
        // it was processed just above, its task is gone and this does nothing
        queue.processNow(created.id());
        return repository.find(created.id()).orElseThrow();
    }

    /**
     * Runs the work in a transaction of its own, then — with the connection given back — processes the procedures
     * it queued, in this thread (see {@link ProcedureQueue#enqueue}).
     */
    private <T> T committed(java.util.function.Supplier<T> work) {
        T result = transactions.execute(status -> work.get());
        queue.processCommitted();
        return result;
    }

    private static void checkPhone(String phone) {
        if (TextLimits.tooLong(phone == null ? null : phone.strip(), TextLimits.PHONE)) {
            throw ProcedureInvalid.of("phone", "too_long", "count", TextLimits.PHONE);
        }
    }

    private static String ownPhone(Registrant person) {
        if (person.phones().isEmpty()) {
            throw ProcedureInvalid.of("phone", "blank");
        }
        return person.phones().get(0).number();
    }

    /**
     * Registers a person: a pending person and their pending registration. With the caller's own id for the
     * person ({@code origin}, {@code <int>@<system>}, stored in the external ids), registering again while that
     * person is still pending updates the pending registration (an optional field left out keeps the value given
     * before, in the person as in the registration); once they are processed it is refused
     * ({@code cant_register_again}). Two identical registrations at once create one person.
     *
     * @param origin the caller's qualified id of the person, or null
     * @param originAttribute the parameter that carried it ({@code origin_qualified_id} or {@code person_id}), for
     *     error messages
     * @return the person's id
     */
    public long register(PersonDataInput input, String origin, String originAttribute, Location location,
            Provenance provenance) {
        return register(input, origin, originAttribute, CensusClient.EVERY_ORIGIN, location, provenance);
    }

    /**
     * Registers a person for a Census client ({@link CensusReach}): the registration records the client's origin,
     * so the client reaches the person whatever names them. A key's client registers only its own origin's
     * qualified ids ({@code N@<its origin>}; another system is {@code invalid}); the keyless callers of the allowed
     * networks any system's. Either registers again only people it reaches ({@code N@census} or an external id of
     * anyone else is {@code invalid}).
     */
    public long register(PersonDataInput input, String origin, String originAttribute, CensusClient client,
            Location location, Provenance provenance) {
        return committed(() -> registerInTransaction(input, origin, originAttribute, client, location,
                provenance));
    }

    private long registerInTransaction(PersonDataInput input, String origin, String originAttribute,
            CensusClient client, Location location, Provenance provenance) {
        CensusPersonData data = form.registration(input);
        Map<String, Long> externalIds = Map.of();
        if (origin != null && !origin.isBlank()) {
            if (TextLimits.tooLong(origin.strip(), TextLimits.LABEL)) {
                throw ProcedureInvalid.of(originAttribute, "too_long", "count", TextLimits.LABEL);
            }
            QualifiedId q = QualifiedId.parse(origin.strip())
                    .orElseThrow(() -> ProcedureInvalid.of(originAttribute, "invalid"));
            if (q instanceof QualifiedId.External e) {
                if (!client.registersAnySystem() && !e.system().equals(client.origin())) {
                    throw ProcedureInvalid.of(originAttribute, "invalid"); // not the client's own system
                }
                lock("origin:" + e.system() + ":" + e.id());
                Optional<Long> existing = registrants.idByExternalId(e.system(), e.id());
                if (existing.isPresent()) {
                    LockedPerson person = registrants.lock(existing.get())
                            .orElseThrow(() -> ProcedureInvalid.of("person", "blank"));
                    if (!reach.reaches(client, person.person())) {
                        // another system's id that another client registered: never registered over
                        throw ProcedureInvalid.of(originAttribute, "invalid");
                    }
                    return registerAgain(person, data, location, provenance);
                }
                externalIds = Map.of(e.system(), e.id());
            } else if (q instanceof QualifiedId.Census c) {
                Optional<LockedPerson> existing = registrants.lock(c.id())
                        .filter(person -> reach.reaches(client, person.person()));
                if (existing.isEmpty() && !client.everyOrigin()) {
                    throw ProcedureInvalid.of(originAttribute, "invalid"); // as for an id nobody holds
                }
                if (existing.isEmpty()) {
                    // a group is a registrant, but no person
                    throw registrants.find(c.id()).isPresent() ? ProcedureInvalid.of("person", "blank")
                            : ProcedureInvalid.of(originAttribute, "invalid");
                }
                return registerAgain(existing.get(), data, location, provenance);
            } else {
                throw ProcedureInvalid.of(originAttribute, "invalid");
            }
        }
        Registrant person = registrants.registerCensus(data, externalIds, provenance);
        Procedure registration = repository.insert(person.id(),
                new ProcedureRequest.Registration(data, externalIds), null, location, client.origin());
        queue.enqueue(registration.id());
        return person.id();
    }

    private long registerAgain(LockedPerson person, CensusPersonData data, Location location,
            Provenance provenance) {
        long personId = person.id();
        if (person.person().status().state() != CensusStatus.State.PENDING) {
            throw ProcedureInvalid.of("person", "cant_register_again");
        }
        registrants.changeCensusData(person, data, provenance);
        Optional<Procedure> pending = repository.pendingOf(personId, ProcedureType.REGISTRATION);
        // an optional field left out this time stays as the person holds it, and so in the registration
        CensusPersonData registered = pending
                .map(p -> p.request(ProcedureRequest.Registration.class).personData())
                .orElse(CensusPersonData.none()).with(data);
        var request = new ProcedureRequest.Registration(registered, person.person().externalIds());
        Procedure registration = pending
                .map(p -> repository.update(p.askedAgain(request, location, null)))
                .orElseGet(() -> repository.insert(personId, request, null, location));
        queue.enqueue(registration.id());
        return personId;
    }

    /**
     * Asks to change the person's data; only values that differ count. While a data change is pending, asking
     * again adds to it: the new values are checked against the person as the pending change would leave them,
     * and win field by field over the pending ones (the document's three fields travel together). The person is
     * locked first, so concurrent requests are merged one after the other and none is lost.
     *
     * @param ignoreEmail drop an email change ({@code ignore_email=true})
     * @return false when nothing would change (no procedure then, the pending one left as it is)
     */
    public boolean requestDataChange(long personId, PersonDataInput input, boolean ignoreEmail, Location location,
            Provenance provenance) {
        return committed(() -> {
            Registrant person = kept(personId).person();
            ProcedureRequest.DataChange pending = repository.pendingOf(personId, ProcedureType.PERSON_DATA_CHANGE)
                    .map(p -> p.request(ProcedureRequest.DataChange.class))
                    .orElse(new ProcedureRequest.DataChange(CensusPersonData.none()));
            CensusPersonData asked = CensusPersonData.of(person, registrants::idTypeName).with(pending.changes());
            CensusPersonData changes = form.change(input, asked, ignoreEmail);
            if (changes.isEmpty()) {
                return false;
            }
            createOrAskAgain(personId, pending.with(changes), null, location);
            return true;
        });
    }

    /** Asks to cancel the person's registration; {@code channel} names the application asking. */
    public void requestCancellation(long personId, String channel, String reason, Location location,
            Provenance provenance) {
        committed(() -> {
        kept(personId);
        if (channel == null || channel.isBlank()) {
            throw ProcedureInvalid.of("channel", "blank");
        }
        if (TextLimits.tooLong(channel.strip(), TextLimits.LABEL)) {
            throw ProcedureInvalid.of("channel", "too_long", "count", TextLimits.LABEL);
        }
        if (TextLimits.tooLong(reason, TextLimits.COMMENT)) {
            throw ProcedureInvalid.of("reason", "too_long", "count", TextLimits.COMMENT);
        }
        createOrAskAgain(personId, new ProcedureRequest.Cancellation(channel.strip(), reason, null), null, location);
        return null;
        });
    }

    /**
     * Asks to move the person to another membership level.
     *
     * @return false when the person already has that level (no procedure then)
     */
    public boolean requestMembershipLevel(long personId, String level, Location location, Provenance provenance) {
        return committed(() -> {
        Registrant person = kept(personId).person();
        if (level == null || level.isBlank()) {
            throw ProcedureInvalid.of("membership_level", "blank");
        }
        if (!level.equals("member") && !level.equals("follower")) {
            throw ProcedureInvalid.of("membership_level", "inclusion", "value", level);
        }
        if (person.status().membershipLevel().code().equals(level)) {
            return false;
        }
        createOrAskAgain(personId, new ProcedureRequest.MembershipLevelChange(
                CensusStatus.MembershipLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT))), null, location);
        return true;
        });
    }

    /**
     * Sets one key of the person's additional information at once (no procedure); a JSON {@code null} removes it.
     *
     * @param jsonValue serialized JSON
     */
    @Transactional
    public void setAdditionalInformation(long personId, String key, String jsonValue, Provenance provenance) {
        LockedPerson person = kept(personId);
        var errors = new ProcedureInvalid.Collector();
        if (TextLimits.tooLong(key, TextLimits.ADDITIONAL_INFO_KEY)) {
            errors.add("key", ProcedureInvalid.detail("too_long", "count", TextLimits.ADDITIONAL_INFO_KEY));
        } else if (key == null || !ADDITIONAL_INFORMATION_KEY.matcher(key).matches()) {
            errors.add("key", key == null || key.isBlank() ? "blank" : "invalid");
        }
        String value = null;
        if (jsonValue == null) {
            errors.add("value", "invalid_format");
        } else if (TextLimits.tooLong(jsonValue, TextLimits.ADDITIONAL_INFO)) {
            errors.add("value", ProcedureInvalid.detail("too_long", "count", TextLimits.ADDITIONAL_INFO));
        } else {
            try {
                var node = json.readTree(jsonValue);
                value = node == null || node.isMissingNode() ? null : node.isNull() ? null : json.writeValueAsString(node);
                if (node == null || node.isMissingNode()) {
                    errors.add("value", "invalid_format");
                }
            } catch (JacksonException e) {
                errors.add("value", "invalid_format");
            }
        }
        errors.throwIfAny();
        try {
            registrants.setAdditionalInformation(person, key, value, provenance);
        } catch (RuleViolation e) {
            throw switch (e.rule()) {
                case TEXT_INVALID -> ProcedureInvalid.of("value", "invalid");
                case TOO_MANY_KEYS -> ProcedureInvalid.of("additional_information", "too_long", "count",
                        TextLimits.ADDITIONAL_INFO_KEYS);
                case TEXT_TOO_LONG -> ProcedureInvalid.of("additional_information", "too_long", "count",
                        TextLimits.ADDITIONAL_INFO);
                default -> e;
            };
        }
    }

    /** The person's pending procedures, newest first. */
    public List<Procedure> pending(long personId) {
        return repository.pendingOf(personId);
    }

    /** Every procedure of the person, newest first. */
    public List<Procedure> ofPerson(long personId) {
        return repository.ofPerson(personId);
    }

    public Optional<Procedure> find(long procedureId) {
        return repository.find(procedureId);
    }

    /** Processes whatever the queue holds now, in the calling thread (tests, tools). */
    public int processQueued() {
        return queue.drain();
    }

    /** How many procedures wait in the queue. */
    public long queued() {
        return repository.queued();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * Creates the person's pending procedure of this type, or replaces the information of the one pending (callers
     * that add to it, such as a data change, merge before).
     */
    Procedure createOrAskAgain(long personId, ProcedureRequest request, java.time.Instant prioritizedAt,
            Location location) {
        Procedure procedure = repository.pendingOf(personId, request.type())
                .map(p -> repository.update(p.askedAgain(request, location, prioritizedAt)))
                .orElseGet(() -> repository.insert(personId, request, prioritizedAt, location));
        if (request.type().autoProcessed()) {
            queue.enqueue(procedure.id());
        }
        return procedure;
    }

    /** The person, locked, when they exist and are not discarded; otherwise {@code person blank}. */
    LockedPerson kept(long personId) {
        return registrants.lock(personId).filter(r -> !r.discarded())
                .orElseThrow(() -> ProcedureInvalid.of("person", "blank"));
    }

    private void lock(String key) {
        new AdvisoryLocks(jdbc).lockForTransaction(key, 23); // the procedures' key space (the hash seed)
    }
}
