package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.webhooks.boundary.AuthenticationField;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * "Endpoint authentication" in every webhook's panel (WEB-INF/webhook/panel.xhtml): what its receiver
 * requires besides the signature, with the same rules as the API's {@code authentication}
 * ({@link AuthenticationField}). Credentials are never shown back: their fields start empty, and left
 * empty they keep what is stored.
 */
@Named("authenticationForm")
@ViewScoped
public class AuthenticationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<String> TYPES = List.of("none", "basic", "bearer-oauth2", "headers", "mtls");

    @Inject
    Viewer viewer;

    @Inject
    TeamWebhooks webhooks;

    private String shownId;
    private String type;
    private String username;
    private String password;
    private String tokenUrl;
    private String clientId;
    private String clientSecret;
    private String scope;
    /** One header per line, {@code Name: value}; a name alone keeps its stored value. */
    private String headers;
    private String certificate;
    private String privateKey;
    private transient JsonObject saved;

    /** What is stored, without the credentials (shown beside the form). */
    public JsonObject current(Webhook shown) {
        follow(shown);
        return saved != null ? saved : shown.authentication().view();
    }

    public void save(Webhook shown) {
        follow(shown);
        if (shown == null || !viewer.sees(shown.teamId())) {
            PageMessages.error(null, "settings.noWebhook");
            return;
        }
        try {
            EndpointAuthentication given = AuthenticationField.parse(given());
            webhooks.receive(shown.id(), Receives.authentication(given)).ifPresent(changed -> {
                saved = changed.authentication().view();
                password = null;
                clientSecret = null;
                privateKey = null;
                headers = headerNames(changed.authentication());
                PageMessages.info("authentication.saved");
            });
        } catch (EndpointAuthentication.Invalid refused) {
            PageMessages.error("authentication:type", "authentication.refused", refused.getMessage());
        } catch (TeamWebhooks.RefusedEndpoint refused) {
            PageMessages.error("authentication:tokenUrl", "authentication.refused", refused.field() + ": " + refused.getMessage());
        }
    }

    private JsonObject given() {
        JsonObjectBuilder given = Json.createObjectBuilder().add("type", type == null ? "none" : type);
        switch (type == null ? "none" : type) {
            case "basic" -> given.add("username", orNull(username)).add("password", orNull(password));
            case "bearer-oauth2" -> {
                given.add("tokenUrl", orNull(tokenUrl)).add("clientId", orNull(clientId)).add("clientSecret", orNull(clientSecret));
                if (scope != null && !scope.isBlank()) {
                    given.add("scope", scope.strip());
                }
            }
            case "headers" -> {
                JsonObjectBuilder values = Json.createObjectBuilder();
                for (String line : (headers == null ? "" : headers).split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    String name = (colon < 0 ? line : line.substring(0, colon)).strip();
                    String value = colon < 0 ? "" : line.substring(colon + 1).strip();
                    values.add(name, orNull(value)); // a name alone keeps the stored value
                }
                given.add("headers", values);
            }
            case "mtls" -> given.add("certificate", orNull(certificate)).add("privateKey", orNull(privateKey));
            default -> {
                // none: nothing more
            }
        }
        return given.build();
    }

    /** Left empty: absent (a credential then keeps the stored one; a required setting is named as missing). */
    private static JsonValue orNull(String text) {
        return text == null || text.isBlank() ? JsonValue.NULL : Json.createValue(text.strip());
    }

    private static String headerNames(EndpointAuthentication authentication) {
        return authentication instanceof EndpointAuthentication.Headers stored ? String.join("\n", stored.headers().keySet()) : null;
    }

    private void follow(Webhook shown) {
        String id = shown == null ? null : shown.id();
        if (!Objects.equals(id, shownId)) {
            shownId = id;
            saved = null;
            EndpointAuthentication stored = shown == null ? EndpointAuthentication.NONE : shown.authentication();
            type = stored.type();
            username = stored instanceof EndpointAuthentication.Basic basic ? basic.username() : null;
            password = null;
            tokenUrl = stored instanceof EndpointAuthentication.OAuth2 oauth2 ? oauth2.tokenUrl().toString() : null;
            clientId = stored instanceof EndpointAuthentication.OAuth2 oauth2 ? oauth2.clientId() : null;
            scope = stored instanceof EndpointAuthentication.OAuth2 oauth2 ? oauth2.scope() : null;
            clientSecret = null;
            headers = headerNames(stored);
            certificate = stored instanceof EndpointAuthentication.Mtls mtls ? mtls.certificate() : null;
            privateKey = null;
        }
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getHeaders() {
        return headers;
    }

    public void setHeaders(String headers) {
        this.headers = headers;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }
}
