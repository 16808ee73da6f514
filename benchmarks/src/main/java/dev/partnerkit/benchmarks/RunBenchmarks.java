package dev.partnerkit.benchmarks;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the given options (every JMH command-line option works, e.g. {@code -prof gc}, a benchmark regex,
 * {@code -f}, {@code -wi}, {@code -i}) and then prints the ratio tables of {@code BENCHMARKS.md}, each ratio taken
 * between benchmarks of this one run.
 */
public final class RunBenchmarks {
  private RunBenchmarks() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions options = new CommandLineOptions(args);
    if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
        || options.shouldListProfilers() || options.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(report(results));
  }

  /** One measured benchmark: throughput and, with {@code -prof gc}, bytes allocated per operation. */
  record Row(double opsPerSecond, double bytesPerOp) {}

  static String report(Collection<RunResult> results) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      StringBuilder key = new StringBuilder(name);
      for (String p : r.getParams().getParamsKeys()) {
        key.append(' ').append(p).append('=').append(r.getParams().getParam(p));
      }
      double bytes = Double.NaN;
      for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = e.getValue().getScore();
        }
      }
      rows.put(key.toString(), new Row(r.getPrimaryResult().getScore(), bytes));
    }
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | ops/s | B/op |\n|---|---:|---:|\n");
    rows.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(ops(v.opsPerSecond())).append(" | ")
        .append(bytes(v.bytesPerOp())).append(" |\n"));
    out.append("\nRatios (same run):\n\n| target | measured | goal |\n|---|---:|---|\n");
    ratio(out, rows, "decide mixed / floor mixed (throughput)", "DecisionBenchmark.decideMixed",
        "DecisionBenchmark.floorMixed", "≥ 0.25");
    slower(out, rows, "decide allowed: time vs floor allowed", "DecisionBenchmark.decideAllowed",
        "DecisionBenchmark.floorAllowed", "≤ 4×");
    slower(out, rows, "decide blocked: time vs floor blocked", "DecisionBenchmark.decideBlocked",
        "DecisionBenchmark.floorBlocked", "≤ 4×");
    slower(out, rows, "decide mixed + words read: time vs floor mixed", "DecisionBenchmark.decideMixedExplained",
        "DecisionBenchmark.floorMixed", "(no goal)");
    ratio(out, rows, "decide mixed / jCasbin mixed (throughput)", "DecisionBenchmark.decideMixed",
        "DecisionBenchmark.casbinMixed", "≥ 100");
    bytesRow(out, rows, "decide allowed, B/op", "DecisionBenchmark.decideAllowed", "≤ 32");
    bytesRow(out, rows, "decide blocked, B/op", "DecisionBenchmark.decideBlocked", "≤ 256");
    slower(out, rows, "2,000 vs 20 grants per partner: time", "ScalingBenchmark.decideMixed grantsPerPartner=2000",
        "ScalingBenchmark.decideMixed grantsPerPartner=20", "≤ 2×");
    slower(out, rows, "100,000 vs 100 partners: time", "PartnerScalingBenchmark.decideMixed partners=100000",
        "PartnerScalingBenchmark.decideMixed partners=100", "(no goal)");
    for (String db : new String[] {"h2", "postgresql"}) {
      slower(out, rows, db + ": task move vs bare JDBC transaction", "ServicePathBenchmark.partnerkitMove database="
          + db, "ServicePathBenchmark.bareMove database=" + db, "≤ 1.5×");
      slower(out, rows, db + ": task read vs bare read + decision row", "ServicePathBenchmark.partnerkitRead database="
          + db, "ServicePathBenchmark.bareRead database=" + db, "≤ 1.5×");
      slower(out, rows, db + ": task view (read + links) vs bare read", "ServicePathBenchmark.partnerkitTaskView"
          + " database=" + db, "ServicePathBenchmark.bareRead database=" + db, "(no goal)");
    }
    return out.toString();
  }

  private static void ratio(StringBuilder out, Map<String, Row> rows, String label, String a, String b, String goal) {
    Row x = rows.get(a);
    Row y = rows.get(b);
    if (x != null && y != null) {
      out.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, "%.3f", x.opsPerSecond()
          / y.opsPerSecond())).append(" | ").append(goal).append(" |\n");
    }
  }

  /** How many times slower {@code a} is than {@code b} (time per operation). */
  private static void slower(StringBuilder out, Map<String, Row> rows, String label, String a, String b,
      String goal) {
    Row x = rows.get(a);
    Row y = rows.get(b);
    if (x != null && y != null) {
      out.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, "%.2f×", y.opsPerSecond()
          / x.opsPerSecond())).append(" | ").append(goal).append(" |\n");
    }
  }

  private static void bytesRow(StringBuilder out, Map<String, Row> rows, String label, String a, String goal) {
    Row x = rows.get(a);
    if (x != null && !Double.isNaN(x.bytesPerOp())) {
      out.append("| ").append(label).append(" | ").append(bytes(x.bytesPerOp())).append(" | ").append(goal)
          .append(" |\n");
    }
  }

  private static String ops(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String bytes(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
  }
}
