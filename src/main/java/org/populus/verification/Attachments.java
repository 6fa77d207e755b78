package org.populus.verification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.tika.Tika;
import org.populus.platform.db.AdvisoryLocks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The files of document verifications, stored in PostgreSQL encrypted with AES-256-GCM: a fresh random 96-bit
 * nonce per file, the procedure id and file name bound as associated data (a file moved to another procedure or
 * renamed no longer decrypts), under a key derived from {@link FilesKey}.
 *
 * <p>The type of each file is detected from its bytes (Apache Tika), never taken from the client: the file name
 * only refines a container the bytes show (an OLE2 or zip file into the MS Office or OpenDocument type its name
 * says). Allowed detected types: images JPEG, PNG, GIF, TIFF, WebP, BMP, HEIC/HEIF; PDF; RTF; MS Office
 * ({@code application/msword}, {@code application/vnd.ms-excel}, {@code application/vnd.ms-powerpoint},
 * {@code application/vnd.openxmlformats-officedocument.…}, and Office containers Tika cannot name further);
 * OpenDocument ({@code application/vnd.oasis.opendocument.…}). No SVG, HTML, plain text, archive or unknown
 * bytes. The type stored is the detected one. The declared content type must still be one of the allowed kinds
 * (case-insensitive, parameters ignored: any {@code image/…}, PDF, RTF, MS Office, OpenDocument). Each file must
 * be non-empty and at most
 * {@code POPULUS_FILES_MAX_FILE_SIZE} (default 10MB).
 */
@Service
public class Attachments {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<String> ALLOWED = Set.of("application/pdf", "application/rtf", "text/rtf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint");
    private static final List<String> ALLOWED_PREFIXES = List.of("image/",
            "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.");
    /** Types a file's bytes may be detected as. */
    private static final Set<String> DETECTED_ALLOWED = Set.of("image/jpeg", "image/png", "image/gif",
            "image/tiff", "image/webp", "image/bmp", "image/heic", "image/heif", "application/pdf",
            "application/rtf", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/x-tika-msoffice", "application/x-tika-ooxml");
    private static final List<String> DETECTED_ALLOWED_PREFIXES = List.of(
            "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.");
    /** Containers whose kind the file name may tell (the bytes alone say only OLE2 or zip). */
    private static final Set<String> CONTAINERS = Set.of("application/x-tika-msoffice", "application/x-tika-ooxml",
            "application/zip");
    private static final Tika TIKA = new Tika();

    private final AttachmentRepository repository;
    private final AdvisoryLocks locks;
    private final SecretKey key;
    private final String keyId;
    private final long maxFileSize;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Attachments(JdbcClient jdbc, FilesKey filesKey,
            @Value("${populus.files.max-file-size:10MB}") DataSize maxFileSize, Clock clock) {
        this.repository = new AttachmentRepository(jdbc);
        this.locks = new AdvisoryLocks(jdbc);
        this.key = new SecretKeySpec(filesKey.derive("populus:attachments:aes-256-gcm"), "AES");
        this.keyId = filesKey.id();
        this.maxFileSize = maxFileSize.toBytes();
        this.clock = clock;
    }

    /** Checks every file, in order, without storing anything; the first one not acceptable is rejected. */
    public void check(List<Upload> uploads) {
        for (Upload upload : uploads) {
            checkOne(upload);
        }
    }

    /** Checks one file; its type detected from its bytes. */
    private String checkOne(Upload upload) {
        String type = upload.contentType();
        if (!allowedType(type)) {
            throw new AttachmentRejected(AttachmentRejected.Reason.CONTENT_TYPE, upload.filename(), type, 0);
        }
        if (upload.content() == null || upload.content().length == 0) {
            throw new AttachmentRejected(AttachmentRejected.Reason.EMPTY, upload.filename(), "0", 0);
        }
        if (upload.content().length > maxFileSize) {
            throw new AttachmentRejected(AttachmentRejected.Reason.TOO_LARGE, upload.filename(),
                    Long.toString(upload.content().length), maxFileSize);
        }
        String detected = detect(upload.content(), upload.filename());
        if (!DETECTED_ALLOWED.contains(detected) && DETECTED_ALLOWED_PREFIXES.stream().noneMatch(detected::startsWith)) {
            throw new AttachmentRejected(AttachmentRejected.Reason.CONTENT_TYPE, upload.filename(), detected, 0);
        }
        return detected;
    }

    /**
     * The type of the bytes (without parameters). The name is only listened to when the bytes show a container
     * (OLE2, zip) it may name more precisely: Tika then keeps the name's type only if it is a kind of that
     * container; for anything else, a name could turn unknown bytes into the type its extension says.
     */
    static String detect(byte[] content, String filename) {
        String fromBytes = TIKA.detect(content);
        String type = CONTAINERS.contains(fromBytes) && filename != null && !filename.isBlank()
                ? TIKA.detect(content, filename) : fromBytes;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Makes these files the procedure's attachments: checks them ({@link AttachmentRejected}), deletes the ones it
     * had and stores these, encrypted. Runs in the caller's transaction, which must exist, so the files change
     * together with the procedure. Returns them in the order given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AttachmentInfo> replace(long procedureId, List<Upload> uploads) {
        List<String> types = uploads.stream().map(this::checkOne).toList();
        locks.lockForTransaction("populus:attachment:" + procedureId);
        repository.deleteAllOf(procedureId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AttachmentInfo> stored = new ArrayList<>(uploads.size());
        for (int n = 0; n < uploads.size(); n++) {
            Upload upload = uploads.get(n);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, aad(procedureId, upload.filename()),
                    upload.content());
            String contentType = types.get(n);
            long id = repository.insert(procedureId, upload.filename(), contentType, upload.content().length,
                    sha256(upload.content()), keyId, nonce, ciphertext, now);
            stored.add(new AttachmentInfo(id, procedureId, upload.filename(), contentType, upload.content().length,
                    now));
        }
        return stored;
    }

    /** The procedure's attachments in the order they were stored; empty if it has none. */
    public List<AttachmentInfo> list(long procedureId) {
        return repository.list(procedureId);
    }

    /** One attachment's metadata (its content through {@link #content}). */
    public Optional<AttachmentInfo> find(long attachmentId) {
        return repository.find(attachmentId);
    }

    /**
     * The decrypted content of an attachment. Refuses ({@link IllegalStateException}) content encrypted under
     * another key, and content or metadata that were altered (the GCM tag or the plaintext hash does not match).
     *
     * @throws NoSuchElementException if there is no such attachment
     */
    public byte[] content(long attachmentId) {
        AttachmentRepository.Sealed sealed = repository.sealed(attachmentId).orElseThrow(() -> new NoSuchElementException("No attachment " + attachmentId));
        if (!sealed.keyId().equals(keyId)) {
            throw new IllegalStateException("Attachment " + attachmentId + " was encrypted with files key "
                    + sealed.keyId() + ", not with this instance's key " + keyId
                    + "; instances sharing a database must share POPULUS_FILES_KEY");
        }
        byte[] plain;
        try {
            plain = crypt(Cipher.DECRYPT_MODE, sealed.nonce(), aad(sealed.procedureId(), sealed.filename()),
                    sealed.ciphertext());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof AEADBadTagException) {
                throw new IllegalStateException("Attachment " + attachmentId
                        + " fails its integrity check: it was altered or encrypted with another key", e.getCause());
            }
            throw e;
        }
        if (!MessageDigest.isEqual(sha256(plain), sealed.sha256())) {
            throw new IllegalStateException("Attachment " + attachmentId + " does not match its SHA-256");
        }
        return plain;
    }

    static boolean allowedType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        if (ALLOWED.contains(type)) {
            return true;
        }
        for (String prefix : ALLOWED_PREFIXES) {
            if (type.startsWith(prefix) && type.length() > prefix.length() && type.indexOf(' ') < 0) {
                return true;
            }
        }
        return false;
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed", e);
        }
    }

    /** Associated data: the row's procedure and file name, length-prefixed so no two pairs encode alike. */
    private static byte[] aad(long procedureId, String filename) {
        byte[] name = filename.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length + 32);
        out.writeBytes("populus:attachment:v1\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes((procedureId + "\0" + name.length + "\0").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(name);
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
