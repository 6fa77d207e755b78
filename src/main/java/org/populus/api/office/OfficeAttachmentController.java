package org.populus.api.office;

import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.populus.access.Role;
import org.populus.api.web.Callers;
import org.populus.verification.AttachmentInfo;
import org.populus.verification.Attachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A document-verification file, decrypted on the fly, for a reviewer (role {@code registrar}, checked here: the
 * path lies in the dashboard's section, open to every role). Images and PDF are shown inline, anything else only
 * as a download; always with {@code nosniff}, no caching, and a content security policy that lets the file show
 * and nothing else run: {@code sandbox} for images and downloads; not for a PDF, whose viewer Chromium refuses to
 * open in a sandboxed document, so a PDF's policy allows only its own viewer ({@code object-src 'self'}) and only
 * inside the back office's own pages ({@code frame-ancestors 'self'}).
 */
@Controller
class OfficeAttachmentController {

    static final String PATH = "/office/attachments";
    /** Types a browser shows without running anything of the file's. */
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "image/bmp", "application/pdf");
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; object-src 'self'; "
            + "sandbox";
    static final String PDF_CONTENT_SECURITY_POLICY = "default-src 'none'; object-src 'self'; "
            + "frame-ancestors 'self'";

    private final Attachments attachments;

    OfficeAttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        if (Callers.current().filter(u -> u.has(Role.REGISTRAR)).isEmpty()) {
            throw new AccessDeniedException("Attachments are for reviewers");
        }
        Optional<AttachmentInfo> found = attachments.find(id);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body(("Attachment " + id + " does not exist.").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        AttachmentInfo info = found.get();
        byte[] content;
        try {
            content = attachments.content(id);
        } catch (NoSuchElementException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String type = info.contentType().toLowerCase(Locale.ROOT);
        boolean inline = INLINE.contains(type);
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(info.filename().isBlank() ? "attachment-" + id : info.filename(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy",
                        type.equals("application/pdf") ? PDF_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY)
                .body(content);
    }
}
