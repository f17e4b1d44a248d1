package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating reverse proxy: the servers take the request's scheme from
 * {@code X-Forwarded-Proto} (Payara's {@code scheme-mapping} in the preboot commands, WildFly's
 * {@code proxy-address-forwarding} in configure.cli), so over HTTPS the session cookie is
 * {@code Secure}, redirects stay on https and HSTS is sent; over plain HTTP (a local trial) none of
 * it, or the admin pages could not be used there. The shared server: well under a second.
 */
class ReverseProxyIT extends SurveyWithWebhookFixture {

    /** HTTP/1.1, as a proxy speaks to its upstream (the JDK client would otherwise try an h2c upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void overForwardedHttpsTheSessionCookieIsSecureRedirectsStayOnHttpsAndHstsIsSent() throws Exception {
        HttpResponse<Void> login = get("login.xhtml", "https");
        assertThat(sessionCookie(login)).hasValueSatisfying(cookie -> assertThat(cookie.toLowerCase()).contains("; secure", "httponly", "samesite=strict"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");

        HttpResponse<Void> protectedPage = get("surveys.xhtml", "https");
        assertThat(protectedPage.statusCode()).isBetween(302, 303);
        assertThat(protectedPage.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
    }

    @Test
    void overPlainHttpNothingChanges() throws Exception {
        HttpResponse<Void> login = get("login.xhtml", null);
        assertThat(sessionCookie(login)).hasValueSatisfying(cookie -> assertThat(cookie.toLowerCase()).contains("httponly").doesNotContain("; secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(get("surveys.xhtml", "http").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("http://"));
    }

    private HttpResponse<Void> get(String path, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(path));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Optional<String> sessionCookie(HttpResponse<Void> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst();
    }
}
