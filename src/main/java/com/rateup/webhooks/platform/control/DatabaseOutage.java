package com.rateup.webhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Tells a failure of our own database apart from every other failure, and keeps the log to one line
 * when an outage begins and one when it ends (instead of a stack trace per request, sweep and
 * attempt). A request that meets an outage answers 503 with {@code Retry-After}; the sweep and the
 * dispatcher leave their work in the database for when it answers again.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** How long callers are asked to wait before they try again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    /** SQLSTATE class 08: connection exception (SQL standard, PostgreSQL, H2). */
    private static final String CONNECTION_EXCEPTION = "08";
    /**
     * PostgreSQL's operator intervention while it stops or starts: admin shutdown (57P01, "terminating
     * connection due to administrator command"), crash shutdown (57P02), cannot connect now (57P03).
     * Not the whole class 57: 57014 is a cancelled query.
     */
    private static final Set<String> SERVER_STOPPING = Set.of("57P01", "57P02", "57P03");
    /**
     * H2's own codes for a store it cannot use: read-only (90097), closed (90098), file I/O failed
     * (90028, 90031), file corrupted (90030), the database in use by another process (90020).
     */
    private static final Set<String> H2_STORAGE = Set.of("90097", "90098", "90028", "90031", "90030", "90020");
    /** The application servers' pool exceptions when no connection can be had; they carry no SQLSTATE. */
    private static final Set<String> POOL_EXHAUSTED = Set.of(
            "com.sun.appserv.connectors.internal.api.PoolingException",
            "jakarta.resource.spi.ResourceAllocationException",
            "jakarta.resource.ResourceException");

    /**
     * The transaction manager could not complete a commit with the database (Payara reports a connection
     * the database ended during COMMIT as {@code XAER_RMERR}); the only resource of our transactions is
     * the database. Whether that commit took effect is unknown: see the intake's 503.
     */
    private static final Set<Integer> FAILED_COMMIT = Set.of(XAException.XAER_RMERR, XAException.XAER_RMFAIL);
    /** What the JDK's file channels say when the disk is full (H2 reports it wrapped in a general error). */
    private static final String NO_SPACE = "No space left on device";

    private volatile Instant since;

    /** The reason, when {@code failure} or one of its causes says the database cannot be reached or used. */
    public static Optional<String> reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || SERVER_STOPPING.contains(sql.getSQLState())
                                    || H2_STORAGE.contains(sql.getSQLState()))
                    || POOL_EXHAUSTED.contains(cause.getClass().getName())
                    || cause instanceof XAException xa && FAILED_COMMIT.contains(xa.errorCode)
                    || cause instanceof IOException io && io.getMessage() != null && io.getMessage().contains(NO_SPACE)) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is an outage; the first of an outage is logged, with its reason. */
    public boolean noticed(Throwable failure) {
        Optional<String> reason = reasonOf(failure);
        if (reason.isPresent() && since == null) {
            since = Instant.now();
            LOG.warning(() -> "database unavailable (" + reason.get() + "): requests answer 503, deliveries wait until it answers again");
        }
        return reason.isPresent();
    }

    /** Called after work that needed the database succeeded: ends an outage, if one was noticed. */
    public void answered() {
        Instant began = since;
        if (began != null) {
            since = null;
            LOG.info(() -> "database answers again after " + Duration.between(began, Instant.now()).toSeconds() + " s");
        }
    }

    /** Since when the database has been unavailable, as far as this instance noticed. */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }
}
