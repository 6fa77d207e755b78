package org.populus.api.openg2p;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.populus.person.Registrant;
import org.populus.person.RegistrantQuery;
import org.populus.person.NameSearches;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The list/search endpoints: filters {@code id} and {@code name}, results in id order. With {@code limit} one page
 * is returned; without it the whole result is streamed in keyset-paged batches, so memory stays constant however
 * many records match. A query matching nothing is OpenG2P's 400 {@code G2P-REQ-010}. How many streamed listings one
 * client may run at once is bounded ({@link UnboundedListings}).
 */
@Component
class RegistrySearch {

    static final int MAX_LIMIT = 10_000;
    private static final int BATCH = 250;

    private final NameSearches registrants;
    private final JsonMapper json;
    private final UnboundedListings unbounded;

    RegistrySearch(NameSearches registrants, JsonMapper json, UnboundedListings unbounded) {
        this.registrants = registrants;
        this.json = json;
        this.unbounded = unbounded;
    }

    /**
     * @param render turns a batch of matching registrants into response items (may batch-load more data)
     */
    void write(RegistrantQuery query, Integer limit, Integer offset, HttpServletResponse response,
            Function<List<Registrant>, List<?>> render) throws IOException {
        if (limit != null && (limit < 0 || limit > MAX_LIMIT)) {
            throw new G2pException(G2pError.REQUIRED, "limit must be between 0 and " + MAX_LIMIT + ".");
        }
        if (offset != null && offset < 0) {
            throw new G2pException(G2pError.REQUIRED, "offset cannot be negative.");
        }
        if (limit == null) {
            try (UnboundedListings.Permit running = unbounded.start()) {
                stream(query, null, offset, response, render);
            }
        } else {
            stream(query, limit, offset, response, render);
        }
    }

    private void stream(RegistrantQuery query, Integer limit, Integer offset, HttpServletResponse response,
            Function<List<Registrant>, List<?>> render) throws IOException {
        long skip = offset == null ? 0 : offset;
        int first = limit == null ? BATCH : Math.min(limit, BATCH);
        List<Registrant> page = first == 0 ? List.of() : registrants.search(query, 0, skip, first);
        if (page.isEmpty() && (skip == 0 && first > 0 || registrants.search(query, 0, 0, 1).isEmpty())) {
            throw new G2pException(G2pError.NOT_PRESENT, noMatch(query));
        }
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            long remaining = limit == null ? Long.MAX_VALUE : limit;
            int requested = first;
            while (!page.isEmpty() && remaining > 0) {
                for (Object item : render.apply(page)) {
                    json.writeValue(generator, item);
                }
                remaining -= page.size();
                if (page.size() < requested || remaining <= 0) {
                    break;
                }
                generator.flush();
                long after = page.get(page.size() - 1).id();
                requested = (int) Math.min(BATCH, remaining);
                page = registrants.search(query, after, 0, requested);
            }
            generator.writeEndArray();
        }
    }

    static String noMatch(RegistrantQuery query) {
        if (query.id() != null && query.name() != null) {
            return "The ID Number or Name entered does not exist.";
        }
        if (query.name() != null) {
            return "This Name does not exist. Please enter a valid Name.";
        }
        if (query.id() != null) {
            return "The ID Number you have entered does not exist. Please enter a valid ID Number.";
        }
        return "";
    }
}
