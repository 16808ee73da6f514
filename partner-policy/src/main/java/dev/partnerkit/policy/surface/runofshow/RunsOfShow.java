package dev.partnerkit.policy.surface.runofshow;

import static dev.partnerkit.domain.ActorKind.INTEGRATION;
import static dev.partnerkit.domain.ActorKind.OPERATOR;
import static dev.partnerkit.domain.ActorKind.PARTNER_MEMBER;
import static dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus.DECLINED;
import static dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus.PROPOSED;
import static dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus.PUBLISHED;
import static dev.partnerkit.policy.surface.runofshow.RunOfShowVersionStatus.WITHDRAWN;

import dev.partnerkit.domain.Lifecycle;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.RecordType;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.internal.Checks;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The run-of-show record types and their lifecycles, as data.
 *
 * <p>{@code run_of_show} (operators create, revise and move it): one partner's timeline for an event, placed at the
 * occasion and event with that partner. Lifecycle: {@code active <-> archived}, operators only.
 *
 * <p>{@code run_of_show_version}: one immutable version, placed exactly like its run of show, under it, with its own
 * id as its single resource. Its id is derived: the run of show's id and {@code -v} and the number, so two proposals
 * of the same number cannot both be stored (the second is a version conflict: reload and propose again).
 *
 * <pre>
 * from      to         partner member  integration  operator
 * proposed  published  -               -            yes   (publish; no schedule assignment is created)
 * proposed  declined   -               -            yes
 * proposed  withdrawn  yes             yes          yes
 * </pre>
 *
 * Rule: a version is never revised ({@code record_immutable}).
 */
public final class RunsOfShow {
  /** The run-of-show lifecycle: operators archive and restore. */
  public static final Lifecycle<RunOfShowStatus> LIFECYCLE = Lifecycle
      .builder(RunOfShowStatus.class, RunOfShowStatus.ACTIVE)
      .allow(RunOfShowStatus.ACTIVE, RunOfShowStatus.ARCHIVED, OPERATOR)
      .allow(RunOfShowStatus.ARCHIVED, RunOfShowStatus.ACTIVE, OPERATOR)
      .build();

  /** The run-of-show version lifecycle. */
  public static final Lifecycle<RunOfShowVersionStatus> VERSION_LIFECYCLE = Lifecycle
      .builder(RunOfShowVersionStatus.class, PROPOSED)
      .allow(PROPOSED, PUBLISHED, OPERATOR)
      .allow(PROPOSED, DECLINED, OPERATOR)
      .allow(PROPOSED, WITHDRAWN, PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .build();

  /** The run-of-show record type, wire name {@code run_of_show}, on the run-of-show surface. */
  public static final RecordType<RunOfShowBody, RunOfShowStatus> TYPE = RecordType
      .builder("run_of_show", Surface.RUN_OF_SHOW, RunOfShowBody.class, LIFECYCLE)
      .noun("run of show")
      .creators(OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .title(RunOfShowBody::title)
      .example(RunOfShowBody.builder().title("Reception: venue timeline").build())
      .build();

  /** The run-of-show version record type, wire name {@code run_of_show_version}, on the run-of-show surface. */
  public static final RecordType<RunOfShowVersionBody, RunOfShowVersionStatus> VERSION = RecordType
      .builder("run_of_show_version", Surface.RUN_OF_SHOW, RunOfShowVersionBody.class, VERSION_LIFECYCLE)
      .noun("run-of-show version")
      .creators(PARTNER_MEMBER, INTEGRATION, OPERATOR)
      .revisers(OPERATOR)
      .linkers(OPERATOR)
      .rule(dev.partnerkit.policy.surface.VersionRules.IMMUTABLE)
      .idFrom(RunsOfShow::versionId)
      .placementCheck((placement, body) -> Checks.check(placement.resourceId().equals(Optional.of(
          ResourceId.of(versionId(placement, body)))), "placement.resourceId",
          "placement.resourceId must be the version's own id " + versionId(placement, body) + ", but was "
              + placement.resourceId().map(Object::toString).orElse("none")))
      .title(RunOfShowVersionBody::title)
      .example(RunOfShowVersionBody.builder().versionNumber(1).zone(ZoneId.of("America/Chicago"))
          .addItems(RunOfShowItem.builder().itemId("linen-delivery").kind(RunOfShowItemKind.DELIVERY)
              .title("Linen delivery at the loading dock").startsAt(LocalDateTime.parse("2026-11-14T09:00"))
              .endsAt(LocalDateTime.parse("2026-11-14T09:30")).location("Loading dock").build())
          .summary("First timeline").build())
      .build();

  private RunsOfShow() {}

  /**
   * @return the id of version {@code body.versionNumber()} of the run of show {@code placement} is under, e.g.
   *     {@code ros-7-v3}
   * @throws dev.partnerkit.domain.InvalidValueException when the placement is under no run of show
   */
  public static String versionId(Placement placement, RunOfShowVersionBody body) {
    String parent = placement.parent().filter(p -> p.type().equals("run_of_show")).orElseThrow(() ->
        new dev.partnerkit.domain.InvalidValueException("placement.parent", "placement.parent must be the run of"
            + " show the version is of, but was " + placement.parent().map(Object::toString).orElse("none")))
        .id();
    return versionId(RunOfShowId.of(parent), body.versionNumber());
  }

  /** @return the id of version {@code number} of {@code runOfShow}, e.g. {@code ros-7-v3} */
  public static String versionId(RunOfShowId runOfShow, int number) {
    return Checks.identifier("id", runOfShow.value() + "-v" + number);
  }
}
