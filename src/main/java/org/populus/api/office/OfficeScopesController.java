package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.populus.api.web.UploadEndpoint;
import org.populus.scope.ScopeFormat;
import org.populus.scope.ScopeLoadException;
import org.populus.scope.ScopeLoadSummary;
import org.populus.scope.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loading a scope file (role {@code admin}, checked by the section's rule): a multipart form ({@code file}, UTF-8
 * TSV or CSV, told by its name or header line) loaded all or nothing by {@link Scopes#load}, as the Admin API and
 * the command {@code scopes load} do. The answer shows what the load did, or the line at fault and what is wrong
 * with it (status 422, nothing changed). The form posts with htmx, whose upload progress the page shows.
 */
@Controller
@RequestMapping(OfficeScopesController.PATH)
class OfficeScopesController {

    static final String PATH = "/office/admin/scopes";

    private final Scopes scopes;

    OfficeScopesController(Scopes scopes) {
        this.scopes = scopes;
    }

    /** The upload may be as large as {@code populus.http.max-upload-size}, like the Admin API's. */
    @Configuration(proxyBeanMethods = false)
    static class Uploads {

        @Bean
        UploadEndpoint officeScopeUploads() {
            return request -> "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI());
        }
    }

    @GetMapping
    String form() {
        return "office/admin-scopes";
    }

    @PostMapping
    String load(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "empty");
            return "office/admin-scopes";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            response.setStatus(422);
            model.addAttribute("problem", "not_utf8");
            return "office/admin-scopes";
        }
        try {
            ScopeLoadSummary summary = scopes.load(new StringReader(text),
                    ScopeFormat.forFileName(file.getOriginalFilename()));
            model.addAttribute("summary", summary);
        } catch (ScopeLoadException e) {
            response.setStatus(422);
            model.addAttribute("problem", "line");
            model.addAttribute("line", e.line());
            model.addAttribute("detail", e.getMessage());
        }
        model.addAttribute("filename", file.getOriginalFilename());
        return "office/admin-scopes";
    }
}
