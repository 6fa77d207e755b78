package org.populus.api.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Admin API's request bodies refuse unknown fields, so a misspelt field is never ignored: its body types
 * (this package) are read by a converter whose mapper fails on an unknown property, which {@link AdminErrors}
 * answers as {@code 400 "Unknown field 'x'."} naming the field. Everything else, and every response, goes
 * through the shared converter, which ignores unknown fields.
 */
@Configuration(proxyBeanMethods = false)
class AdminJson implements WebMvcConfigurer {

    private final JsonMapper json;

    AdminJson(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new StrictBodies(
                json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
    }

    /** Reads the bodies declared in this package; writes nothing. */
    static final class StrictBodies extends JacksonJsonHttpMessageConverter {

        StrictBodies(JsonMapper strict) {
            super(strict);
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            Class<?> body = type.resolve();
            return body != null && body.getPackageName().equals(AdminJson.class.getPackageName())
                    && super.canRead(type, mediaType);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return false;
        }
    }
}
