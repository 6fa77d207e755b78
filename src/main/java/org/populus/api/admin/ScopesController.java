package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.populus.api.admin.ScopeDtos.LoadOut;
import org.populus.api.admin.ScopeDtos.ScopeOut;
import org.populus.scope.ScopeFormat;
import org.populus.scope.Scopes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Territorial scopes: loading a TSV or CSV file of scopes (the format of {@code org.populus.scope}'s package
 * documentation), all or nothing, as the command {@code scopes load <file>} does; and reading one scope. The file
 * is the request body ({@code text/tab-separated-values}, {@code text/csv}, or {@code text/plain} /
 * {@code application/octet-stream} with {@code ?format=tsv|csv}, else told by its header line), or the part
 * {@code file} of a {@code multipart/form-data} body. It may be as large as the upload limit.
 */
@RestController
@RequestMapping(path = ScopesController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Scopes", description = "Territorial scopes: load a TSV/CSV file, read one scope")
class ScopesController {

    static final String PATH = AdminErrors.PREFIX + "/scopes";
    static final String TSV = "text/tab-separated-values";
    static final String CSV = "text/csv";

    private final Scopes scopes;

    ScopesController(Scopes scopes) {
        this.scopes = scopes;
    }

    @Operation(summary = "Load a scope file (the body), all or nothing; 422 naming the line at fault")
    @PostMapping(consumes = {TSV, CSV, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    LoadOut load(HttpServletRequest request, InputStream body,
            @Parameter(description = "tsv or csv; by default told by the content type, else by the header line")
            @RequestParam(required = false) String format) throws IOException {
        MediaType type = parse(request.getContentType()); // none is taken as application/octet-stream
        ScopeFormat chosen = format != null ? format(format) : format(type);
        return load(body.readAllBytes(), type, chosen);
    }

    @Operation(summary = "Load a scope file sent as the part 'file' of a form, all or nothing")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LoadOut loadForm(@RequestPart("file") MultipartFile file,
            @Parameter(description = "tsv or csv; by default told by the part's content type or file name, else "
                    + "by the header line") @RequestParam(required = false) String format) throws IOException {
        MediaType type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : parse(file.getContentType());
        ScopeFormat chosen = format != null ? format(format) : format(type);
        if (chosen == ScopeFormat.AUTO) {
            chosen = ScopeFormat.forFileName(file.getOriginalFilename());
        }
        return load(file.getBytes(), type, chosen);
    }

    @Operation(summary = "Get one scope by code, with its names, type, parent and mappings")
    @GetMapping("/{code}")
    ScopeOut get(@PathVariable String code) {
        return ScopeOut.of(scopes.find(code).orElseThrow(() -> AdminProblem.notFound("Scope '"
                + Checks.shown(code) + "' does not exist.")));
    }

    private LoadOut load(byte[] bytes, MediaType type, ScopeFormat format) {
        return LoadOut.of(scopes.load(new StringReader(text(bytes, charset(type))), format));
    }

    /** The file as text, refusing bytes that are not valid in its character set (UTF-8 unless told). */
    static String text(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw AdminProblem.invalid(null, "The file is not valid " + charset.name() + " text.");
        }
    }

    static Charset charset(MediaType type) {
        String name = type.getParameter("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new AdminProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "Character set '" + Checks.shown(name)
                    + "' is not supported; send UTF-8.");
        }
    }

    static ScopeFormat format(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "tsv" -> ScopeFormat.TSV;
            case "csv" -> ScopeFormat.CSV;
            default -> throw AdminProblem.badRequest("format", "Parameter 'format' is 'tsv' or 'csv', not '"
                    + Checks.shown(format) + "'.");
        };
    }

    static ScopeFormat format(MediaType type) {
        if (type.isCompatibleWith(MediaType.parseMediaType(TSV))) {
            return ScopeFormat.TSV;
        }
        if (type.isCompatibleWith(MediaType.parseMediaType(CSV))) {
            return ScopeFormat.CSV;
        }
        return ScopeFormat.AUTO;
    }

    private static MediaType parse(String type) {
        if (type == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
