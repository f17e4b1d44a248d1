package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.webhooks.boundary.EndpointUrl;
import com.rateup.webhooks.webhooks.entity.Webhook;
import java.io.Serializable;
import java.net.URI;

/**
 * What every webhook form edits first — the endpoint's URL and its switch — for the survey's Settings
 * tab, the team's Webhooks page and Alerts alike ({@code WEB-INF/webhook/endpoint.xhtml} renders it).
 * The URL is checked with the REST API's constraint ({@link EndpointUrl}), so a page and the API refuse
 * the same URLs with the same words.
 */
public class EndpointFields implements Serializable {

    private static final long serialVersionUID = 1L;

    @EndpointUrl
    private String url;
    private boolean enabled = true;
    private boolean shown;

    /** The webhook's values, once per view: after that the fields hold what the user typed. */
    public void showOnce(Webhook webhook) {
        if (!shown && webhook != null) {
            show(webhook);
        }
    }

    public void show(Webhook webhook) {
        url = webhook.url().toString();
        enabled = webhook.enabled();
        shown = true;
    }

    /** Empty fields for a new webhook. */
    public void clear() {
        url = null;
        enabled = true;
        shown = true;
    }

    /** The URL as saved; the constraint has checked it before any action runs. */
    public URI parsedUrl() {
        return EndpointUrl.Validator.parse(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? null : url.strip();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
