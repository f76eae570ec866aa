package io.topograph.discovery.definitions;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.daemons.Daemon;
import io.topograph.daemons.DaemonEnrolled;
import io.topograph.daemons.DaemonStore;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Stream;

/**
 * Gives every newly enrolled daemon a default definition, in the enrollment's transaction: its
 * own subnets, weekly (see {@link DefaultSchedule}); the integrated daemon's scans its configured
 * targets instead (the loopback host unless configured otherwise).
 */
@Singleton
public class DefaultDefinitions {

    private final DefinitionService definitions;
    private final DaemonStore daemons;
    private final List<String> integratedTargets;

    public DefaultDefinitions(DefinitionService definitions, DaemonStore daemons,
                              @Value("${topograph.integrated-daemon.targets:127.0.0.1}") String integratedTargets) {
        this.definitions = definitions;
        this.daemons = daemons;
        this.integratedTargets = Stream.of(integratedTargets.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    @EventListener
    @Transactional
    void onEnrolled(DaemonEnrolled event) {
        Daemon daemon = daemons.find(event.organizationId(), event.daemonId()).orElseThrow();
        definitions.createDefault(event.organizationId(), event.networkId(), event.daemonId(), daemon.name(), daemon.integrated(),
                integratedTargets.isEmpty() ? List.of("127.0.0.1") : integratedTargets);
    }
}
