package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.control.PayloadWriter;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.platform.control.PlatformConfig;
import com.rateup.webhooks.webhooks.control.SsrfProtection;
import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Makes one signed POST, on a client borrowed from {@link HttpClients}, within one time budget for
 * the whole attempt ({@link AttemptDeadlines}): {@code @Timeout} declares an attempt that ran over
 * as failed but cannot end a blocking call; the deadline cuts its connection.
 */
@ApplicationScoped
public class WebhookPoster {

    static final int EXCERPT_BYTES = 4096;

    @Inject
    DeliveryPolicy policy;

    @Inject
    HttpClients clients;

    @Inject
    AttemptDeadlines deadlines;

    @Inject
    PlatformConfig platform;

    @Inject
    OAuth2Tokens tokens;

    private long timeoutMs;

    @PostConstruct
    void readTimeout() {
        timeoutMs = policy.timeoutMs();
    }

    /** Declares the attempt failed at the delivery timeout (the value comes from {@link AttemptTimeoutSource}). */
    @Timeout
    public AttemptResult post(WebhookRequest delivery) {
        byte[] body = delivery.body();
        long timestamp = (delivery.signedAt() != null ? delivery.signedAt() : Instant.now()).getEpochSecond();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        String rateupSignature = Signatures.rateup(delivery.secrets().get(0), body);
        String standardSignature = Signatures.standard(delivery.secrets(), delivery.deliveryId(), timestamp, body);
        EndpointAuthentication authentication = delivery.authentication();
        String authorization;
        try {
            authorization = authorization(authentication);
        } catch (OAuth2Tokens.Unavailable e) {
            return AttemptResult.notSent(startedAt, e.getMessage());
        }
        DeliveryClient client = clients.borrow(authentication);
        Invocation.Builder request = client.client().target(delivery.url()).request()
                .header("User-Agent", "rateup-webhooks/" + platform.version())
                .header("x-webhook-id", delivery.deliveryId())
                .header("x-rateup-triggered-at", PayloadWriter.timestamp(delivery.triggeredAt()))
                .header("x-rateup-signature", rateupSignature)
                .header("webhook-id", delivery.deliveryId())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", standardSignature);
        if (delivery.test()) {
            request.header("x-rateup-test", "true");
        }
        request.property(TraceHeader.PROPERTY, delivery.traceParent());
        // added to the signature, never instead of it
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (authentication instanceof EndpointAuthentication.Headers headers) {
            headers.headers().forEach(request::header);
        }
        try (AttemptDeadlines.Deadline deadline = deadlines.start(client)) {
            Response response;
            try {
                response = request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
            } catch (ProcessingException e) {
                clients.discard(client);
                if (e.getCause() instanceof SsrfProtection.Refused refused) {
                    // resolved for this connection to an address the rules forbid: it never connected
                    return AttemptResult.notSent(startedAt, "the endpoint " + refused.getMessage());
                }
                return AttemptResult.failed(startedAt, elapsedMs(start), deadline.passed() ? noAnswerInTime() : describe(e));
            }
            if (response.getStatus() == 401 && authentication instanceof EndpointAuthentication.OAuth2 oauth2) {
                tokens.forget(oauth2); // revoked or rotated early: the next attempt asks for a new one
            }
            Excerpt excerpt = excerptOf(response, start);
            AttemptResult result = AttemptResult.answered(startedAt, elapsedMs(start), response.getStatus(), excerpt.text(), retryAfter(response));
            boolean intact = deadline.end(); // else its connection was cut
            clients.giveBack(client, response, excerpt.complete() && intact);
            return result;
        }
    }

    /** The {@code Authorization} header a Basic or OAuth2 receiver requires, null for the others. */
    private String authorization(EndpointAuthentication authentication) throws OAuth2Tokens.Unavailable {
        if (authentication instanceof EndpointAuthentication.Basic basic) {
            return "Basic " + Base64.getEncoder().encodeToString((basic.username() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8));
        }
        if (authentication instanceof EndpointAuthentication.OAuth2 oauth2) {
            return "Bearer " + tokens.token(oauth2);
        }
        return null;
    }

    /** The first bytes of an answer, and whether they are known to be all of it (the end was read). */
    private record Excerpt(String text, boolean complete) {
    }

    long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * Reads no more than the excerpt, and only until the attempt's time is up, so a huge, endless
     * or trickling answer costs nothing more.
     */
    private Excerpt excerptOf(Response response, long startNanos) {
        InputStream in;
        try {
            // not hasEntity(): RESTEasy answers false for a body without a Content-Type
            in = response.readEntity(InputStream.class);
        } catch (IllegalStateException | ProcessingException noBody) {
            return new Excerpt(null, true);
        }
        if (in == null) {
            return new Excerpt(null, true);
        }
        long deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        byte[] excerpt = new byte[EXCERPT_BYTES];
        int length = 0;
        boolean complete = false;
        try {
            while (length < excerpt.length && System.nanoTime() < deadline) {
                int read = in.read(excerpt, length, excerpt.length - length);
                if (read < 0) {
                    complete = true;
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            // the status already arrived; an answer body cut short does not change the outcome
        }
        return new Excerpt(length == 0 ? null : new String(excerpt, 0, length, StandardCharsets.UTF_8), complete);
    }

    /** {@code Retry-After} of a 429 or 503, in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Response response) {
        int status = response.getStatus();
        String value = response.getHeaderString("Retry-After");
        if ((status != 429 && status != 503) || value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String noAnswerInTime() {
        return "no answer within " + timeoutMs + " ms";
    }

    private String describe(ProcessingException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof SocketTimeoutException) {
            return noAnswerInTime();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof SSLException) {
            return "TLS error: " + cause.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
