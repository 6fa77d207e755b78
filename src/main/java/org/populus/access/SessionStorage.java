package org.populus.access;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Session attributes are stored as UTF-8 text, never with Java serialisation (Spring Session's default): a row
 * written by whoever can write to the database is read back as a string, so it cannot make the application
 * instantiate a class of their choice. Only strings may be stored; bytes that are not UTF-8 read as nothing.
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> plainTextSessionAttributes() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, SessionStorage::write);
        conversions.addConverter(byte[].class, Object.class, bytes -> read(bytes).orElse(null));
        return repository -> repository.setConversionService(conversions);
    }

    /** Wraps the session store so that a session's last access is written at most once a minute. */
    @Bean
    static BeanPostProcessor lastAccessWrites() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository
                        ? new LastAccessWrites((FindByIndexNameSessionRepository<Session>) (Object) bean) : bean;
            }
        };
    }

    static byte[] write(Object value) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("Session attributes are strings, not " + value.getClass().getName());
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a stored attribute; empty when the bytes are not UTF-8. */
    static Optional<String> read(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
