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

    /** The signature of a file type, then random bytes up to the size: real enough for detection. */
    static byte[] typed(int size, int... signature) {
        byte[] b = bytes(size);
        for (int i = 0; i < signature.length; i++) {
            b[i] = (byte) signature[i];
        }
        return b;
    }

    static byte[] pdf(int size) {
        return typed(size, '%', 'P', 'D', 'F', '-', '1', '.', '4', '\n');
    }

    static byte[] jpeg(int size) {
        return typed(size, 0xFF, 0xD8, 0xFF, 0xE0);
    }

    static byte[] png(int size) {
        return typed(size, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    }

    static byte[] tiff(int size) {
        return typed(size, 'I', 'I', 0x2A, 0);
    }

    List<AttachmentInfo> replace(long procedureId, Upload... uploads) {
        return new TransactionTemplate(transactions).execute(s -> attachments.replace(procedureId, List.of(uploads)));
    }

    @Test
    void filesAreStoredEncryptedAndReadBackExactly() throws Exception {
        long procedure = procedureId();
        byte[] front = jpeg(50_000);
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
        byte[] same = png(1000);
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
        List<AttachmentInfo> old = replace(procedure, new Upload("old.pdf", "application/pdf", pdf(10)));
        replace(other, new Upload("other.pdf", "application/pdf", pdf(10)));
        List<AttachmentInfo> fresh = replace(procedure, new Upload("new1.odt",
                "application/vnd.oasis.opendocument.text", zip("mimetype", "application/vnd.oasis.opendocument.text",
                "content.xml")), new Upload("new2.tiff", "image/tiff", tiff(10)));
        assertThat(attachments.list(procedure)).isEqualTo(fresh);
        assertThat(attachments.list(other)).extracting(AttachmentInfo::filename).containsExactly("other.pdf");
        assertThatThrownBy(() -> attachments.content(old.get(0).id())).isInstanceOf(NoSuchElementException.class);
        assertThat(attachments.list(procedureId())).isEmpty();
    }

    @Test
    void aRejectedFileChangesNothing() {
        long procedure = procedureId();
        List<AttachmentInfo> kept = replace(procedure, new Upload("kept.pdf", "application/pdf", pdf(10)));
        assertThatThrownBy(() -> replace(procedure, new Upload("ok.pdf", "application/pdf", pdf(10)),
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
                List.of(new Upload("a.pdf", "application/pdf", pdf(10)))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void alteredCiphertextOrMetadataIsRefused() {
        long procedure = procedureId();
        List<AttachmentInfo> stored = replace(procedure, new Upload("a.pdf", "application/pdf", pdf(100)),
                new Upload("b.pdf", "application/pdf", pdf(100)), new Upload("c.pdf", "application/pdf", pdf(100)));
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
        long id = replace(procedureId(), new Upload("a.pdf", "application/pdf", pdf(100))).get(0).id();
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
    void theAllowedDeclaredContentTypesPassWhateverTheirCaseSpacingOrParameters() {
        for (String type : List.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp",
                "image/heic", "IMAGE/JPEG", "image/x-anything", "application/pdf", "Application/PDF; charset=binary",
                " application/pdf ", "application/rtf", "text/rtf", "application/msword", "application/vnd.ms-excel",
                "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet")) {
            assertThatCode(() -> attachments.check(List.of(new Upload("f", type, image("png"))))).as(type)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void otherContentTypesAreRejectedWithTheTypeGiven() {
        for (String type : Arrays.asList("text/plain", "text/html", "application/zip", "application/octet-stream",
                "application/x-msdownload", "image/", "image", "application/vnd.oasis.opendocument.",
                "application/vnd.openxmlformats-officedocument", "application/pdfx", "video/mp4", "", null)) {
            assertThatThrownBy(() -> attachments.check(List.of(new Upload("ok.pdf", "application/pdf", minimalPdf()),
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
                pdf((int) limit))))).doesNotThrowAnyException();
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

    // ---- the type detected from the bytes -------------------------------------------------------------------

    /** A real 2x2 image of that format, written by javax.imageio. */
    static byte[] image(String format) {
        try {
            var image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            assertThat(javax.imageio.ImageIO.write(image, format, out)).as(format).isTrue();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A minimal PDF: header, one empty page, trailer. */
    static byte[] minimalPdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
                + "endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n"
                + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A zip whose first entry is stored as given (an OpenDocument's {@code mimetype}, an OOXML's content types). */
    static byte[] zip(String firstEntry, String firstContent, String secondEntry) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                byte[] first = firstContent.getBytes(StandardCharsets.UTF_8);
                var entry = new java.util.zip.ZipEntry(firstEntry);
                entry.setMethod(java.util.zip.ZipEntry.STORED);
                entry.setSize(first.length);
                var crc = new java.util.zip.CRC32();
                crc.update(first);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(first);
                zip.closeEntry();
                zip.putNextEntry(new java.util.zip.ZipEntry(secondEntry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The OLE2 compound-file signature that old MS Office files start with, then filler. */
    static byte[] ole2() {
        byte[] b = new byte[1024];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, b, 0, signature.length);
        return b;
    }

    static void assertRefusedAs(Attachments attachments, Upload upload, String detected) {
        assertThatThrownBy(() -> attachments.check(List.of(upload))).as(upload.filename())
                .isInstanceOfSatisfying(AttachmentRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(AttachmentRejected.Reason.CONTENT_TYPE);
                    assertThat(e.filename()).isEqualTo(upload.filename());
                    assertThat(e.value()).isEqualTo(detected);
                });
    }

    @Test
    void anSvgDeclaredAsPngIsRefused() {
        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8);
        assertRefusedAs(attachments, new Upload("front.png", "image/png", svg), "image/svg+xml");
        assertRefusedAs(attachments, new Upload("front.svg", "image/svg+xml", svg), "image/svg+xml");
    }

    @Test
    void anHtmlPageDeclaredAsPdfIsRefused() {
        byte[] html = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefusedAs(attachments, new Upload("scan.pdf", "application/pdf", html), "text/html");
    }

    @Test
    void bytesOfNoKnownTypeAreRefusedWhateverTheirNameAndDeclaredType() {
        assertRefusedAs(attachments, new Upload("scan.pdf", "application/pdf", bytes(500)),
                "application/octet-stream");
        assertRefusedAs(attachments, new Upload("front.png", "image/png",
                "just some text".getBytes(StandardCharsets.UTF_8)), "text/plain");
        assertRefusedAs(attachments, new Upload("archive.pdf", "application/pdf", zip("a.txt", "a", "b.txt")),
                "application/zip");
    }

    @Test
    void realFilesOfTheListedTypesAreAcceptedAndStoredWithTheirDetectedType() {
        long procedure = procedureId();
        List<AttachmentInfo> stored = replace(procedure,
                new Upload("front.jpg", "image/jpeg", image("png")),
                new Upload("photo.jpg", "image/jpeg", image("jpg")),
                new Upload("a.gif", "image/gif", image("gif")),
                new Upload("a.bmp", "image/bmp", image("bmp")),
                new Upload("a.tiff", "image/tiff", image("tiff")),
                new Upload("a.webp", "image/webp", typed(64, 'R', 'I', 'F', 'F', 56, 0, 0, 0, 'W', 'E', 'B', 'P',
                        'V', 'P', '8', 'L')),
                new Upload("back.pdf", "application/pdf", minimalPdf()),
                new Upload("letter.rtf", "application/rtf", "{\\rtf1\\ansi hello}".getBytes(StandardCharsets.US_ASCII)),
                new Upload("scan.odt", "application/vnd.oasis.opendocument.text",
                        zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml")),
                new Upload("scan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        zip("[Content_Types].xml", "<Types/>", "word/document.xml")),
                new Upload("old.doc", "application/msword", ole2()));
        assertThat(stored).extracting(AttachmentInfo::contentType).containsExactly("image/png", "image/jpeg",
                "image/gif", "image/bmp", "image/tiff", "image/webp", "application/pdf", "application/rtf",
                "application/vnd.oasis.opendocument.text",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword");
        assertThat(attachments.list(procedure)).isEqualTo(stored);
    }
}
