package dev.partnerkit.policy.surface;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.internal.Checks;
import org.immutables.value.Value;

/**
 * One exact artifact version, resolved by the library: the version (a kernel record whose body is an
 * {@link ArtifactVersion}, such as a {@code document_version} or {@code run_of_show_version}, or a host's
 * {@code proposal_artifact_version}), the artifact it is a version of, and its number. Approvals and annotations keep
 * it as they were made: it never changes. The version's id is the single resource a grant can be narrowed to.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableArtifactTarget.class)
@JsonDeserialize(as = ImmutableArtifactTarget.class)
public abstract class ArtifactTarget {
  /** @return the exact version */
  public abstract RecordRef version();

  /** @return the artifact it is a version of (a document, a run of show, a proposal artifact) */
  public abstract RecordRef artifact();

  /** @return the version's number within its artifact, from 1 */
  public abstract int versionNumber();

  /** @return the single resource records on this version are placed at: the version's id */
  public ResourceId resource() {
    return ResourceId.of(version().id());
  }

  /** @return whether this version is a host entity (a proposal artifact version) rather than a kernel record */
  public boolean hostVersion() {
    return ArtifactPin.PROPOSAL_ARTIFACT_VERSION.equals(version().type());
  }

  /** @return "version 2 of partner document doc-1" */
  public String describe() {
    return "version " + versionNumber() + " of " + artifact().type().replace('_', ' ') + " " + artifact().id();
  }

  @Value.Check
  protected void check() {
    Checks.check(versionNumber() >= 1, "versionNumber", "versionNumber must be 1 or more, but was "
        + versionNumber());
    Checks.check(!version().equals(artifact()), "artifact", "artifact must not be the version itself, but was "
        + artifact());
  }

  /** @return the target */
  public static ArtifactTarget of(RecordRef version, RecordRef artifact, int versionNumber) {
    return ImmutableArtifactTarget.builder().version(version).artifact(artifact).versionNumber(versionNumber).build();
  }
}
