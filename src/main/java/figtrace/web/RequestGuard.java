package figtrace.web;

import com.sun.net.httpserver.HttpExchange;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The review page's defences against other web pages in the same browser:
 * <ul>
 *   <li>Host check on every request: a page from another site that rebinds its DNS name to 127.0.0.1 still sends
 *       its own name as Host, so it cannot read the figures (skipped when the user binds all interfaces).</li>
 *   <li>State-changing requests (POST) need the per-server random token, which only our own page has (it is
 *       embedded in index.html, and other origins cannot read our responses), in header {@value #TOKEN_HEADER};
 *       and when the browser sends an Origin, it must be this server.</li>
 * </ul>
 */
final class RequestGuard {

    static final String TOKEN_HEADER = "X-Figtrace-Token";

    private final String token;
    private final Set<String> allowedHosts;
    private final boolean anyHost;

    RequestGuard(String host, int port) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        this.allowedHosts = new HashSet<>(List.of(host.toLowerCase(Locale.ROOT) + ":" + port, "127.0.0.1:" + port,
                "localhost:" + port, "[::1]:" + port));
        this.anyHost = isWildcard(host);
    }

    String token() { return token; }

    /** Null when the Host header names this server, else why not. */
    String hostProblem(HttpExchange exchange) {
        if (anyHost) return null;
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) return "request without a Host header";
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT)) ? null : "unexpected Host " + host;
    }

    /** Null when a state-changing request comes from our own page, else why not. */
    String writeProblem(HttpExchange exchange) {
        String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return "missing or wrong " + TOKEN_HEADER + ": reload the review page";
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            return "cross-origin request from " + origin;
        }
        String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "cross-site request (" + fetchSite + ")";
        }
        return null;
    }

    private static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
