package org.populus.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The module's master key (256 bits), from which every key it uses is derived ({@link #derive}).
 *
 * <p>Taken from {@code POPULUS_FILES_KEY} ({@code populus.files.key}: the base64 of 32 random bytes, e.g.
 * {@code openssl rand -base64 32}); a malformed value stops start-up. When unset, a key is generated once and kept
 * in {@code <POPULUS_DATA_DIR>/files.key} (owner-only, 600) and reused on every start. Several instances sharing
 * one database must share this key (set {@code POPULUS_FILES_KEY} on all of them): files stored by one are
 * unreadable to another with a different key, and SMS codes sent by one fail on the other. Losing the key loses the
 * stored documents.
 */
@Component
class FilesKey {

    static final String FILE_NAME = "files.key";
    private static final Logger log = LoggerFactory.getLogger(FilesKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] key;
    private final String id;

    @Autowired
    FilesKey(@Value("${populus.files.key:}") String configured, @Value("${populus.data-dir:data}") Path dataDir) {
        this(configured != null && !configured.isBlank()
                ? parse(configured, "POPULUS_FILES_KEY (populus.files.key)")
                : fromFile(dataDir.resolve(FILE_NAME)));
    }

    private FilesKey(byte[] key) {
        this.key = key;
        this.id = HexFormat.of().formatHex(derive("populus:key-id"), 0, 8);
    }

    /** A key from these 32 bytes (tests, tools). */
    static FilesKey of(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a files key is 32 bytes");
        }
        return new FilesKey(key.clone());
    }

    /** A sub-key for one purpose: HMAC-SHA256 of the label under the master key (32 bytes). */
    byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A short public fingerprint of the key, stored with what it encrypts to tell a wrong key from tampering. */
    String id() {
        return id;
    }

    @Override
    public String toString() {
        return "FilesKey[" + id + "]";
    }

    static byte[] parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64; it must be the base64 of 32 random bytes"
                    + " (e.g. `openssl rand -base64 32`)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " decodes to " + bytes.length + " bytes; it must be the base64 of"
                    + " exactly 32 random bytes (e.g. `openssl rand -base64 32`)");
        }
        return bytes;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path temp = file.resolveSibling(FILE_NAME + ".tmp-" + ProcessHandle.current().pid());
            Files.deleteIfExists(temp);
            if (isPosix(file.toAbsolutePath().getParent())) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file); // never replaces: another process that got there first wins
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
                return read(file);
            }
            log.warn("Generated a new files key in {}. Back it up: stored documents cannot be read without it."
                    + " Instances sharing one database must share it (POPULUS_FILES_KEY).", file.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the files key " + file.toAbsolutePath()
                    + " (set POPULUS_FILES_KEY or make POPULUS_DATA_DIR writable)", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (isPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("The files key {} is readable by others ({}); it should be 600",
                        file.toAbsolutePath(), PosixFilePermissions.toString(permissions));
            }
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII), "The files key " + file.toAbsolutePath());
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
