package org.populus.api.office;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a back-office page: the one chosen with {@code ?lang=} (kept in the cookie {@code populus_lang},
 * path {@code /office}), else the first of the browser's languages the back office speaks (English, Spanish), else
 * English. Requests outside the back office keep the browser's {@code Accept-Language} as before, so the APIs'
 * texts do not change.
 */
final class OfficeLocales extends CookieLocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
    static final String COOKIE = "populus_lang";
    static final String LANG = "lang";

    OfficeLocales() {
        super(COOKIE);
        setCookiePath("/office");
        setCookieHttpOnly(true);
        setCookieSameSite("Strict");
        setCookieMaxAge(Duration.ofDays(365));
        setDefaultLocaleFunction(OfficeLocales::fromBrowser);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return () -> resolveLocale(request);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (!inOffice(request)) {
            return request.getLocale();
        }
        String asked = request.getParameter(LANG);
        Locale chosen = asked == null ? null : supported(Locale.forLanguageTag(asked));
        if (chosen != null) {
            return chosen; // also where no handler ran the interceptor that remembers it (e.g. a 404 page)
        }
        chosen = supported(super.resolveLocale(request));
        return chosen != null ? chosen : fromBrowser(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = supported(locale);
        if (chosen != null && inOffice(request)) {
            super.setLocale(request, response, chosen);
        }
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        for (Locale asked : Collections.list(request.getLocales())) {
            Locale chosen = supported(asked);
            if (chosen != null) {
                return chosen;
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported language of {@code locale} (any region), or null. */
    private static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    private static boolean inOffice(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/office") || path.startsWith("/office/");
    }
}
