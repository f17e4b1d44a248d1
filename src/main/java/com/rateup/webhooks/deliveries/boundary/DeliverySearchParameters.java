package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.outbox.control.DeliveryFilter;
import com.rateup.webhooks.outbox.control.DeliveryLog;
import com.rateup.webhooks.outbox.control.LogCursor;
import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.platform.boundary.Problems;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The delivery log's search parameters, validated together (each wrong one named in the 400), and the
 * answer: the page as a JSON array, the next page's address in {@code Link: <…>; rel="next"}.
 */
public class DeliverySearchParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    // checked here, not with @Min/@Max: those on a query parameter crash Payara's OpenAPI generator (6.2025.10)
    @QueryParam("status")
    String status;

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    @QueryParam("responseId")
    String responseId;

    @QueryParam("statusCode")
    String statusCode;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    @Context
    UriInfo uri;

    Response search(DeliveryLog log, LogOf of) {
        List<String> problems = new ArrayList<>();
        DeliveryFilter filter = filter(problems);
        int max = parsed("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        LogCursor after = cursor == null ? null : LogCursor.parse(cursor).orElse(null);
        if (cursor != null && after == null) {
            problems.add("cursor: not a cursor this log gave; use the Link header of the previous page");
        }
        if (!problems.isEmpty()) {
            throw Problems.badRequest("validation failed", problems);
        }
        DeliveryLog.Found found = log.search(of, filter, after, max);
        Response.ResponseBuilder answer = Response.ok(found.deliveries().stream().map(DeliveryView::summary).toList());
        found.next().ifPresent(next -> answer.links(Link.fromUriBuilder(uri.getRequestUriBuilder()
                .replaceQueryParam("cursor", next.encoded())).rel("next").build()));
        return answer.build();
    }

    /** The filter the parameters give; a wrong one is added to {@code problems}. */
    DeliveryFilter filter(List<String> problems) {
        DeliveryStatus wanted = status(status, problems);
        Instant from = instant("since", since, problems);
        Instant to = instant("until", until, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("until: must be after since");
        }
        Integer code = statusCode == null ? null : parsed("statusCode", statusCode, 0, 100, 599, problems);
        return new DeliveryFilter(wanted, from, to, responseId == null || responseId.isBlank() ? null : responseId, code);
    }

    static DeliveryStatus status(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        for (DeliveryStatus known : DeliveryStatus.values()) {
            if (known.name().equals(value)) {
                return known;
            }
        }
        problems.add("status: must be one of " + Arrays.toString(DeliveryStatus.values()));
        return null;
    }

    /** The ISO-8601 instant given as {@code name}, null when absent; a malformed one is added to {@code problems}. */
    static Instant instant(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(name + ": must be an ISO-8601 instant such as 2026-11-30T10:00:00Z");
            return null;
        }
    }

    private static int parsed(String name, String value, int absent, int min, int max, List<String> problems) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(name + ": must be a whole number from " + min + " to " + max);
        return absent;
    }
}
