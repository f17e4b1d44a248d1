package com.rateup.webhooks.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.Driver;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Slows the embedded H2 file's growth under load about tenfold (docs/operations.md, Production; not a bound).
 * H2 writes every commit as a new chunk of pages and reuses a chunk's space once none of its pages
 * is live and it is older than the URL's {@code RETENTION_TIME}. Most chunks keep a few live pages (an index page, a row not yet expired),
 * and H2's own compaction, which moves those out, runs on its background writer — which
 * {@code WRITE_DELAY=0} (a commit on disk before the 201) does not start. This does that work on a
 * timer. Only for {@code jdbc:h2:file:}; the H2 classes are the server's own (Payara's, WildFly's
 * module, both 2.2.224), hence {@code provided}.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedStoreCompaction {

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreCompaction.class.getName());

    /** Chunks are rewritten while less than this share of the file is live. */
    static final int TARGET_FILL_RATE = 50;
    /** At most this many bytes rewritten per second of the interval: H2's own background pace is of this order. */
    static final int BYTES_PER_SECOND = 64_000_000;

    @Resource
    TimerService timers;

    @Inject
    PlatformConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean unavailable;

    @PostConstruct
    void schedule() {
        if (config.databaseUrl().startsWith("jdbc:h2:file:")) {
            long every = config.h2CompactionInterval().toMillis();
            timers.createIntervalTimer(every, every, new TimerConfig(null, false));
        }
    }

    @Timeout
    void compact() {
        if (unavailable || !running.compareAndSet(false, true)) {
            return;
        }
        // a session of its own on the database the pool's connections have open (H2 keeps one per file and
        // JVM): the pools hand out wrappers that do not unwrap to H2's connection class
        Properties credentials = new Properties();
        credentials.setProperty("user", config.databaseUser());
        credentials.setProperty("password", config.databasePassword());
        try (JdbcConnection connection = (JdbcConnection) new Driver().connect(config.databaseUrl(), credentials)) {
            compact(((SessionLocal) connection.getSession()).getDatabase().getStore().getMvStore(), config.h2CompactionInterval());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not compact the embedded database file; tries again in " + config.h2CompactionInterval(), e);
        } catch (LinkageError e) {
            unavailable = true;
            LOG.log(Level.WARNING, "the server's H2 is not the one this was built for: the embedded database file is not compacted", e);
        } finally {
            running.set(false);
        }
    }

    /** One pass: rewrites the live pages of the sparsest chunks, at most what {@code interval} allows. */
    static boolean compact(MVStore store, Duration interval) {
        return store.compact(TARGET_FILL_RATE, (int) Math.min(Integer.MAX_VALUE, interval.toMillis() * BYTES_PER_SECOND / 1000));
    }
}
