package org.populus.api.admin;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.List;
import java.util.Optional;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The flow every catalogue controller shares: list, get (404 when absent), create (201 with its Location),
 * replace (body checks, those of {@link Replace} included, then 404 when absent, then the optimistic update) and
 * delete (204). The body checks are the constraints on the body's record (refused by {@link AdminErrors}).
 * A concrete controller carries the path ({@code @RequestMapping}), the tag and the summaries
 * ({@link CatalogSummaries}), and maps its bodies to the {@code Catalog} calls.
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

    private final String kind;
    private final String what;

    /**
     * @param kind the last path segment, e.g. {@code genders}
     * @param what the entry's name in a "not found" detail, e.g. {@code Gender}
     */
    CatalogController(String kind, String what) {
        this.kind = kind;
        this.what = what;
    }

    abstract List<E> entries();

    abstract Optional<E> entry(long id);

    abstract O out(E entry);

    /** Creates the entry of a checked body. */
    abstract E add(I in);

    /** The replacement a checked body asks for. */
    abstract Replacement<E> replacement(I in);

    abstract void remove(long id);

    @GetMapping
    List<O> list() {
        return entries().stream().map(this::out).toList();
    }

    @GetMapping("/{id}")
    O get(@PathVariable long id) {
        return out(found(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<O> create(@Valid @RequestBody(required = false) I body) {
        O created = out(add(Checks.body(body)));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + "/" + kind + "/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    O update(@PathVariable long id,
            @Validated({Default.class, Replace.class}) @RequestBody(required = false) I body) {
        I in = Checks.body(body);
        Replacement<E> replacement = replacement(in);
        found(id);
        return out(replacement.apply(id, in.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        remove(id);
        return ResponseEntity.noContent().build();
    }

    private E found(long id) {
        return entry(id).orElseThrow(() -> AdminProblem.notFound(what + " " + id + " does not exist."));
    }

    /** A boolean field: its default when absent (on create; a replace requires it, see {@link Replace}). */
    static boolean flag(Boolean value, boolean defaultValue) {
        return value == null ? defaultValue : value;
    }
}
