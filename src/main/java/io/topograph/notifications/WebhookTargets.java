package io.topograph.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called. Any http(s) URL is checked for shape; in hosted mode
 * ({@code topograph.hosted}) the host must also resolve only to public addresses, so a tenant
 * cannot make the service call its own loopback, private networks, link-local or cloud metadata
 * endpoints (SSRF). The check runs when a rule is saved and again before every attempt (DNS may
 * have changed). Self-hosted servers may call anything, their own LAN included.
 */
@Singleton
public class WebhookTargets {

    public static final int URL_MAX = 2000;

    /** Resolves a host name; replaceable in tests so no name is ever looked up there. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean hosted;
    private final Resolver resolver;

    @jakarta.inject.Inject
    public WebhookTargets(@Value("${topograph.hosted:false}") boolean hosted) {
        this(hosted, InetAddress::getAllByName);
    }

    public WebhookTargets(boolean hosted, Resolver resolver) {
        this.hosted = hosted;
        this.resolver = resolver;
    }

    public boolean hosted() {
        return hosted;
    }

    /** Why {@code url} cannot be a webhook target, or empty when it can. */
    public Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("This field is required.");
        }
        if (url.length() > URL_MAX) {
            return Optional.of("Use at most " + URL_MAX + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("Enter a valid URL, like https://example.com/hooks/topograph.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("Use an http:// or https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("Enter a valid URL with a host name, like https://example.com/hooks/topograph.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Leave user names and passwords out of the URL: check the signature header instead.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("Leave the #fragment out of the URL.");
        }
        if (!hosted) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.endsWith(".internal") || lower.endsWith(".local")) {
            return Optional.of("This address is internal; webhooks must go to a public address.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("The host name " + host + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("This address is internal (" + address.getHostAddress() + "); webhooks must go to a public address.");
            }
        }
        return Optional.empty();
    }

    /** False for loopback, private, link-local (cloud metadata included), shared, multicast and reserved addresses. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff, a1 = b[1] & 0xff;
            return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                    || (a0 == 100 && a1 >= 64 && a1 <= 127)      // shared address space (CGNAT)
                    || (a0 == 169 && a1 == 254)                   // link-local, cloud metadata
                    || (a0 == 172 && a1 >= 16 && a1 <= 31)
                    || (a0 == 192 && a1 == 168)
                    || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (a0 == 198 && (a1 == 18 || a1 == 19)));    // benchmarking
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {          // fc00::/7 unique local
                return false;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) { // fec0::/10 old site-local
                return false;
            }
            boolean mapped = true;               // ::ffff:a.b.c.d → judge the IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            return !nat64;
        }
        return false;
    }
}
