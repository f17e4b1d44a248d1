package com.rateup.webhooks.teams.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Form login for the admin pages. A protected page without a login redirects to
 * {@code login.xhtml?next=<that page>}; the login page hands the credentials over with
 * {@code SecurityContext.authenticate}; the session remembers who signed in.
 *
 * <p>Written out rather than {@code @CustomFormAuthenticationMechanismDefinition}: that one keeps
 * the first requested page in the session and answers any other protected page an empty 200 until
 * a login succeeds. The REST API does not pass through here: its filters check tokens and Basic
 * credentials, and its paths carry no security constraint.
 */
@AutoApplySession
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            // a failure is answered by the login page itself (a message, the form again), not with an error page
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    : AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected()) {
            String page = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /** A page of this application to continue to after the login; anything else (another site, a scheme) is refused. */
    static boolean isLocalPage(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20);
    }
}
