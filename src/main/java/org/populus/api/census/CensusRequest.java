package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.populus.api.web.Callers;
import org.populus.history.Provenance;
import org.populus.procedure.CensusClient;
import org.populus.procedure.Location;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Census write handler starts from, resolved once before it runs: the parameters (form or JSON, see
 * {@link CensusParams}; an unreadable body is refused before the handler is called), where the request came from
 * (the {@code User-Ip} and {@code User-Agent} headers the portal forwards, and the time it arrived), and the
 * provenance to record with the changes, and the client it acts as ({@link CensusCallers}).
 */
record CensusRequest(CensusParams params, Location location, Provenance provenance, CensusClient client) {

    /** Resolves a {@link CensusRequest} handler argument; springdoc does not show it as a parameter. */
    @Configuration(proxyBeanMethods = false)
    static class Resolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

        static {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(CensusRequest.class);
        }

        private final JsonMapper json;
        private final Clock clock;
        private final CensusCallers callers;

        Resolver(JsonMapper json, Clock clock, CensusCallers callers) {
            this.json = json;
            this.clock = clock;
            this.callers = callers;
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(this);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == CensusRequest.class;
        }

        @Override
        public CensusRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            CensusParams params = CensusParams.read(request, json);
            Location location = new Location(request.getHeader("User-Ip"), request.getHeader("User-Agent"),
                    clock.instant());
            return new CensusRequest(params, location, Callers.provenance(request), callers.of(request));
        }
    }
}
