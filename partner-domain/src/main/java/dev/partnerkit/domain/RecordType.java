package dev.partnerkit.domain;

import dev.partnerkit.domain.internal.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The descriptor of one kind of kernel record: its wire name, the surface it lives on, its body value, its lifecycle,
 * the relations it may link by, who may create, revise and link it, and its own rules; optionally how its ids are
 * derived, how its body must agree with its placement, and the trail its moves leave in the body. Adding a record
 * type adds a descriptor, never a store, a table or a test-kit section: every record is stored the same way, its body
 * as JSON validated against {@link #bodyType()} on every write and read.
 *
 * <p>Three optional traits: a type may {@linkplain #hostTruths() mirror host truths} (the host writes such records
 * through an operator; every write request about one carries those truths as source-truth effects, which partners
 * and integrations are always refused); it may have a {@linkplain #partnerView(Object) partner view} of its body
 * (what partner sessions read, e.g. without the host's storage key); and it may name an
 * {@linkplain #audienceRelation() audience relation} whose links point at people ({@code operator:<user id>},
 * {@code partner_member:<user id>}) who must be able to see the record (mentions).
 *
 * @param <B> the body value (an immutable value, validated on construction)
 * @param <S> the status enum of its lifecycle
 */
public final class RecordType<B, S extends Enum<S> & WireNamed> {
  private final String wireName;
  private final String noun;
  private final Surface surface;
  private final Class<B> bodyType;
  private final Lifecycle<S> lifecycle;
  private final Set<String> relations;
  private final @Nullable String prerequisiteRelation;
  private final Set<ActorKind> creators;
  private final Set<ActorKind> revisers;
  private final Set<ActorKind> linkers;
  private final List<RecordRule> rules;
  private final Function<B, String> title;
  private final B example;
  private final Set<SourceTruth> hostTruths;
  private final UnaryOperator<B> partnerView;
  private final @Nullable String audienceRelation;
  private final @Nullable BiFunction<Placement, B, String> idFrom;
  private final @Nullable BiConsumer<Placement, B> placementCheck;
  private final @Nullable BiFunction<B, RecordMove, B> trail;

  private RecordType(Builder<B, S> b) {
    this.wireName = b.wireName;
    this.noun = b.noun;
    this.surface = b.surface;
    this.bodyType = b.bodyType;
    this.lifecycle = b.lifecycle;
    this.relations = Collections.unmodifiableSet(new TreeSet<>(b.relations));
    this.prerequisiteRelation = b.prerequisiteRelation;
    this.creators = Collections.unmodifiableSet(EnumSet.copyOf(b.creators));
    this.revisers = b.revisers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.revisers));
    this.linkers = b.linkers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.linkers));
    this.rules = List.copyOf(b.rules);
    this.title = b.title;
    this.example = b.example;
    this.hostTruths = b.hostTruths.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.hostTruths));
    this.partnerView = b.partnerView;
    this.audienceRelation = b.audienceRelation;
    this.idFrom = b.idFrom;
    this.placementCheck = b.placementCheck;
    this.trail = b.trail;
  }

  /**
   * @param wireName the stable wire name, lower snake case, e.g. {@code partner_task}
   * @param surface the surface the records live on
   * @param bodyType the body value class
   * @param lifecycle the lifecycle
   * @return a builder
   */
  public static <B, S extends Enum<S> & WireNamed> Builder<B, S> builder(String wireName, Surface surface,
      Class<B> bodyType, Lifecycle<S> lifecycle) {
    return new Builder<>(wireName, surface, bodyType, lifecycle);
  }

  /** @return the stable wire name */
  public String wireName() {
    return wireName;
  }

  /** @return what one record is called in explanations, e.g. {@code task} */
  public String noun() {
    return noun;
  }

  /** @return the surface the records live on */
  public Surface surface() {
    return surface;
  }

  /** @return the body value class */
  public Class<B> bodyType() {
    return bodyType;
  }

  /** @return the lifecycle */
  public Lifecycle<S> lifecycle() {
    return lifecycle;
  }

  /** @return the relations records of this type may link by (from this record) */
  public Set<String> relations() {
    return relations;
  }

  /** @return the relation whose targets are prerequisites (they must be closed before guarded moves) */
  public Optional<String> prerequisiteRelation() {
    return Optional.ofNullable(prerequisiteRelation);
  }

  /** @return the kinds of actor that may create records of this type */
  public Set<ActorKind> creators() {
    return creators;
  }

  /** @return the kinds of actor that may revise a record's body */
  public Set<ActorKind> revisers() {
    return revisers;
  }

  /** @return the kinds of actor that may link and unlink records of this type */
  public Set<ActorKind> linkers() {
    return linkers;
  }

  /** @return the kinds of actor allowed to do {@code intent} to a record of this type, beyond the lifecycle */
  public Set<ActorKind> actorsFor(IntentKind intent) {
    switch (intent) {
      case CREATE:
        return creators;
      case REVISE:
        return revisers;
      case LINK:
      case UNLINK:
        return linkers;
      case VIEW:
      case TRANSITION:
        return EnumSet.allOf(ActorKind.class); // the lifecycle table decides transitions
      default:
        return Set.of(); // fail closed: an intent this type does not know is nobody's
    }
  }

  /** @return the type's own surface rules, in order */
  public List<RecordRule> rules() {
    return rules;
  }

  /** @return the title of a record with {@code body}, used in explanations and activity */
  public String titleOf(B body) {
    return title.apply(body);
  }

  /** @return an example body, for documentation and the contract test kit */
  public B example() {
    return example;
  }

  /**
   * @return the host truths records of this type mirror (a blocker waiver, a blocker assignment): the host writes
   *     them through an operator, and every write request about one carries them as source-truth effects, so
   *     partners and integrations are refused whatever their grants say; empty for evidence records
   */
  public Set<SourceTruth> hostTruths() {
    return hostTruths;
  }

  /**
   * @param body a stored body
   * @return what a partner session reads of it (the body itself unless the type leaves something out, like the
   *     host's storage key of a document version)
   */
  public B partnerView(B body) {
    return partnerView.apply(body);
  }

  /**
   * @return the relation whose links point at people ({@code operator} or {@code partner_member} references) who
   *     must be able to see the record, e.g. {@code mentions}; a link to anyone else is refused
   */
  public Optional<String> audienceRelation() {
    return Optional.ofNullable(audienceRelation);
  }

  /**
   * @return the id a new record with {@code placement} and {@code body} gets, when the type derives its ids (an
   *     artifact's version number, say); empty when the store's id generator names it
   */
  public Optional<String> derivedId(Placement placement, B body) {
    return idFrom == null ? Optional.empty() : Optional.of(Checks.identifier("id", idFrom.apply(placement, body)));
  }

  /**
   * Checks that a body agrees with the placement it is written at (e.g. an annotation sits under the version its body
   * names); the kernel calls it on every create and revise.
   *
   * @throws InvalidValueException naming the field when they disagree
   */
  public void checkPlacement(Placement placement, B body) {
    if (placementCheck != null) {
      placementCheck.accept(placement, body);
    }
  }

  /** @return whether the type writes every move of a record into its body (a trail) */
  public boolean keepsTrail() {
    return trail != null;
  }

  /** @return the body after {@code move}: with the move in its trail, or {@code body} itself for a type without one */
  public B afterMove(B body, RecordMove move) {
    return trail == null ? body : Checks.required("trail(body)", trail.apply(body, move));
  }

  /** @return a reference to the record {@code id} of this type */
  public RecordRef ref(String id) {
    return RecordRef.of(wireName, id);
  }

  @Override
  public String toString() {
    return "RecordType[" + wireName + " on " + surface.wireName() + "]";
  }

  /** Builds a {@link RecordType}. */
  public static final class Builder<B, S extends Enum<S> & WireNamed> {
    private final String wireName;
    private final Surface surface;
    private final Class<B> bodyType;
    private final Lifecycle<S> lifecycle;
    private String noun;
    private final Set<String> relations = new TreeSet<>();
    private @Nullable String prerequisiteRelation;
    private Set<ActorKind> creators = EnumSet.of(ActorKind.OPERATOR);
    private Set<ActorKind> revisers = EnumSet.of(ActorKind.OPERATOR);
    private Set<ActorKind> linkers = EnumSet.of(ActorKind.OPERATOR);
    private final List<RecordRule> rules = new java.util.ArrayList<>();
    private @Nullable Function<B, String> title;
    private @Nullable B example;
    private final Set<SourceTruth> hostTruths = EnumSet.noneOf(SourceTruth.class);
    private UnaryOperator<B> partnerView = UnaryOperator.identity();
    private @Nullable String audienceRelation;
    private @Nullable BiFunction<Placement, B, String> idFrom;
    private @Nullable BiConsumer<Placement, B> placementCheck;
    private @Nullable BiFunction<B, RecordMove, B> trail;

    private Builder(String wireName, Surface surface, Class<B> bodyType, Lifecycle<S> lifecycle) {
      Checks.check(RecordRef.isTypeName(wireName), "wireName",
          "wireName must be a lower snake case name, but was " + Checks.show(wireName));
      this.wireName = wireName;
      this.noun = wireName.replace('_', ' ');
      this.surface = Checks.required("surface", surface);
      this.bodyType = Checks.required("bodyType", bodyType);
      this.lifecycle = Checks.required("lifecycle", lifecycle);
    }

    /**
     * @param noun what one record is called in explanations; default the wire name in words
     * @return this builder
     */
    public Builder<B, S> noun(String noun) {
      this.noun = Checks.text("noun", noun, 64);
      return this;
    }

    /**
     * @param relation a relation records of this type may link by
     * @return this builder
     */
    public Builder<B, S> relation(String relation) {
      Checks.check(RecordRef.isTypeName(relation), "relation",
          "relation must be a lower snake case name, but was " + Checks.show(relation));
      relations.add(relation);
      return this;
    }

    /**
     * @param relation one of the relations, whose targets are this record's prerequisites
     * @return this builder
     */
    public Builder<B, S> prerequisiteRelation(String relation) {
      relation(relation);
      this.prerequisiteRelation = relation;
      return this;
    }

    /**
     * @param first a kind of actor that may create records; default operators only
     * @param rest more kinds
     * @return this builder
     */
    public Builder<B, S> creators(ActorKind first, ActorKind... rest) {
      this.creators = EnumSet.of(first, rest);
      return this;
    }

    /**
     * @param first a kind of actor that may revise bodies; default operators only
     * @param rest more kinds
     * @return this builder
     */
    public Builder<B, S> revisers(ActorKind first, ActorKind... rest) {
      this.revisers = EnumSet.of(first, rest);
      return this;
    }

    /**
     * @param first a kind of actor that may link and unlink; default operators only
     * @param rest more kinds
     * @return this builder
     */
    public Builder<B, S> linkers(ActorKind first, ActorKind... rest) {
      this.linkers = EnumSet.of(first, rest);
      return this;
    }

    /**
     * Marks the type as a mirror of host truths: the records are the host's own facts, read by partners, written by
     * the host through an operator. Every write request about one carries {@code truths} as source-truth effects.
     *
     * @param first a host truth the records mirror; it must be one the type's surface never promotes
     * @param rest more
     * @return this builder
     */
    public Builder<B, S> hostTruths(SourceTruth first, SourceTruth... rest) {
      for (SourceTruth truth : EnumSet.of(first, rest)) {
        Checks.check(surface.neverPromotes().contains(truth), "hostTruths", "hostTruths must be truths the "
            + surface.wireName() + " surface never promotes " + surface.neverPromotes() + ", but had "
            + truth.wireName());
        hostTruths.add(truth);
      }
      return this;
    }

    /**
     * @param view what a partner session reads of a body (it must keep the body valid); default the body itself
     * @return this builder
     */
    public Builder<B, S> partnerView(UnaryOperator<B> view) {
      this.partnerView = Checks.required("partnerView", view);
      return this;
    }

    /**
     * @param relation a relation (added to the type's relations) whose targets are people who must be able to see
     *     the record: an {@code operator} or a {@code partner_member} reference by user id
     * @return this builder
     */
    public Builder<B, S> audienceRelation(String relation) {
      relation(relation);
      this.audienceRelation = relation;
      return this;
    }

    /**
     * @param rule a surface rule of this type (check 7)
     * @return this builder
     */
    public Builder<B, S> rule(RecordRule rule) {
      rules.add(Checks.required("rule", rule));
      return this;
    }

    /**
     * @param title the title of a record, from its body (required)
     * @return this builder
     */
    public Builder<B, S> title(Function<B, String> title) {
      this.title = Checks.required("title", title);
      return this;
    }

    /**
     * @param example an example body (required)
     * @return this builder
     */
    public Builder<B, S> example(B example) {
      this.example = Checks.required("example", example);
      return this;
    }

    /**
     * @param idFrom derives a new record's id from its placement and body; two records deriving the same id cannot
     *     both exist (the second write is a version conflict). Default: the workspace's id generator.
     * @return this builder
     */
    public Builder<B, S> idFrom(BiFunction<Placement, B, String> idFrom) {
      this.idFrom = Checks.required("idFrom", idFrom);
      return this;
    }

    /**
     * @param placementCheck throws an {@link InvalidValueException} when a body disagrees with its placement
     * @return this builder
     */
    public Builder<B, S> placementCheck(BiConsumer<Placement, B> placementCheck) {
      this.placementCheck = Checks.required("placementCheck", placementCheck);
      return this;
    }

    /**
     * @param trail writes one move into a body (a trail entry); every move of a record then also writes a new body
     *     revision, in the same version
     * @return this builder
     */
    public Builder<B, S> trail(BiFunction<B, RecordMove, B> trail) {
      this.trail = Checks.required("trail", trail);
      return this;
    }

    /** @return the record type */
    public RecordType<B, S> build() {
      Checks.required("title", title);
      Checks.required("example", example);
      Checks.check(bodyType.isInstance(example), "example", "example must be a " + bodyType.getSimpleName());
      return new RecordType<>(this);
    }
  }
}
