package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Session attributes are stored as plain text, never as Java serialisation: a row written by someone with write
 * access to the database cannot make the application instantiate a class of their choice.
 */
class SessionStorageTest extends HttpTest {

    /** Stands for a deserialisation gadget: reading it back records that it ran. */
    static final class Gadget implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static volatile boolean instantiated;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            instantiated = true;
        }
    }

    @Autowired
    FindByIndexNameSessionRepository<?> repository;

    @Test
    void attributesAreStoredAsPlainText() {
        String sid = api.login("admin", ADMIN_PASSWORD);
        for (byte[] value : jdbc.sql("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
                .param(sid).query(byte[].class).list()) {
            assertThat(value[0]).as("not a Java serialisation stream (0xACED)").isNotEqualTo((byte) 0xAC);
        }
    }

    @Test
    void aSessionRowHoldingASerialisedObjectIsNotDeserialised() {
        String sid = api.login("admin", ADMIN_PASSWORD);
        Gadget.instantiated = false;
        jdbc.sql("""
                update spring_session_attributes set attribute_bytes = ? where session_primary_id =
                (select primary_id from spring_session where session_id = ?)""")
                .params(serialised(new Gadget()), sid).update();

        int status = api.get("/admin/api/users", session(sid)).status();
        var stored = repository.findById(sid);
        if (stored != null) {
            stored.getAttributeNames().forEach(stored::getAttribute);
        }
        assertThat(Gadget.instantiated).as("the serialised object was read back").isFalse();
        assertThat(status).isEqualTo(401);
    }

    private static byte[] serialised(Object o) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
