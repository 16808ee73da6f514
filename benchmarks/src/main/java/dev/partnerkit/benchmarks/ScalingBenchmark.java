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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W1's shape with more grants per partner (100 partners, 2,000 events, 100,000 mixed requests): does a decision
 * scan the partner's grants, or look up the few that can matter?
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ScalingBenchmark {
  @Param({"1", "20", "200", "2000"})
  public int grantsPerPartner;

  private Workload w;
  private Floor floor;
  private final AccessDecider decider = AccessDecider.create();
  private int at;

  @Setup
  public void setUp() {
    w = new Workload(100, grantsPerPartner, 2_000, 100_000);
    floor = new Floor(w);
    w.check(floor, null);
  }

  private int next() {
    int i = at;
    at = i + 1 == w.requests.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public Decision decideMixed() {
    int i = next();
    return decider.decide(w.requests[i], w.factsByRequest[i], Workload.NOW);
  }

  @Benchmark
  public boolean floorMixed() {
    return floor.allows(next());
  }
}
