package dev.partnerkit.policy.surface.blockers;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.policy.surface.Children;
import dev.partnerkit.policy.surface.documents.DocumentVersionId;
import dev.partnerkit.policy.surface.documents.Documents;
import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.RecordLink;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Reads blockers with their assignments, waivers and responses, as the reader may see them. */
final class BlockerViews {
  private BlockerViews() {}

  static ReadResult<BlockerView> one(RecordCommands records, BlockerId id) {
    ReadResult<TypedRecord<ObservationBody, ObservationStatus>> read = records.get(Blockers.OBSERVATION,
        id.value());
    return views(records, read, read.items().isEmpty() ? null : read.items().get(0).placement().occasionId(),
        read.items().isEmpty() ? null : read.items().get(0).ref());
  }

  static ReadResult<BlockerView> page(RecordCommands records,
      ReadResult<TypedRecord<ObservationBody, ObservationStatus>> read, OccasionId occasion) {
    return views(records, read, occasion, null);
  }

  private static ReadResult<BlockerView> views(RecordCommands records,
      ReadResult<TypedRecord<ObservationBody, ObservationStatus>> read, @Nullable OccasionId occasion,
      @Nullable RecordRef only) {
    if (read.items().isEmpty() || occasion == null) {
      return read.map(List.of());
    }
    Map<RecordRef, List<TypedRecord<AssignmentBody, AssignmentStatus>>> assignments =
        Children.byParent(Children.all(records, Blockers.ASSIGNMENT, occasion, only));
    Map<RecordRef, List<TypedRecord<WaiverBody, WaiverStatus>>> waivers =
        Children.byParent(Children.all(records, Blockers.WAIVER, occasion, only));
    Map<RecordRef, List<TypedRecord<ResponseBody, ResponseStatus>>> responses =
        Children.byParent(Children.all(records, Blockers.RESPONSE, occasion, only));
    List<BlockerView> out = new ArrayList<>();
    for (TypedRecord<ObservationBody, ObservationStatus> o : read.items()) {
      ObservationBody body = o.body();
      ImmutableBlockerView.Builder b = ImmutableBlockerView.builder().blockerId(BlockerId.of(o.id()))
          .tenantId(o.tenantId()).occasionId(o.placement().occasionId()).eventId(o.placement().eventId())
          .partnerId(o.placement().partnerId()).jobId(body.jobId()).kind(body.kind())
          .missingProof(body.missingProof()).detail(body.detail()).status(o.status()).version(o.version());
      for (TypedRecord<AssignmentBody, AssignmentStatus> a : assignments.getOrDefault(o.ref(), List.of())) {
        b.addAssignments(new BlockerView.Assignment(a.id(), a.body().assignee(), a.body().dueAt(),
            a.status() == AssignmentStatus.ACTIVE));
      }
      for (TypedRecord<WaiverBody, WaiverStatus> w : waivers.getOrDefault(o.ref(), List.of())) {
        b.addWaivers(new BlockerView.Waiver(w.id(), w.body().reason(), w.body().waivedBy(),
            w.status() == WaiverStatus.ACTIVE));
      }
      List<ResponseView> views = new ArrayList<>();
      for (TypedRecord<ResponseBody, ResponseStatus> r : responses.getOrDefault(o.ref(), List.of())) {
        views.add(response(records, r));
      }
      views.sort(Comparator.comparing(ResponseView::respondedAt).thenComparing(ResponseView::responseId));
      out.add(b.responses(views).build());
    }
    return read.map(out);
  }

  static ResponseView response(RecordCommands records, TypedRecord<ResponseBody, ResponseStatus> r) {
    TreeSet<DocumentVersionId> evidence = new TreeSet<>();
    for (RecordLink link : records.links(Blockers.RESPONSE, r.id(), Optional.of(Blockers.EVIDENCE))) {
      if (link.to().type().equals(Documents.VERSION.wireName())) {
        evidence.add(DocumentVersionId.of(link.to().id()));
      }
    }
    return ImmutableResponseView.builder().responseId(ResponseId.of(r.id()))
        .blockerId(BlockerId.of(r.placement().parent().orElseThrow(() -> new IllegalStateException(
            "response " + r.id() + " has no blocker")).id()))
        .kind(r.body().kind()).message(r.body().message()).status(r.status()).evidence(evidence)
        .respondedBy(r.createdBy()).respondedAt(r.createdAt()).build();
  }
}
