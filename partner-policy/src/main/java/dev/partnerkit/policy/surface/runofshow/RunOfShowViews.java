package dev.partnerkit.policy.surface.runofshow;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Placement;
import dev.partnerkit.domain.ResourceId;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordQuery;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads and placements the two run-of-show facades share. */
final class RunOfShowViews {
  private RunOfShowViews() {}

  static ReadResult<RunOfShow> shows(ReadResult<TypedRecord<RunOfShowBody, RunOfShowStatus>> read) {
    return read.map(read.items().stream().map(RunOfShow::of).toList());
  }

  static ReadResult<RunOfShowVersion> versions(ReadResult<TypedRecord<RunOfShowVersionBody,
      RunOfShowVersionStatus>> read) {
    return read.map(read.items().stream().map(RunOfShowVersion::of).toList());
  }

  /** The versions of one run of show the reader may see, by number (first 500). */
  static ReadResult<RunOfShowVersion> versionsOf(RecordCommands records, OccasionId occasionId, RunOfShowId id) {
    ReadResult<RunOfShowVersion> read = versions(records.list(RunsOfShow.VERSION,
        RecordQuery.of(RunsOfShow.VERSION.wireName(), occasionId).parent(RunsOfShow.TYPE.ref(id.value()))
            .limit(RecordQuery.MAX_LIMIT).build()));
    List<RunOfShowVersion> sorted = new ArrayList<>(read.items());
    sorted.sort(Comparator.comparingInt(RunOfShowVersion::versionNumber));
    return read.map(sorted);
  }

  /** Where version {@code body} of a run of show sits: as the run of show, under it, on its own id. */
  static Placement versionPlacement(Placement show, RunOfShowId id, RunOfShowVersionBody body) {
    Placement under = Placement.builder().from(show).parent(RunsOfShow.TYPE.ref(id.value())).build();
    return Placement.builder().from(under).resourceId(ResourceId.of(RunsOfShow.versionId(under, body))).build();
  }

  static RunOfShowVersionBody body(RunOfShowProposal proposal, java.time.ZoneId zone) {
    return RunOfShowVersionBody.builder().versionNumber(proposal.basedOn() + 1).zone(zone)
        .items(proposal.items()).summary(proposal.summary()).build();
  }
}
