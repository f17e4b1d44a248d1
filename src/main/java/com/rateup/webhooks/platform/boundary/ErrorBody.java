package com.rateup.webhooks.platform.boundary;

import java.util.List;

/** The one error shape of the API: {@code {"error": "...", "details": [...]}}. */
public record ErrorBody(String error, List<String> details) {

    public ErrorBody {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
