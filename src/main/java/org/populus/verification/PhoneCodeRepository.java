package org.populus.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code phone_code} and {@code sms_sent} tables: verification codes and the SMS counted for the limits. */
class PhoneCodeRepository {

    /** A code not used yet: its hash, its end and the wrong attempts made on it. */
    record LiveCode(long id, byte[] hash, Instant expiresAt, int failedAttempts) {
    }

    private final JdbcClient jdbc;

    PhoneCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets the SMS sent at or before this instant. */
    void forgetSentUntil(Instant instant) {
        jdbc.sql("delete from sms_sent where sent_at <= ?").param(Timestamp.from(instant)).update();
    }

    /** SMS sent to this person after {@code after} and at or before {@code until}. */
    long sentToPerson(long personId, Instant after, Instant until) {
        return jdbc.sql("select count(*) from sms_sent where party_id = ? and sent_at > ? and sent_at <= ?")
                .params(personId, Timestamp.from(after), Timestamp.from(until)).query(Long.class).single();
    }

    /** SMS sent to this number after {@code after} and at or before {@code until}. */
    long sentToNumber(String phone, Instant after, Instant until) {
        return jdbc.sql("""
                select count(*) from sms_sent where phone = ? and sent_at > ? and sent_at <= ?""")
                .params(phone, Timestamp.from(after), Timestamp.from(until)).query(Long.class).single();
    }

    /** SMS sent to anyone after {@code after} and at or before {@code until}. */
    long sentInAll(Instant after, Instant until) {
        return jdbc.sql("select count(*) from sms_sent where sent_at > ? and sent_at <= ?")
                .params(Timestamp.from(after), Timestamp.from(until)).query(Long.class).single();
    }

    /** SMS sent for this client after {@code after} and at or before {@code until}. */
    long sentForClient(String client, Instant after, Instant until) {
        return jdbc.sql("select count(*) from sms_sent where client = ? and sent_at > ? and sent_at <= ?")
                .params(client, Timestamp.from(after), Timestamp.from(until)).query(Long.class).single();
    }

    void recordSent(long personId, String phone, String client, Instant at) {
        jdbc.sql("insert into sms_sent (party_id, phone, client, sent_at) values (?, ?, ?, ?)")
                .params(personId, phone, client, Timestamp.from(at)).update();
    }

    void deleteCodesOf(long personId) {
        jdbc.sql("delete from phone_code where party_id = ?").param(personId).update();
    }

    long insertCode(long personId, String phone, byte[] codeHash, Instant createdAt, Instant expiresAt) {
        return jdbc.sql("""
                insert into phone_code (party_id, phone, code_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(personId, phone, codeHash, Timestamp.from(createdAt), Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    void deleteCode(long codeId) {
        jdbc.sql("delete from phone_code where id = ?").param(codeId).update();
    }

    /** The person's latest unused code, row-locked until the end of the transaction. */
    Optional<LiveCode> lockLatestUnused(long personId) {
        return jdbc.sql("""
                select id, code_hash, expires_at, failed_attempts from phone_code
                where party_id = ? and used_at is null order by id desc limit 1 for update""")
                .param(personId)
                .query((rs, i) -> new LiveCode(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4)))
                .optional();
    }

    void markUsed(long codeId, Instant at) {
        jdbc.sql("update phone_code set used_at = ? where id = ?").params(Timestamp.from(at), codeId).update();
    }

    void countFailedAttempt(long codeId) {
        jdbc.sql("update phone_code set failed_attempts = failed_attempts + 1 where id = ?").param(codeId).update();
    }
}
