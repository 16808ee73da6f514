package dev.partnerkit.policy.surface;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a host names as the target of an approval or an annotation, before the library resolves it into an exact
 * {@link ArtifactTarget}: a kernel version record ({@code ArtifactPin.of(RecordRef.of("document_version", id))}:
 * its artifact and number are read from the record), or a host's proposal artifact version with its artifact and number
 * ({@link #hostVersion}). Anything else — a document rather than one of its versions, a run of show, a proposal
 * artifact version without its number — is not an exact version, and the command naming it is refused with
 * {@code exact_artifact_version_required}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableArtifactPin.class)
@JsonDeserialize(as = ImmutableArtifactPin.class)
public abstract class ArtifactPin {
  /** The host entity kind of a proposal artifact version. */
  public static final String PROPOSAL_ARTIFACT_VERSION = "proposal_artifact_version";

  /** @return what is named: a version record, a host proposal artifact version, or something that is neither */
  public abstract RecordRef ref();

  /** @return for a host proposal artifact version, the artifact it is a version of */
  public abstract Optional<RecordRef> artifact();

  /** @return for a host proposal artifact version, its number, from 1 */
  public abstract Optional<Integer> versionNumber();

  @Value.Check
  protected void check() {
    versionNumber().ifPresent(n -> Checks.check(n >= 1, "versionNumber", "versionNumber must be 1 or more, but was "
        + n));
    Checks.check(artifact().isEmpty() && versionNumber().isEmpty() || PROPOSAL_ARTIFACT_VERSION.equals(ref().type()),
        "versionNumber", "artifact and versionNumber are given only for a " + PROPOSAL_ARTIFACT_VERSION
            + "; a kernel version's own record says them, but ref was " + ref());
  }

  /** @return a pin naming {@code ref}: a kernel version record, or anything the library should refuse */
  public static ArtifactPin of(RecordRef ref) {
    return ImmutableArtifactPin.builder().ref(ref).build();
  }

  /**
   * @param version the host's proposal artifact version id
   * @param artifact the proposal artifact it is a version of
   * @param versionNumber its number, from 1
   * @return a pin on a host proposal artifact version
   */
  public static ArtifactPin hostVersion(String version, RecordRef artifact, int versionNumber) {
    return ImmutableArtifactPin.builder().ref(RecordRef.of(PROPOSAL_ARTIFACT_VERSION, version)).artifact(artifact)
        .versionNumber(versionNumber).build();
  }
}
