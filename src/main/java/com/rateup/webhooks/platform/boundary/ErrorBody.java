package com.rateup.webhooks.platform.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one error shape of the API: {@code {"error": "...", "details": [...]}}. */
@Schema(name = "ErrorBody", description = "Every error of the API",
        example = "{\"error\":\"validation failed\",\"details\":[\"url: must be an absolute http or https URL\"]}")
public record ErrorBody(String error, List<String> details) {

    public ErrorBody {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
