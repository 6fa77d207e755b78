package org.populus.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Document-verification files: checked, stored encrypted with AES-256-GCM, read back only if untouched. */
class AttachmentsTest extends HttpTest {

    @Autowired
    Attachments attachments;

    @Autowired
    FilesKey filesKey;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    static long procedureId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    static byte[] bytes(int size) {
        byte[] b = new byte[size];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    List<AttachmentInfo> replace(long procedureId, Upload... uploads) {
        return new TransactionTemplate(transactions).execute(s -> attachments.replace(procedureId, List.of(uploads)));
    }

    @Test
    void filesAreStoredEncryptedAndReadBackExactly() throws Exception {
        long procedure = procedureId();
        byte[] front = bytes(50_000);
        byte[] back = "%PDF-1.4 the back of the document".getBytes(StandardCharsets.UTF_8);
        List<AttachmentInfo> stored = replace(procedure, new Upload("front.jpg", "image/jpeg", front),
                new Upload("back.pdf", "application/pdf; charset=binary", back));

        assertThat(stored).extracting(AttachmentInfo::filename).containsExactly("front.jpg", "back.pdf");
        assertThat(stored).extracting(AttachmentInfo::size).containsExactly(50_000L, (long) back.length);
        assertThat(stored).allSatisfy(a -> assertThat(a.procedureId()).isEqualTo(procedure));
        assertThat(attachments.list(procedure)).isEqualTo(stored);
        assertThat(attachments.content(stored.get(0).id())).isEqualTo(front);
        assertThat(attachments.content(stored.get(1).id())).isEqualTo(back);

        var row = jdbc.sql("select sha256, key_id, nonce, ciphertext from attachment where id = ?")
                .param(stored.get(1).id()).query().singleRow();
        byte[] ciphertext = (byte[]) row.get("ciphertext");
        assertThat((byte[]) row.get("nonce")).hasSize(12);
        assertThat(ciphertext).hasSize(back.length + 16); // GCM: same length plus the 128-bit tag
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat((byte[]) row.get("sha256")).isEqualTo(MessageDigest.getInstance("SHA-256").digest(back));
        assertThat(row.get("key_id")).isEqualTo(filesKey.id());
    }

    @Test
    void everyFileGetsItsOwnNonce() {
        byte[] same = bytes(1000);
        List<AttachmentInfo> stored = replace(procedureId(), new Upload("a.png", "image/png", same),
                new Upload("a.png", "image/png", same));
        List<byte[]> nonces = jdbc.sql("select nonce from attachment where id in (?, ?)")
                .params(stored.get(0).id(), stored.get(1).id()).query(byte[].class).list();
        List<byte[]> ciphertexts = jdbc.sql("select ciphertext from attachment where id in (?, ?)")
                .params(stored.get(0).id(), stored.get(1).id()).query(byte[].class).list();
        assertThat(nonces.get(0)).isNotEqualTo(nonces.get(1));
        assertThat(ciphertexts.get(0)).isNotEqualTo(ciphertexts.get(1));
    }

    @Test
    void replacingDropsTheProcedurePreviousFilesOnly() {
        long procedure = procedureId();
        long other = procedureId();
        List<AttachmentInfo> old = replace(procedure, new Upload("old.pdf", "application/pdf", bytes(10)));
        replace(other, new Upload("other.pdf", "application/pdf", bytes(10)));
        List<AttachmentInfo> fresh = replace(procedure, new Upload("new1.odt",
                "application/vnd.oasis.opendocument.text", bytes(10)), new Upload("new2.tiff", "image/tiff", bytes(10)));
        assertThat(attachments.list(procedure)).isEqualTo(fresh);
        assertThat(attachments.list(other)).extracting(AttachmentInfo::filename).containsExactly("other.pdf");
        assertThatThrownBy(() -> attachments.content(old.get(0).id())).isInstanceOf(NoSuchElementException.class);
        assertThat(attachments.list(procedureId())).isEmpty();
    }

    @Test
    void aRejectedFileChangesNothing() {
        long procedure = procedureId();
        List<AttachmentInfo> kept = replace(procedure, new Upload("kept.pdf", "application/pdf", bytes(10)));
        assertThatThrownBy(() -> replace(procedure, new Upload("ok.pdf", "application/pdf", bytes(10)),
                new Upload("virus.exe", "application/x-msdownload", bytes(10))))
                .isInstanceOfSatisfying(AttachmentRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(AttachmentRejected.Reason.CONTENT_TYPE);
                    assertThat(e.filename()).isEqualTo("virus.exe");
                    assertThat(e.value()).isEqualTo("application/x-msdownload");
                });
        assertThat(attachments.list(procedure)).isEqualTo(kept);
    }

    @Test
    void replacingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> attachments.replace(procedureId(),
                List.of(new Upload("a.pdf", "application/pdf", bytes(10)))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void alteredCiphertextOrMetadataIsRefused() {
        long procedure = procedureId();
        List<AttachmentInfo> stored = replace(procedure, new Upload("a.pdf", "application/pdf", bytes(100)),
                new Upload("b.pdf", "application/pdf", bytes(100)), new Upload("c.pdf", "application/pdf", bytes(100)));
        long flipped = stored.get(0).id();
        byte[] ciphertext = jdbc.sql("select ciphertext from attachment where id = ?").param(flipped)
                .query(byte[].class).single();
        ciphertext[10] ^= 1;
        jdbc.sql("update attachment set ciphertext = ? where id = ?").params(ciphertext, flipped).update();
        assertThatThrownBy(() -> attachments.content(flipped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("integrity");

        long renamed = stored.get(1).id();
        jdbc.sql("update attachment set filename = 'renamed.pdf' where id = ?").param(renamed).update();
        assertThatThrownBy(() -> attachments.content(renamed)).isInstanceOf(IllegalStateException.class);

        long moved = stored.get(2).id();
        jdbc.sql("update attachment set procedure_id = ? where id = ?").params(procedureId(), moved).update();
        assertThatThrownBy(() -> attachments.content(moved)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotReadTheFiles() {
        long id = replace(procedureId(), new Upload("a.pdf", "application/pdf", bytes(100))).get(0).id();
        FilesKey otherKey = FilesKey.of(bytes(32));
        Attachments other = new Attachments(jdbc, otherKey, DataSize.ofMegabytes(10), clock);
        assertThatThrownBy(() -> other.content(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(otherKey.id()).hasMessageContaining("POPULUS_FILES_KEY");
        // even claiming to be that key, the GCM tag gives it away
        jdbc.sql("update attachment set key_id = ? where id = ?").params(otherKey.id(), id).update();
        assertThatThrownBy(() -> other.content(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void anUnknownAttachmentIsNoSuchElement() {
        assertThatThrownBy(() -> attachments.content(Long.MAX_VALUE)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void allowedContentTypes() {
        for (String type : List.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp",
                "image/heic", "IMAGE/JPEG", "image/x-anything", "application/pdf", "Application/PDF; charset=binary",
                " application/pdf ", "application/rtf", "text/rtf", "application/msword", "application/vnd.ms-excel",
                "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet")) {
            assertThatCode(() -> attachments.check(List.of(new Upload("f", type, bytes(1))))).as(type)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void otherContentTypesAreRejectedWithTheTypeGiven() {
        for (String type : Arrays.asList("text/plain", "text/html", "application/zip", "application/octet-stream",
                "application/x-msdownload", "image/", "image", "application/vnd.oasis.opendocument.",
                "application/vnd.openxmlformats-officedocument", "application/pdfx", "video/mp4", "", null)) {
            assertThatThrownBy(() -> attachments.check(List.of(new Upload("ok.pdf", "application/pdf", bytes(1)),
                    new Upload("file.bin", type, bytes(1))))).as(String.valueOf(type))
                    .isInstanceOfSatisfying(AttachmentRejected.class, e -> {
                        assertThat(e.reason()).isEqualTo(AttachmentRejected.Reason.CONTENT_TYPE);
                        assertThat(e.filename()).isEqualTo("file.bin");
                        assertThat(e.value()).isEqualTo(type);
                    });
        }
    }

    @Test
    void sizeLimitIsPerFileAndEmptyFilesAreRejected() {
        long limit = DataSize.ofMegabytes(10).toBytes();
        assertThatCode(() -> attachments.check(List.of(new Upload("max.pdf", "application/pdf",
                new byte[(int) limit])))).doesNotThrowAnyException();
        assertThatThrownBy(() -> attachments.check(List.of(new Upload("big.pdf", "application/pdf",
                new byte[(int) limit + 1]))))
                .isInstanceOfSatisfying(AttachmentRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(AttachmentRejected.Reason.TOO_LARGE);
                    assertThat(e.filename()).isEqualTo("big.pdf");
                    assertThat(e.limit()).isEqualTo(limit);
                    assertThat(e.value()).isEqualTo(Long.toString(limit + 1));
                });
        assertThatThrownBy(() -> attachments.check(List.of(new Upload("empty.png", "image/png", new byte[0]))))
                .isInstanceOfSatisfying(AttachmentRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(AttachmentRejected.Reason.EMPTY);
                    assertThat(e.filename()).isEqualTo("empty.png");
                });
        assertThatThrownBy(() -> attachments.check(List.of(new Upload("null.png", "image/png", null))))
                .isInstanceOfSatisfying(AttachmentRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejected.Reason.EMPTY));

        Attachments small = new Attachments(jdbc, filesKey, DataSize.ofKilobytes(1), clock);
        assertThatThrownBy(() -> small.check(List.of(new Upload("a.png", "image/png", new byte[1025]))))
                .isInstanceOfSatisfying(AttachmentRejected.class, e -> assertThat(e.limit()).isEqualTo(1024));
    }
}
