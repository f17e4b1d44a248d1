package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.teams.control.LoginThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** The login page: hands the credentials to Jakarta Security ({@link LoginMechanism}), then continues to the page first asked for. */
@Named
@RequestScoped
public class LoginForm {

    @Inject
    SecurityContext security;

    @Inject
    LoginThrottle throttle;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            ((HttpServletRequest) external.getRequest()).changeSessionId(); // no session fixation
            external.redirect(external.getRequestContextPath() + (LoginMechanism.isLocalPage(next) ? next : "/surveys.xhtml"));
            return;
        }
        throttle.lockedFor(username, Instant.now()).ifPresentOrElse(
                locked -> PageMessages.error(null, "login.locked", Math.max(1, locked.toSeconds())),
                () -> PageMessages.error(null, "login.failed"));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
