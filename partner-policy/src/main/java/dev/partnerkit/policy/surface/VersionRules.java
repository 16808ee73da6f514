package dev.partnerkit.policy.surface;

import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.RecordRule;
import dev.partnerkit.domain.internal.Checks;
import java.util.Optional;

/**
 * The record rules and placement checks the approvals, annotations and run-of-show record types share: a record
 * about an artifact version sits exactly on one (its placement resource is the version), and records that must stay
 * as recorded are never revised.
 */
public final class VersionRules {
  /**
   * A new record must attach to an exact artifact version: its placement names the version as its single resource.
   * A target that is no exact version (a document, a run of show, a proposal artifact version without its number)
   * leaves the resource empty, and the create is refused with {@code exact_artifact_version_required}.
   */
  public static final RecordRule EXACT_VERSION = request -> request.intent() == IntentKind.CREATE
      && request.resourceId().isEmpty() ? ReasonCode.EXACT_ARTIFACT_VERSION_REQUIRED : null;

  /**
   * The record never changes once recorded: revising it, or making or removing links after it was created (its pins
   * and evidence are made with it), is refused with {@code record_immutable}.
   */
  public static final RecordRule IMMUTABLE = request -> request.intent() == IntentKind.REVISE
      || request.intent() == IntentKind.LINK || request.intent() == IntentKind.UNLINK
      ? ReasonCode.RECORD_IMMUTABLE : null;

  private VersionRules() {}

  /**
   * Checks that a record about {@code target} sits on it: the resource is the version's id exactly when a target is
   * named, and, when {@code underVersion}, the parent is the version itself (otherwise any parent).
   *
   * @throws dev.partnerkit.domain.InvalidValueException when they disagree
   */
  public static void checkOn(Placement placement, Optional<ArtifactTarget> target, boolean underVersion) {
    Checks.check(placement.resourceId().equals(target.map(ArtifactTarget::resource)), "placement.resourceId",
        "placement.resourceId must be the id of the exact version the body names ("
            + target.map(t -> t.version().id()).orElse("none") + "), but was "
            + placement.resourceId().map(Object::toString).orElse("none"));
    Checks.check(placement.parent().isPresent(), "placement.parent", "placement.parent is required, but was empty");
    if (underVersion && target.isPresent()) {
      Checks.check(placement.parent().get().equals(target.get().version()), "placement.parent",
          "placement.parent must be the version " + target.get().version() + ", but was " + placement.parent().get());
    }
  }
}
