package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.outbox.control.DeliveryFilter;
import com.rateup.webhooks.outbox.control.DeliveryLog;
import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.outbox.control.PayloadWriter;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.DeliveryAttempt;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.platform.boundary.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery log ({@link ShownLog}: a survey's Deliveries tab, or one webhook's page): newest first, a page at a time, filtered by status, time, response and answer, one delivery in
 * detail, and Redeliver. The rows shown are kept with the view, so a button in a row acts on the
 * delivery it was shown next to even when newer deliveries arrived meanwhile.
 */
@Named("deliveryLog")
@ViewScoped
public class DeliveryLogPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    @Inject
    ShownLog shown;

    @Inject
    DeliveryLog log;

    private DeliveryStatus status;
    private String since;
    private String until;
    private String responseId;
    private String statusCode;
    private int page = 1;
    private String selectedId;
    private long total;
    private List<Row> rows;
    private transient Delivery selected;

    public List<Row> getRows() {
        LogOf of = logOf();
        if (rows == null && of != null) {
            DeliveryFilter filter = filter();
            total = log.count(of, filter);
            page = Math.max(1, Math.min(page, getPageCount()));
            rows = log.page(of, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(Row::of).toList();
        }
        return rows == null ? List.of() : rows;
    }

    /** The filter the URL gives; a value that is not one is shown as an error and does not filter. */
    DeliveryFilter filter() {
        Instant from = PageTimes.parse("since", since);
        Instant to = PageTimes.parse("until", until);
        Integer code = null;
        if (statusCode != null && !statusCode.isBlank()) {
            try {
                code = Integer.valueOf(statusCode.strip());
            } catch (NumberFormatException e) {
                PageMessages.error(null, "deliveries.filter.badStatusCode", statusCode);
            }
        }
        return new DeliveryFilter(status, from, to, responseId == null || responseId.isBlank() ? null : responseId.strip(), code);
    }

    /** The log's address with the current filter, on another page or with a delivery opened. */
    public String link(int toPage, String delivery) {
        StringBuilder url = new StringBuilder(shown.address());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", getStatus());
        parameters.put("since", since);
        parameters.put("until", until);
        parameters.put("responseId", responseId);
        parameters.put("statusCode", statusCode);
        parameters.put("page", toPage > 1 ? String.valueOf(toPage) : null);
        parameters.put("delivery", delivery);
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                url.append('&').append(name).append('=').append(encode(value));
            }
        });
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public void redeliver(String deliveryId) {
        LogOf of = logOf();
        if (of == null) {
            return;
        }
        log.redeliver(of, deliveryId).ifPresentOrElse(redelivery -> {
            if (redelivery.started()) {
                PageMessages.info("deliveries.redelivered", deliveryId);
            } else {
                PageMessages.error(null, "deliveries.refused", deliveryId, redelivery.refusal());
            }
        }, () -> PageMessages.error(null, "deliveries.gone"));
        rows = null;
        selected = null;
    }

    public Delivery getSelected() {
        if (selected == null && selectedId != null && logOf() != null) {
            selected = log.find(logOf(), selectedId).orElse(null);
        }
        return selected;
    }

    private LogOf logOf() {
        return shown.log().orElse(null);
    }

    /** The payload indented for reading; what was sent is the compact form. */
    public String getPrettyPayload() {
        Delivery delivery = getSelected();
        if (delivery == null) {
            return null;
        }
        if (delivery.payloadRemoved().isPresent()) {
            return "(" + delivery.payloadRemoved().get().explanation() + ")";
        }
        try {
            return PayloadWriter.indented(delivery.payload());
        } catch (JsonException e) {
            return delivery.payload();
        }
    }

    public String getLastExcerpt() {
        Delivery delivery = getSelected();
        return delivery == null ? null : delivery.lastAttempt().map(DeliveryAttempt::responseExcerpt).orElse(null);
    }

    public String getRangeText() {
        getRows();
        long first = total == 0 ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
        return PageMessages.text("deliveries.range", first, first + getRows().size() - 1, total);
    }

    public String getPageText() {
        return PageMessages.text("deliveries.page", page, getPageCount());
    }

    public int getPageCount() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }

    public List<String> getStatuses() {
        return Arrays.stream(DeliveryStatus.values()).map(Enum::name).toList();
    }

    public String getStatus() {
        return status == null ? null : status.name();
    }

    /** Unknown values mean no filter. */
    public void setStatus(String status) {
        this.status = Arrays.stream(DeliveryStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getResponseId() {
        return responseId;
    }

    public void setResponseId(String responseId) {
        this.responseId = responseId;
    }

    public String getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(String statusCode) {
        this.statusCode = statusCode;
    }

    public int getPage() {
        return page;
    }

    public String getPageParam() {
        return String.valueOf(page);
    }

    /** A page number from the URL; anything else is page 1. */
    public void setPageParam(String page) {
        try {
            this.page = Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            this.page = 1;
        }
    }

    public String getSelectedId() {
        return selectedId;
    }

    public void setSelectedId(String selectedId) {
        this.selectedId = selectedId;
    }

    /** What a row shows; kept with the view. */
    public record Row(String id, Instant createdAt, String status, int attemptCount, String lastOutcome) implements Serializable {

        static Row of(Delivery delivery) {
            String outcome = delivery.lastAttempt()
                    .map(last -> (last.statusCode() != null ? "HTTP " + last.statusCode() : last.error()) + " · " + last.durationMs() + " ms")
                    .orElse("—");
            return new Row(delivery.id(), delivery.createdAt(), delivery.status().name(), delivery.attempts().size(), outcome);
        }
    }
}
