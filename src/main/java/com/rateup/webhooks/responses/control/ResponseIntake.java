package com.rateup.webhooks.responses.control;

import com.rateup.webhooks.platform.control.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where checked responses go to be stored: a {@link GroupCommit} lane of its own, so submissions
 * that arrive together share one commit, and no delivery bookkeeping ever waits in front of them.
 * The component's settings are read here.
 */
@ApplicationScoped
public class ResponseIntake {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ResponseStore store;

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "rateup.intake.batch-size", defaultValue = "64")
    int batchSize;

    @Inject
    @ConfigProperty(name = "rateup.intake.committers", defaultValue = "2")
    int committers;

    @Inject
    @ConfigProperty(name = "rateup.intake.queue-capacity", defaultValue = "4096")
    int queueCapacity;

    private GroupCommit<CheckedResponse, String> lane;

    @PostConstruct
    void start() {
        lane = new GroupCommit<>("intake", store::storeAll, new GroupCommit.Settings(batchSize, committers, queueCapacity), threads, registry);
    }

    /** Completes with the stored response's id once committed with its deliveries; {@link GroupCommit.Refused} when not taken. */
    public CompletionStage<String> store(CheckedResponse response) {
        return lane.submit(response);
    }

    @PreDestroy
    void stop() {
        lane.stop(Duration.ofSeconds(10));
    }
}
