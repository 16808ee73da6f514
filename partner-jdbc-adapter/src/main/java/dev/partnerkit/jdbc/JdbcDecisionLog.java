package dev.partnerkit.jdbc;

import dev.partnerkit.domain.ActorKind;
import dev.partnerkit.domain.Decision;
import dev.partnerkit.domain.DecisionCheck;
import dev.partnerkit.domain.GrantId;
import dev.partnerkit.domain.IntentKind;
import dev.partnerkit.domain.NextStepOwner;
import dev.partnerkit.domain.OccasionId;
import dev.partnerkit.domain.Operation;
import dev.partnerkit.domain.PartnerCapability;
import dev.partnerkit.domain.ReasonCode;
import dev.partnerkit.domain.Surface;
import dev.partnerkit.domain.TenantId;
import dev.partnerkit.domain.WireNamed;
import dev.partnerkit.spi.DecisionLog;
import dev.partnerkit.spi.DecisionRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The decision log: one row per decision with every field of the decision; checks are an ordered encoded list. */
final class JdbcDecisionLog implements DecisionLog {
  static final String TYPE = "decision_record";
  private static final String COLUMNS = "tenant_id, record_id, actor_kind, actor_id, occasion_id, intent, command_key,"
      + " allowed, reason, explanation, next_step_owner, next_safe_action, proof_needed, grant_id, capability, checks,"
      + " failed_check, surface, operation, decided_at";

  private final Db db;

  JdbcDecisionLog(Db db) {
    this.db = db;
  }

  /** The insert of one row; {@link #bind} sets its parameters. */
  static final String INSERT = "insert into pk_decision_record (" + COLUMNS + ")"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Override
  public void append(DecisionRecord record) {
    db.insert(TYPE, record.recordId(), INSERT, s -> bind(s, 1, record));
  }

  /** Sets the parameters of {@link #INSERT} from {@code first} on; returns the next parameter index. */
  static int bind(PreparedStatement s, int first, DecisionRecord record) throws SQLException {
    Decision d = record.decision();
    s.setString(first, d.tenantId().value());
    s.setString(first + 1, record.recordId());
    s.setString(first + 2, record.actorKind().wireName());
    s.setString(first + 3, record.actorId());
    s.setString(first + 4, record.occasionId().value());
    s.setString(first + 5, record.intent().wireName());
    Sql.setText(s, first + 6, record.commandKey());
    s.setBoolean(first + 7, d.allowed());
    s.setString(first + 8, d.reason().wireName());
    s.setString(first + 9, d.explanation());
    s.setString(first + 10, d.nextStepOwner().wireName());
    s.setString(first + 11, d.nextSafeAction());
    s.setString(first + 12, d.proofNeeded());
    Sql.setText(s, first + 13, d.grantId().map(GrantId::value));
    Sql.setText(s, first + 14, d.capability().map(PartnerCapability::wireName));
    s.setString(first + 15, Sql.joinList(d.checks(), DecisionCheck::wireName));
    Sql.setText(s, first + 16, d.failedCheck().map(DecisionCheck::wireName));
    Sql.setText(s, first + 17, d.surface().map(Surface::wireName));
    s.setString(first + 18, d.operation().wireName());
    Sql.setInstant(s, first + 19, d.decidedAt());
    return first + 20;
  }

  @Override
  public List<DecisionRecord> recent(TenantId tenantId, int limit) {
    Db.requirePositive("limit", limit);
    return db.list("select " + COLUMNS + " from pk_decision_record where tenant_id = ?"
        + " order by decided_at desc, record_id desc limit ?", s -> {
          s.setString(1, tenantId.value());
          s.setInt(2, limit);
        }, JdbcDecisionLog::record);
  }

  @Override
  public long count(TenantId tenantId) {
    return db.count("select count(*) from pk_decision_record where tenant_id = ?",
        s -> s.setString(1, tenantId.value()));
  }

  @Override
  public long count(TenantId tenantId, boolean allowed) {
    return db.count("select count(*) from pk_decision_record where tenant_id = ? and allowed = ?", s -> {
      s.setString(1, tenantId.value());
      s.setBoolean(2, allowed);
    });
  }

  private static DecisionRecord record(ResultSet row) throws SQLException {
    Decision decision = Decision.builder()
        .tenantId(TenantId.of(Sql.getText(row, "tenant_id")))
        .allowed(row.getBoolean("allowed"))
        .reason(WireNamed.parse(ReasonCode.class, "reason", row.getString("reason")))
        .explanation(Sql.getText(row, "explanation"))
        .nextStepOwner(WireNamed.parse(NextStepOwner.class, "nextStepOwner", row.getString("next_step_owner")))
        .nextSafeAction(Sql.getText(row, "next_safe_action"))
        .proofNeeded(Sql.getText(row, "proof_needed"))
        .grantId(Sql.getOptional(row, "grant_id", GrantId::of))
        .capability(Sql.getOptional(row, "capability",
            w -> WireNamed.parse(PartnerCapability.class, "capability", w)))
        .checks(Sql.split(Sql.getText(row, "checks"), w -> WireNamed.parse(DecisionCheck.class, "checks", w)))
        .failedCheck(Sql.getOptional(row, "failed_check",
            w -> WireNamed.parse(DecisionCheck.class, "failedCheck", w)))
        .surface(Sql.getOptional(row, "surface", w -> WireNamed.parse(Surface.class, "surface", w)))
        .operation(WireNamed.parse(Operation.class, "operation", row.getString("operation")))
        .decidedAt(Sql.getInstant(row, "decided_at"))
        .build();
    return DecisionRecord.builder()
        .recordId(Sql.getText(row, "record_id"))
        .actorKind(WireNamed.parse(ActorKind.class, "actorKind", row.getString("actor_kind")))
        .actorId(Sql.getText(row, "actor_id"))
        .occasionId(OccasionId.of(Sql.getText(row, "occasion_id")))
        .intent(WireNamed.parse(IntentKind.class, "intent", row.getString("intent")))
        .commandKey(Sql.getOptional(row, "command_key", k -> k))
        .decision(decision)
        .build();
  }
}
