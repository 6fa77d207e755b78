package org.populus.api.census;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.populus.api.web.BodyTooLargeException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test sources only: echoes what {@link CensusParams} reads from a real request, under the Census security chain's
 * paths. {@code …/params-echo-consumed} first asks the container for a parameter, as a careless handler might.
 */
@Hidden
@RestController
class CensusParamsEchoController {

    private final JsonMapper json;

    CensusParamsEchoController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping(path = "/api/v1/people/{id}/params-echo", method = {RequestMethod.GET, RequestMethod.POST,
        RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    Map<String, Object> echo(@PathVariable("id") String id, HttpServletRequest request) {
        return describe(CensusParams.read(request, json));
    }

    @RequestMapping(path = "/api/v1/{locale}/people/{id}/params-echo", method = {RequestMethod.GET,
        RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    Map<String, Object> echo(@PathVariable("locale") String locale, @PathVariable("id") String id,
            HttpServletRequest request) {
        return describe(CensusParams.read(request, json));
    }

    @RequestMapping(path = "/api/v1/people/{id}/params-echo-consumed", method = {RequestMethod.POST,
        RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    Map<String, Object> consumed(@PathVariable("id") String id, HttpServletRequest request) {
        request.getParameter("anything");
        return describe(CensusParams.read(request, json));
    }

    /** The body's source, and for every name: text, present, list, objects and flag. */
    static Map<String, Object> describe(CensusParams params) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("(body)", params.body().name());
        for (String name : params.names()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("text", params.text(name));
            one.put("present", params.present(name));
            one.put("list", params.list(name));
            one.put("objects", params.objects(name));
            one.put("flag", params.flag(name));
            all.put(name, one);
        }
        return all;
    }

    @ExceptionHandler(CensusParams.Malformed.class)
    ResponseEntity<Map<String, String>> malformed() {
        return ResponseEntity.status(400).body(Map.of("exception", "Malformed"));
    }

    @ExceptionHandler(CensusParams.UnsupportedBody.class)
    ResponseEntity<Map<String, String>> unsupported() {
        return ResponseEntity.status(415).body(Map.of("exception", "UnsupportedBody"));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Map<String, String>> tooLarge() {
        return ResponseEntity.status(413).body(Map.of("exception", "BodyTooLarge"));
    }
}
