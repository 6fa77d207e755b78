package org.populus.api.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Whether Populus runs behind a reverse proxy, and which. {@code populus.proxy.mode} ({@code POPULUS_PROXY_MODE}):
 * {@code none} (the default) — the TCP peer is the client and forwarded headers are ignored, even on a cloud
 * platform where Spring Boot would otherwise trust them; {@code x-forwarded} — a request whose TCP peer is one of
 * {@code populus.proxy.trusted} ({@code POPULUS_PROXY_TRUSTED}, comma-separated addresses or CIDRs) takes its
 * client address from {@code X-Forwarded-For} (the right-most entry that is not a trusted proxy) and its scheme
 * from {@code X-Forwarded-Proto}; from any other peer those headers are ignored. This is Tomcat's
 * {@code RemoteIpValve} with {@code internal-proxies} set to exactly the trusted list (see
 * {@link ReverseProxyEnvironment}), so {@code getRemoteAddr()}, {@code isSecure()} and everything built on them
 * (the Census allowed networks, {@code Secure} cookies, HSTS) see the real client.
 */
public record ReverseProxy(Mode mode, List<String> trusted) {

    public static final String MODE = "populus.proxy.mode";
    public static final String TRUSTED = "populus.proxy.trusted";

    public enum Mode {
        NONE, X_FORWARDED;

        static Mode parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "", "none" -> NONE;
                case "x-forwarded" -> X_FORWARDED;
                default -> throw new IllegalStateException("Unknown " + MODE + " (POPULUS_PROXY_MODE) '" + value
                        + "': use none or x-forwarded");
            };
        }
    }

    public ReverseProxy {
        trusted = List.copyOf(trusted);
    }

    /** The settings in this environment; a proxy mode without trusted proxies, or a malformed entry, is refused. */
    public static ReverseProxy of(Environment environment) {
        Mode mode = Mode.parse(environment.getProperty(MODE));
        List<String> trusted = Arrays.stream(environment.getProperty(TRUSTED, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (mode != Mode.NONE && trusted.isEmpty()) {
            throw new IllegalStateException(MODE + "=" + environment.getProperty(MODE) + " needs the proxies' "
                    + "addresses in " + TRUSTED + " (POPULUS_PROXY_TRUSTED), e.g. 127.0.0.1 for a proxy on this host");
        }
        trusted.forEach(ReverseProxy::cidr);
        return new ReverseProxy(mode, trusted);
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    /** The Spring Boot settings that give this behaviour. */
    Map<String, Object> serverProperties() {
        if (!enabled()) {
            return Map.of("server.forward-headers-strategy", "none");
        }
        return Map.of(
                "server.forward-headers-strategy", "native",
                "server.tomcat.remoteip.internal-proxies",
                trusted.stream().map(ReverseProxy::cidr).collect(Collectors.joining(",")),
                "server.tomcat.remoteip.trusted-proxies", "",
                "server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For",
                "server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto",
                "server.tomcat.remoteip.protocol-header-https-value", "https");
    }

    /** An address or CIDR as a CIDR ({@code 127.0.0.1} → {@code 127.0.0.1/32}); anything else is refused. */
    static String cidr(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes;
        try {
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(address); // never a host name: no DNS look-up at start-up
            }
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Not an IP address or CIDR in " + TRUSTED + ": '" + entry + "'");
        }
        int max = bytes.length * 8;
        if (slash < 0) {
            return address + "/" + max;
        }
        try {
            int bits = Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > max) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Not an IP address or CIDR in " + TRUSTED + ": '" + entry + "'");
        }
        return entry;
    }
}
