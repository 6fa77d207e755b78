package org.populus.api.admin;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The flow every catalogue controller shares: list, get (404 when absent), create (201 with its Location),
 * replace (body checks, those of {@link Replace} included, then 404 when absent, then the optimistic update) and
 * delete (204). The body checks are the constraints on the body's record (refused by {@link AdminErrors}).
 * A concrete controller carries the path ({@code @RequestMapping}), the tag and the summaries
 * ({@link CatalogSummaries}), and names its {@code Catalog} calls ({@link Entries}).
 *
 * @param <E> the catalogue entry
 * @param <I> the request body of a create or a replace
 * @param <O> the response body of one entry
 */
abstract class CatalogController<E, I extends CatalogController.Body, O extends CatalogController.Identified> {

    static final String BASE = AdminErrors.PREFIX + "/catalog";

    /** The checks of a replace only (the flags and the {@code version} it requires), besides the default ones. */
    interface Replace {
    }

    /** What every catalogue request body carries besides its own fields. */
    interface Body {

        /** The version that was read; required on replace. */
        Integer version();
    }

    /** A response body names its entry. */
    interface Identified {

        long id();
    }

    /** A checked replacement of an entry, waiting for the entry's id and the version that was read. */
    @FunctionalInterface
    interface Replacement<E> {

        E apply(long id, int version);
    }

    /**
     * The catalogue calls of one kind of entry.
     *
     * @param all every entry
     * @param byId one entry
     * @param out its response body
     * @param add creates the entry of a checked body
     * @param replacement the replacement a checked body asks for (made before the entry is looked up, so a bad
     *     value is refused whether or not the entry exists)
     * @param remove deletes an entry
     */
    record Entries<E, I, O>(Supplier<List<E>> all, LongFunction<Optional<E>> byId, Function<E, O> out,
            Function<I, E> add, Function<I, Replacement<E>> replacement, LongConsumer remove) {
    }

    private final String kind;
    private final String what;
    private final Entries<E, I, O> entries;

    /**
     * @param kind the last path segment, e.g. {@code genders}
     * @param what the entry's name in a "not found" detail, e.g. {@code Gender}
     */
    CatalogController(String kind, String what, Entries<E, I, O> entries) {
        this.kind = kind;
        this.what = what;
        this.entries = entries;
    }

    private O out(E entry) {
        return entries.out().apply(entry);
    }

    @GetMapping
    List<O> list() {
        return entries.all().get().stream().map(this::out).toList();
    }

    @GetMapping("/{id}")
    O get(@PathVariable long id) {
        return out(found(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<O> create(@Valid @RequestBody(required = false) I body) {
        O created = out(entries.add().apply(Checks.body(body)));
        URI location = UriComponentsBuilder.newInstance().path(BASE + "/" + kind + "/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    O update(@PathVariable long id,
            @Validated({Default.class, Replace.class}) @RequestBody(required = false) I body) {
        I in = Checks.body(body);
        Replacement<E> replacement = entries.replacement().apply(in);
        found(id);
        return out(replacement.apply(id, in.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        entries.remove().accept(id);
        return ResponseEntity.noContent().build();
    }

    private E found(long id) {
        return entries.byId().apply(id).orElseThrow(() -> AdminProblem.notFound(what + " " + id + " does not exist."));
    }

    /** A boolean field: its default when absent (on create; a replace requires it, see {@link Replace}). */
    static boolean flag(Boolean value, boolean defaultValue) {
        return value == null ? defaultValue : value;
    }
}
