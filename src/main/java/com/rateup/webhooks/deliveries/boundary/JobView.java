package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import java.time.Instant;

/**
 * A recovery job as the API shows it: {@code count} deliveries it is for, {@code done} of them ended their
 * new round, {@code queued} handed to the delivery path so far.
 */
public record JobView(String id, String kind, String state, int count, int done, int queued, String status, Instant since,
        Instant until, Instant createdAt, Instant endedAt) {

    static JobView of(DeliveryJob job, long pending) {
        return new JobView(job.id(), job.kind().name(), job.state().name(), job.total(), job.done(pending), job.queuedCount(),
                job.statusFilter() == null ? null : job.statusFilter().name(), job.since(), job.until(), job.createdAt(),
                job.endedAt());
    }

    /** The answer to starting a job: its id and how many deliveries it is for. */
    public record Started(String id, int count) {
    }
}
