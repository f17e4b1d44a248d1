package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.webhooks.entity.PayloadFilter;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The {@code filter} of every webhook's JSON (#31), the same on the survey path, the team path and
 * {@code …/alerts}: absent keeps the webhook's, {@code null} (or {@code {}}) receives everything, an
 * object is checked whole ({@link PayloadFilter}) and refused with 400 naming the path of what is wrong.
 */
final class FilterField {

    static final String DESCRIPTION = "Only payloads that match this MongoDB-style filter are sent (as they would be sent): field equality,"
            + " $eq $ne $gt $gte $lt $lte $in $nin $exists $not $elemMatch, $and $or $nor; at most 4 KiB and 8 levels."
            + " null receives everything; absent keeps the webhook's filter";

    private FilterField() {
    }

    /** Null when absent: the webhook keeps its filter. */
    static Optional<PayloadFilter> parse(JsonValue filter) {
        if (filter == null) {
            return null;
        }
        if (filter == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(filter instanceof JsonObject object)) {
            throw Problems.badRequest("validation failed", "filter expects an object or null");
        }
        try {
            return PayloadFilter.of(object);
        } catch (PayloadFilter.Invalid e) {
            throw Problems.badRequest("validation failed", e.getMessage());
        }
    }

    static JsonValue of(Webhook webhook) {
        return webhook.filter().<JsonValue>map(PayloadFilter::json).orElse(JsonValue.NULL);
    }
}
