package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.teams.control.Logins;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Who may sign in to the admin pages ({@link LoginMechanism}): the administrator gets the role
 * {@value #ADMIN}, a team user {@value #TEAM}.
 */
@DeclareRoles({LoginIdentityStore.ADMIN, LoginIdentityStore.TEAM})
@ApplicationScoped
public class LoginIdentityStore implements IdentityStore {

    public static final String ADMIN = "admin";
    public static final String TEAM = "team";

    @Inject
    Logins logins;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return logins.check(credential.getCaller(), credential.getPasswordAsString())
                .map(caller -> new CredentialValidationResult(caller.username(), Set.of(caller.administrator() ? ADMIN : TEAM)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
