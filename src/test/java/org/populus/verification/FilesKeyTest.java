package org.populus.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The files key: from POPULUS_FILES_KEY, or generated once into the data directory (600) and reused. */
class FilesKeyTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        Path dataDir = dir.resolve("not/yet/there");
        FilesKey first = new FilesKey("", dataDir);
        Path file = dataDir.resolve("files.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        try (var listing = Files.list(dataDir)) {
            assertThat(listing).containsExactly(file); // no temporary file left behind
        }

        FilesKey again = new FilesKey(null, dataDir);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.derive("x")).isEqualTo(first.derive("x"));
        assertThat(new FilesKey("", dir.resolve("elsewhere")).id()).isNotEqualTo(first.id());
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        String base64 = Base64.getEncoder().encodeToString(bytes);
        FilesKey configured = new FilesKey(" " + base64 + "\n", dir);
        assertThat(configured.id()).isEqualTo(FilesKey.of(bytes).id());
        assertThat(configured.derive("label")).isEqualTo(FilesKey.of(bytes).derive("label"));
        assertThat(dir.resolve("files.key")).doesNotExist();
    }

    @Test
    void subKeysAre32BytesAndDifferPerLabelAndKey() {
        FilesKey key = FilesKey.of(new byte[32]);
        assertThat(key.derive("a")).hasSize(32).isNotEqualTo(key.derive("b"));
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(FilesKey.of(other).derive("a")).isNotEqualTo(key.derive("a"));
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Test
    void aMalformedConfiguredKeyIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new FilesKey("not base64 !!", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POPULUS_FILES_KEY").hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not base64 !!");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new FilesKey(short16, dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POPULUS_FILES_KEY").hasMessageContaining("decodes to 16 bytes")
                .hasMessageContaining("32");
        assertThat(dir.resolve("files.key")).doesNotExist();
    }

    @Test
    void aMalformedKeyFileIsRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("files.key"), "tooshort", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new FilesKey("", dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("files.key").toAbsolutePath().toString());
        assertThat(Files.readString(dir.resolve("files.key"))).isEqualTo("tooshort"); // never overwritten
    }

    @Test
    void theApplicationRefusesToStartWithAMalformedKey() {
        new ApplicationContextRunner().withBean(FilesKey.class)
                .withPropertyValues("populus.files.key=c2hvcnQ=", "populus.data-dir=" + dir)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("POPULUS_FILES_KEY").hasMessageContaining("5 bytes"));
        new ApplicationContextRunner().withBean(FilesKey.class)
                .withPropertyValues("populus.data-dir=" + dir)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FilesKey.class));
        assertThat(dir.resolve("files.key")).exists();
    }
}
