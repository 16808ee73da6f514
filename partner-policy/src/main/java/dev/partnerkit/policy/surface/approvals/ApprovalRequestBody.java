package dev.partnerkit.policy.surface.approvals;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.internal.Checks;
import dev.partnerkit.policy.surface.ArtifactTarget;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The body of an approval request record: what is asked, on which exact version (kept as asked, never changed), the
 * requirements to confirm, the due time, and — for a host's proposal artifact version, whose newer versions only the
 * host knows — the newer versions the host reported. The partner asked, the occasion and event live in the kernel
 * record's placement; the decisions are records of their own, placed under the request.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalRequestBody.class)
@JsonDeserialize(as = ImmutableApprovalRequestBody.class)
public abstract class ApprovalRequestBody {
  /** Most requirements on one request. */
  public static final int MAX_REQUIREMENTS = 20;
  /** Most newer versions a host reports on one request. */
  public static final int MAX_REPORTED_VERSIONS = 100;

  /** @return a short title, e.g. "Approve the reception floor plan" */
  public abstract String title();

  /**
   * @return the exact version approval was asked for; empty only in a create the rules refuse
   *     ({@code exact_artifact_version_required}), never in a stored request
   */
  public abstract Optional<ArtifactTarget> target();

  /** @return what the operator says to the approver */
  public abstract Optional<String> message();

  /** @return what the approver is asked to confirm */
  public abstract List<ApprovalRequirement> requirements();

  /** @return when a decision is due, kept to microseconds */
  public abstract Optional<Instant> dueAt();

  /** @return newer versions of a host's proposal artifact target, as the host reported them, by number */
  public abstract List<ArtifactTarget> reportedVersions();

  @Value.Check
  protected ApprovalRequestBody check() {
    Checks.text("title", title(), Checks.MAX_NAME_LENGTH);
    message().ifPresent(m -> Checks.text("message", m, Checks.MAX_TEXT_LENGTH));
    Checks.maxSize("requirements", requirements(), MAX_REQUIREMENTS);
    Set<String> keys = new HashSet<>();
    for (ApprovalRequirement r : requirements()) {
      Checks.check(keys.add(r.key()), "requirements", "requirements must have distinct keys, but " + r.key()
          + " is listed twice");
    }
    Checks.maxSize("reportedVersions", reportedVersions(), MAX_REPORTED_VERSIONS);
    int last = target().map(ArtifactTarget::versionNumber).orElse(0);
    for (ArtifactTarget v : reportedVersions()) {
      Checks.check(target().isPresent() && target().get().hostVersion() && v.hostVersion()
          && v.artifact().equals(target().get().artifact()), "reportedVersions",
          "reportedVersions are newer proposal artifact versions of the target's own artifact, but " + v.version()
              + " is not");
      Checks.check(v.versionNumber() > last, "reportedVersions", "reportedVersions must be newer than the target and"
          + " each other, in order, but version " + v.versionNumber() + " follows version " + last);
      last = v.versionNumber();
    }
    if (dueAt().isPresent() && Checks.finerThanMicros(dueAt().get())) {
      return ImmutableApprovalRequestBody.copyOf(this).withDueAt(dueAt().get().truncatedTo(ChronoUnit.MICROS));
    }
    return this;
  }

  /** @return a new builder */
  public static ImmutableApprovalRequestBody.Builder builder() {
    return ImmutableApprovalRequestBody.builder();
  }
}
