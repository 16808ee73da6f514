package dev.partnerkit.examples;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.policy.workspace.PartnerkitMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bridge from Partnerkit's metrics listener to Micrometer, as a host would write it (Micrometer is a dependency of
 * the examples only, never of the library):
 *
 * <ul>
 *   <li>{@code partnerkit.decisions} counter, tagged {@code reason} (the wire name) and {@code allowed};
 *   <li>{@code partnerkit.commands} timer, tagged {@code command} and {@code outcome};
 *   <li>{@code partnerkit.outbox.backlog} gauge per {@code tenant}, as last counted by the retention purge.
 * </ul>
 *
 * <pre>{@code
 * PartnerWorkspace.builder().storage(storage).clock(clock)
 *     .metrics(new MicrometerPartnerkitMetrics(meterRegistry))
 *     .build();
 * }</pre>
 */
public final class MicrometerPartnerkitMetrics implements PartnerkitMetrics {
  private final MeterRegistry registry;
  private final Map<TenantId, AtomicLong> backlog = new ConcurrentHashMap<>();

  /** @param registry the host's registry */
  public MicrometerPartnerkitMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void decided(Decision decision) {
    Counter.builder("partnerkit.decisions").description("Access decisions written to the decision log")
        .tags("reason", decision.reason().wireName(), "allowed", String.valueOf(decision.allowed()))
        .register(registry).increment();
  }

  @Override
  public void commandCompleted(String command, CommandOutcome outcome, Duration latency) {
    Timer.builder("partnerkit.commands").description("Workspace commands, by outcome")
        .tags("command", command, "outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry).record(latency);
  }

  @Override
  public void outboxBacklog(TenantId tenantId, long pending) {
    backlog.computeIfAbsent(tenantId, t -> registry.gauge("partnerkit.outbox.backlog",
        Tags.of("tenant", t.value()), new AtomicLong())).set(pending);
  }
}
