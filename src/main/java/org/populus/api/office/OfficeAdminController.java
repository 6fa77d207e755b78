package org.populus.api.office;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administration's landing page and the read-only view of the effective configuration (role {@code admin},
 * checked by the section's rule): every {@code populus.*} property and the Spring properties that say where the
 * data and messages go and how the server runs, as the application resolved them, with secrets masked — values of
 * properties named like a password, secret, key, token or credential, and the credentials inside URIs.
 */
@Controller
class OfficeAdminController {

    static final String PATH = "/office/admin";
    static final String MASK = "******";
    private static final String[] PREFIXES = {"populus.", "spring.datasource.", "spring.rabbitmq.",
        "spring.session.", "spring.servlet.", "spring.flyway.", "spring.messages.", "server.", "management.",
        "logging."};
    private static final String[] ENVIRONMENT_PREFIXES = {"POPULUS_", "SPRING_", "SERVER_"};
    private static final Pattern SECRET_NAME = Pattern.compile("password|passwd|secret|key|token|credential|private",
            Pattern.CASE_INSENSITIVE);
    /** {@code scheme://user:password@host…} */
    private static final Pattern URI_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");
    /** {@code password=…} or {@code secret=…} inside a URL's query or a connection string. */
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "((?:password|passwd|pwd|secret|token|key)[A-Za-z_]*=)[^&;\\s]*", Pattern.CASE_INSENSITIVE);

    private final ConfigurableEnvironment environment;

    OfficeAdminController(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @GetMapping(PATH)
    String administration() {
        return "office/admin";
    }

    @GetMapping(PATH + "/configuration")
    String configuration(Model model) {
        model.addAttribute("properties", properties());
        return "office/admin-configuration";
    }

    /** The properties shown, by name, with their effective values masked. */
    Map<String, String> properties() {
        Map<String, String> shown = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (!shown.containsKey(name) && wanted(name)) {
                        shown.put(name, masked(name, value(name)));
                    }
                }
            }
        }
        return shown;
    }

    private static boolean wanted(String name) {
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : ENVIRONMENT_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private String value(String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException e) { // a placeholder nothing resolves: shown as written
            Object raw = null;
            for (PropertySource<?> source : environment.getPropertySources()) {
                if (raw == null) {
                    raw = source.getProperty(name);
                }
            }
            return raw == null ? null : raw.toString();
        }
    }

    /** The value as shown: masked whole for a secret's name, else with any credentials in it masked. */
    static String masked(String name, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT).replace("_", "")).find()) {
            return MASK;
        }
        String v = URI_CREDENTIALS.matcher(value).replaceAll(MASK + "@");
        return QUERY_SECRET.matcher(v).replaceAll("$1" + MASK);
    }
}
