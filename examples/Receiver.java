// A webhook receiver that verifies rateup's signatures. JDK only (Java 17+).
// Usage: java examples/Receiver.java <client secret> [port]
//
// It checks x-rateup-signature over the raw body bytes, the robust way: the bytes that arrived are the
// bytes that were signed, whatever JSON library parses them later. The seed's JSON.stringify variant
// has no JDK counterpart (the JDK has no JSON parser, and Jackson or JSON-B write numbers differently
// from JavaScript), so it is not shown here. It also checks the Standard Webhooks headers, which add
// replay protection; the Standard Webhooks Java library (com.standardwebhooks:standardwebhooks on
// Maven Central) does the same in one call: new Webhook(secret).verify(body, headers).
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Receiver {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java examples/Receiver.java <client secret> [port]");
            System.exit(2);
        }
        String secret = args[0];
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9000;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> receive(secret, exchange));
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/");
    }

    private static void receive(String secret, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            boolean valid = rawBodyVerified(secret, body, headers.getFirst("x-rateup-signature"))
                    && standardWebhooksVerified(secret, body, headers.getFirst("webhook-id"),
                            headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"));
            System.out.println((valid ? "VERIFIED" : "BAD SIGNATURE") + " x-webhook-id=" + headers.getFirst("x-webhook-id")
                    + " triggered-at=" + headers.getFirst("x-rateup-triggered-at") + " " + new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        }
    }

    static boolean rawBodyVerified(String secret, byte[] body, String given) {
        return given != null && constantTimeEquals(base64Hmac(secret.getBytes(StandardCharsets.UTF_8), body), given);
    }

    static boolean standardWebhooksVerified(String secret, byte[] body, String id, String timestamp, String signatures) {
        if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,19}")
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        String expected = base64Hmac(key, signed);
        // during a secret rotation the header lists one "v1,<signature>" per active secret
        return Arrays.stream(signatures.split(" "))
                .anyMatch(s -> s.startsWith("v1,") && constantTimeEquals(expected, s.substring(3)));
    }

    private static String base64Hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
