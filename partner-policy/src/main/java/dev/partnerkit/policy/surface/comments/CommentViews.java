package dev.partnerkit.policy.surface.comments;

import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.RecordRef;
import dev.partnerkit.policy.surface.Children;
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

/** Reads threads with their comments, mentions and reactions, as the reader may see them. */
final class CommentViews {
  private CommentViews() {}

  static ReadResult<ThreadView> one(RecordCommands records, ThreadId id) {
    ReadResult<TypedRecord<ThreadBody, ThreadStatus>> read = records.get(Comments.THREAD, id.value());
    return threads(records, read, read.items().isEmpty() ? null : read.items().get(0).placement().occasionId(),
        true);
  }

  static ReadResult<ThreadView> page(RecordCommands records, ReadResult<TypedRecord<ThreadBody, ThreadStatus>> read,
      OccasionId occasion) {
    return threads(records, read, occasion, false);
  }

  private static ReadResult<ThreadView> threads(RecordCommands records,
      ReadResult<TypedRecord<ThreadBody, ThreadStatus>> read, @Nullable OccasionId occasion, boolean single) {
    if (read.items().isEmpty() || occasion == null) {
      return read.map(List.of());
    }
    RecordRef only = single ? read.items().get(0).ref() : null;
    Map<RecordRef, List<TypedRecord<CommentBody, CommentStatus>>> comments =
        Children.byParent(Children.all(records, Comments.COMMENT, occasion, only));
    Map<RecordRef, List<TypedRecord<ReactionBody, ReactionStatus>>> reactions =
        Children.byParent(Children.all(records, Comments.REACTION, occasion, null));
    List<ThreadView> out = new ArrayList<>();
    for (TypedRecord<ThreadBody, ThreadStatus> thread : read.items()) {
      List<CommentView> views = new ArrayList<>();
      for (TypedRecord<CommentBody, CommentStatus> c : comments.getOrDefault(thread.ref(), List.of())) {
        views.add(comment(records, c, reactions.getOrDefault(c.ref(), List.of())));
      }
      views.sort(Comparator.comparing(CommentView::postedAt).thenComparing(CommentView::commentId));
      out.add(ImmutableThreadView.builder().threadId(ThreadId.of(thread.id())).tenantId(thread.tenantId())
          .occasionId(thread.placement().occasionId()).eventId(thread.placement().eventId())
          .partnerId(thread.placement().partnerId())
          .subject(thread.placement().parent().flatMap(ThreadSubject::from)).title(thread.body().title())
          .status(thread.status()).visibility(thread.visibility()).startedBy(thread.createdBy()).comments(views)
          .version(thread.version()).build());
    }
    return read.map(out);
  }

  private static CommentView comment(RecordCommands records, TypedRecord<CommentBody, CommentStatus> c,
      List<TypedRecord<ReactionBody, ReactionStatus>> reactions) {
    TreeSet<Mention> mentions = new TreeSet<>();
    for (RecordLink link : records.links(Comments.COMMENT, c.id(), Optional.of(Comments.MENTIONS))) {
      Mention.from(link.to()).ifPresent(mentions::add);
    }
    ImmutableCommentView.Builder b = ImmutableCommentView.builder().commentId(CommentId.of(c.id()))
        .threadId(ThreadId.of(c.placement().parent().orElseThrow(() -> new IllegalStateException(
            "comment " + c.id() + " has no thread")).id()))
        .text(c.body().text()).status(c.status()).visibility(c.visibility()).postedBy(c.createdBy())
        .postedAt(c.createdAt()).mentions(mentions);
    for (TypedRecord<ReactionBody, ReactionStatus> r : reactions) {
      b.addReactions(new CommentView.Reaction(r.id(), r.body().reaction(), r.createdBy(),
          r.status() == ReactionStatus.ACTIVE));
    }
    return b.build();
  }
}
