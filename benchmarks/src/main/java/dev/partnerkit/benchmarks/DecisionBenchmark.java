package dev.partnerkit.benchmarks;

import dev.partnerkit.domain.Decision;
import dev.partnerkit.policy.AccessDecider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload W1 (see {@link Workload}): the bare indexed lookup (the floor), {@code AccessDecider.decide} and jCasbin on
 * the same requests, mixed (about a quarter allowed), allowed only and blocked only. One request per operation, taken
 * in turn; every benchmark returns its answer so nothing is optimised away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class DecisionBenchmark {
  private Workload w;
  private Floor floor;
  private final AccessDecider decider = AccessDecider.create();
  private int[] allowed;
  private int[] blocked;
  private int mixedAt;
  private int allowedAt;
  private int blockedAt;

  /** jCasbin's enforcer, built only for its benchmark; it first proves it answers every request as decide does. */
  @State(Scope.Benchmark)
  public static class Casbin {
    CasbinModel model;

    @Setup
    public void setUp(DecisionBenchmark w1) {
      model = new CasbinModel(w1.w);
      w1.w.check(w1.floor, model);
    }
  }

  @Setup
  public void setUp() {
    w = Workload.w1();
    floor = new Floor(w);
    boolean[] answers = w.check(floor, null);
    allowed = Workload.subset(answers, true);
    blocked = Workload.subset(answers, false);
    System.out.printf("%nW1: %d partners x %d grants, %d events, %d requests, %.1f %% allowed%n", w.partners,
        w.grantsPerPartner, w.occasions * Workload.EVENTS_PER_OCCASION, w.requests.length,
        100.0 * allowed.length / answers.length);
  }

  private int mixed() {
    int i = mixedAt;
    mixedAt = i + 1 == w.requests.length ? 0 : i + 1;
    return i;
  }

  private int allowed() {
    int i = allowedAt;
    allowedAt = i + 1 == allowed.length ? 0 : i + 1;
    return allowed[i];
  }

  private int blocked() {
    int i = blockedAt;
    blockedAt = i + 1 == blocked.length ? 0 : i + 1;
    return blocked[i];
  }

  private Decision decide(int i) {
    return decider.decide(w.requests[i], w.factsByRequest[i], Workload.NOW);
  }

  @Benchmark
  public boolean floorMixed() {
    return floor.allows(mixed());
  }

  @Benchmark
  public boolean floorAllowed() {
    return floor.allows(allowed());
  }

  @Benchmark
  public boolean floorBlocked() {
    return floor.allows(blocked());
  }

  @Benchmark
  public Decision decideMixed() {
    return decide(mixed());
  }

  @Benchmark
  public Decision decideAllowed() {
    return decide(allowed());
  }

  @Benchmark
  public Decision decideBlocked() {
    return decide(blocked());
  }

  /** A decision whose words are read as well (a host showing the calm-friction text renders them). */
  @Benchmark
  public String decideMixedExplained() {
    Decision d = decide(mixed());
    return d.explanation() + d.nextSafeAction() + d.proofNeeded();
  }

  @Benchmark
  public boolean casbinMixed(Casbin casbin) {
    return casbin.model.allows(mixed());
  }
}
