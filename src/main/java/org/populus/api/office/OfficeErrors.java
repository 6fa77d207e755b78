package org.populus.api.office;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.populus.api.web.SurfaceErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The back office's errors as pages in its layout ({@code office/error}), never the APIs' JSON: a refusal of a
 * page ({@link OfficeProblem}), a malformed path or parameter (400), and — as the surface owning {@code /office/**}
 * ({@link SurfaceErrors}) — every error raised outside its controllers: an unknown path (404), a failure (500), a
 * conflicting change (409).
 */
@ControllerAdvice(basePackageClasses = OfficeErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class OfficeErrors implements SurfaceErrors {

    private static final Logger log = LoggerFactory.getLogger(OfficeErrors.class);

    static final String VIEW = "office/error";

    private final OfficePageModel layout;
    private final ObjectProvider<ThymeleafViewResolver> views;

    OfficeErrors(OfficePageModel layout, ObjectProvider<ThymeleafViewResolver> views) {
        this.layout = layout;
        this.views = views;
    }

    @ExceptionHandler(OfficeProblem.class)
    ModelAndView problem(OfficeProblem e, HttpServletRequest request) {
        return page(request, e.status(), e.messageKey(), e.arguments());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(HttpServletRequest request) {
        return page(request, 400, null);
    }

    @Override
    public boolean owns(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/office") || path.startsWith("/office/");
    }

    @Override
    public ResponseEntity<?> render(HttpServletRequest request, int status, String message) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html(request, status));
    }

    @Override
    public ResponseEntity<?> badBody(HttpServletRequest request, HttpMessageNotReadableException e) {
        return render(request, 400, e.getMessage());
    }

    private ModelAndView page(HttpServletRequest request, int status, String messageKey, Object... arguments) {
        ModelAndView page = new ModelAndView(VIEW, model(request, status, messageKey, arguments));
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }

    private Map<String, Object> model(HttpServletRequest request, int status, String messageKey,
            Object... arguments) {
        Map<String, Object> model = layout.layout(request);
        model.put("status", status);
        model.put("errorKey", "error." + (known(status) ? status : "other"));
        model.put("messageKey", messageKey);
        model.put("messageArguments", arguments);
        return model;
    }

    private static boolean known(int status) {
        return status == 400 || status == 403 || status == 404 || status == 405 || status == 409 || status == 413
                || status == 500;
    }

    /**
     * The error page as text, rendered by the view of the current request. Outside Spring MVC (an error written by
     * a servlet filter) there is no view to render with: then a plain page saying the status.
     */
    private String html(HttpServletRequest request, int status) {
        ThymeleafViewResolver resolver = views.getIfAvailable();
        if (resolver != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                && a.getResponse() != null) {
            try {
                Locale locale = RequestContextUtils.getLocale(request);
                View view = resolver.resolveViewName(VIEW, locale);
                if (view != null) {
                    Captured captured = new Captured(a.getResponse());
                    view.render(model(request, status, null), request, captured);
                    return captured.text();
                }
            } catch (Exception e) {
                log.warn("The office error page could not be rendered; answering a plain one", e);
            }
        }
        String reason = HttpStatus.valueOf(status).getReasonPhrase();
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " "
                + HtmlUtils.htmlEscape(reason) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(reason)
                + "</h1><p><a href=\"/office\">Populus</a></p></main></body></html>";
    }

    /** A response whose text is kept instead of sent; the real response is left alone. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter();
        private final PrintWriter writer = new PrintWriter(text);

        Captured(HttpServletResponse response) {
            super(response);
        }

        String text() {
            writer.flush();
            return text.toString();
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the error page is written as text");
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }

        @Override
        public void setStatus(int sc) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }
    }
}
