package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryJobs;
import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * Recovery in bulk: "Redeliver all failed since …" beside a delivery log ({@link ShownLog}), the backfill
 * offer on a survey's Settings tab right after a URL is first saved, each with a confirmation that says
 * how many, and the webhook's latest job with its progress (the page follows a running one).
 */
@Named("recovery")
@ViewScoped
public class RecoveryPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SurveyPage page;

    @Inject
    ShownLog shown;

    @Inject
    DeliveryJobs jobs;

    private String failedSince;
    private String backfillSince;
    private boolean confirmingRedelivery;
    private boolean backfillOffered;
    private boolean confirmingBackfill;
    private long count;
    private transient DeliveryJob job;
    private transient Long pending;
    private transient Boolean available;

    /** Whether the survey has a webhook to recover deliveries for. */
    public boolean isAvailable() {
        if (available == null) {
            available = shown.webhook().isPresent();
        }
        return available;
    }

    /** The survey's latest recovery job, running or ended; null if it never had one. */
    public DeliveryJob getJob() {
        if (job == null) {
            job = shown.webhook().flatMap(jobs::latestOf).orElse(null);
        }
        return job;
    }

    /** How many of the job's deliveries ended their new round. */
    public int getDone() {
        if (getJob() == null) {
            return 0;
        }
        if (pending == null) {
            pending = jobs.pendingOf(job);
        }
        return job.done(pending);
    }

    public void askToRedeliver() {
        Instant since = required("recover:since", failedSince);
        Optional<Webhook> webhook = shown.webhook();
        if (since == null || webhook.isEmpty()) {
            return;
        }
        count = jobs.redeliverable(webhook.get(), DeliveryStatus.FAILED, since);
        if (count == 0) {
            PageMessages.info("recovery.nothingFailed", PageMessages.time(since));
        }
        confirmingRedelivery = count > 0;
    }

    public void redeliver() {
        confirmingRedelivery = false;
        Instant since = PageTimes.parse("since", failedSince);
        shown.webhook().ifPresent(webhook -> start(() -> jobs.redeliver(webhook, DeliveryStatus.FAILED, since, null),
                "recovery.redelivering"));
    }

    /** After a URL was first saved: offers the survey's past responses, since it was created. */
    void offerBackfill() {
        backfillSince = PageTimes.field(page.getSurvey().createdAt());
        backfillOffered = true;
    }

    /** How many past responses the webhook was never sent, since the offer's time. */
    public long getUnsent() {
        Instant since = PageTimes.parse("since", backfillSince);
        return since == null ? 0 : shown.webhook().map(webhook -> jobs.unsentSince(webhook, since)).orElse(0L);
    }

    public void askToBackfill() {
        Instant since = required("backfill:since", backfillSince);
        if (since == null) {
            return;
        }
        count = getUnsent();
        confirmingBackfill = count > 0;
        if (count == 0) {
            PageMessages.info("recovery.nothingToBackfill", PageMessages.time(since));
        }
    }

    public void backfill() {
        confirmingBackfill = false;
        backfillOffered = false;
        Instant since = PageTimes.parse("since", backfillSince);
        shown.webhook().ifPresent(webhook -> start(() -> jobs.backfill(webhook, since), "recovery.backfilling"));
    }

    public void declineBackfill() {
        confirmingBackfill = false;
        backfillOffered = false;
    }

    public void cancelConfirmation() {
        confirmingRedelivery = false;
        confirmingBackfill = false;
    }

    public void cancelJob() {
        if (getJob() != null && shown.webhook().filter(webhook -> jobs.cancel(webhook, job.id())).isPresent()) {
            PageMessages.info("recovery.cancelled");
        }
        job = null;
        pending = null;
    }

    private void start(java.util.function.Supplier<DeliveryJob> start, String message) {
        try {
            DeliveryJob started = start.get();
            PageMessages.info(message, started.total());
        } catch (DeliveryJobs.AlreadyRunning e) {
            PageMessages.error(null, "recovery.alreadyRunning");
        }
        job = null;
        pending = null;
    }

    private static Instant required(String field, String value) {
        if (value == null || value.isBlank()) {
            PageMessages.error(field, "recovery.sinceRequired");
            return null;
        }
        return PageTimes.parse("since", value);
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }

    public String getFailedSince() {
        return failedSince;
    }

    public void setFailedSince(String failedSince) {
        this.failedSince = failedSince;
    }

    public String getBackfillSince() {
        return backfillSince;
    }

    public void setBackfillSince(String backfillSince) {
        this.backfillSince = backfillSince;
    }

    public boolean isConfirmingRedelivery() {
        return confirmingRedelivery;
    }

    public boolean isBackfillOffered() {
        return backfillOffered;
    }

    public boolean isConfirmingBackfill() {
        return confirmingBackfill;
    }

    public long getCount() {
        return count;
    }
}
