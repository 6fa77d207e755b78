package org.populus.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code attachment} table: procedures' files, stored encrypted (this class never sees them in clear). */
class AttachmentRepository {

    /** What decrypting and checking a stored file needs. */
    record Sealed(long procedureId, String filename, byte[] sha256, String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void deleteAllOf(long procedureId) {
        jdbc.sql("delete from attachment where procedure_id = ?").param(procedureId).update();
    }

    long insert(long procedureId, String filename, String contentType, int size, byte[] sha256, String keyId,
            byte[] nonce, byte[] ciphertext, Instant createdAt) {
        return jdbc.sql("""
                insert into attachment (procedure_id, filename, content_type, size, sha256, key_id, nonce,
                                        ciphertext, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(procedureId, filename, contentType, size, sha256, keyId, nonce, ciphertext,
                        Timestamp.from(createdAt))
                .query(Long.class).single();
    }

    /** The procedure's attachments in the order they were stored. */
    List<AttachmentInfo> list(long procedureId) {
        return jdbc.sql("""
                select id, procedure_id, filename, content_type, size, created_at
                from attachment where procedure_id = ? order by id""")
                .param(procedureId).query(AttachmentRepository::info).list();
    }

    Optional<AttachmentInfo> find(long attachmentId) {
        return jdbc.sql("""
                select id, procedure_id, filename, content_type, size, created_at from attachment where id = ?""")
                .param(attachmentId).query(AttachmentRepository::info).optional();
    }

    Optional<Sealed> sealed(long attachmentId) {
        return jdbc.sql("""
                select procedure_id, filename, sha256, key_id, nonce, ciphertext from attachment where id = ?""")
                .param(attachmentId)
                .query((rs, i) -> new Sealed(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getBytes(5), rs.getBytes(6)))
                .optional();
    }

    private static AttachmentInfo info(ResultSet rs, int row) throws SQLException {
        return new AttachmentInfo(rs.getLong("id"), rs.getLong("procedure_id"), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size"), rs.getTimestamp("created_at").toInstant());
    }
}
