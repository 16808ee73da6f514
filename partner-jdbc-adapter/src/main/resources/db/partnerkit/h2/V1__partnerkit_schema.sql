-- Partnerkit schema, version 1, for H2 2.x.
-- tenant_id leads every primary key and every index. H2 compares strings as Java does (String.compareTo), so ids
-- order exactly as in Java.
-- Sets (grant members, events, resources, surfaces, capabilities, task dependencies, entitlements, decision checks)
-- are stored as one text column: the elements sorted and joined with U+001F (unit separator), a control character
-- that no identifier, key or wire name may contain; the empty set is the empty string. Decision checks keep their order.
-- Instants are timestamp(6) with time zone (microsecond precision).

-- The one table without a tenant: which schema versions are installed (read by SchemaInstaller).
create table partnerkit_schema_version (
  version integer not null,
  description varchar(200) not null,
  installed_at timestamp(6) with time zone not null default current_timestamp,
  constraint pk_partnerkit_schema_version primary key (version)
);

create table pk_tenant (
  tenant_id varchar(64) not null,
  name varchar(200) not null,
  zone_id varchar(64) not null,
  constraint pk_pk_tenant primary key (tenant_id)
);

create table pk_partner (
  tenant_id varchar(64) not null,
  partner_id varchar(64) not null,
  name varchar(200) not null,
  kind varchar(32) not null,
  status varchar(32) not null,
  tier varchar(64),
  region varchar(200),
  owner_user_id varchar(64),
  constraint pk_pk_partner primary key (tenant_id, partner_id)
);

create table pk_access_grant (
  tenant_id varchar(64) not null,
  grant_id varchar(64) not null,
  partner_id varchar(64) not null,
  members character varying not null,
  integration_principal varchar(64),
  occasion_id varchar(64) not null,
  scope_events character varying not null,
  scope_resources character varying not null,
  scope_surfaces character varying not null,
  capabilities character varying not null,
  status varchar(32) not null,
  valid_from timestamp(6) with time zone not null,
  valid_until timestamp(6) with time zone,
  issued_by varchar(64) not null,
  version bigint not null,
  constraint pk_pk_access_grant primary key (tenant_id, grant_id)
);
create index ix_pk_access_grant_partner on pk_access_grant (tenant_id, partner_id, grant_id);

create table pk_partner_task (
  tenant_id varchar(64) not null,
  task_id varchar(64) not null,
  occasion_id varchar(64) not null,
  event_id varchar(64),
  job_id varchar(64),
  partner_id varchar(64) not null,
  assignee varchar(64),
  title varchar(200) not null,
  description varchar(4000),
  status varchar(32) not null,
  dependencies character varying not null,
  due_at timestamp(6) with time zone,
  created_by varchar(64) not null,
  version bigint not null,
  constraint pk_pk_partner_task primary key (tenant_id, task_id)
);
create index ix_pk_partner_task_partner on pk_partner_task (tenant_id, partner_id, occasion_id, task_id);
create index ix_pk_partner_task_occasion on pk_partner_task (tenant_id, occasion_id, task_id);

create table pk_occasion_entitlements (
  tenant_id varchar(64) not null,
  occasion_id varchar(64) not null,
  entitlements character varying not null,
  version bigint not null,
  constraint pk_pk_occasion_entitlements primary key (tenant_id, occasion_id)
);

create table pk_activity_entry (
  tenant_id varchar(64) not null,
  entry_id varchar(64) not null,
  occasion_id varchar(64) not null,
  partner_id varchar(64),
  task_id varchar(64),
  kind varchar(32) not null,
  visibility varchar(32) not null,
  actor_label varchar(200) not null,
  summary varchar(4000) not null,
  occurred_at timestamp(6) with time zone not null,
  constraint pk_pk_activity_entry primary key (tenant_id, entry_id)
);
create index ix_pk_activity_entry_time on pk_activity_entry (tenant_id, occurred_at, entry_id);
create index ix_pk_activity_entry_occasion on pk_activity_entry (tenant_id, occasion_id, occurred_at, entry_id);
create index ix_pk_activity_entry_partner on pk_activity_entry (tenant_id, partner_id, visibility, occurred_at, entry_id);

create table pk_decision_record (
  tenant_id varchar(64) not null,
  record_id varchar(64) not null,
  actor_kind varchar(32) not null,
  actor_id varchar(64) not null,
  occasion_id varchar(64) not null,
  intent varchar(32) not null,
  command_key varchar(64),
  allowed boolean not null,
  reason varchar(64) not null,
  explanation varchar(4000) not null,
  next_step_owner varchar(32) not null,
  next_safe_action varchar(4000) not null,
  proof_needed varchar(4000) not null,
  grant_id varchar(64),
  capability varchar(64),
  checks character varying not null,
  failed_check varchar(32),
  surface varchar(64),
  operation varchar(16) not null,
  decided_at timestamp(6) with time zone not null,
  constraint pk_pk_decision_record primary key (tenant_id, record_id)
);
create index ix_pk_decision_record_time on pk_decision_record (tenant_id, decided_at, record_id);
create index ix_pk_decision_record_allowed on pk_decision_record (tenant_id, allowed);

create table pk_outbox_event (
  tenant_id varchar(64) not null,
  event_id varchar(64) not null,
  event_type varchar(64) not null,
  aggregate_id varchar(64) not null,
  payload character varying not null,
  occurred_at timestamp(6) with time zone not null,
  published_at timestamp(6) with time zone,
  constraint pk_pk_outbox_event primary key (tenant_id, event_id)
);
create index ix_pk_outbox_event_pending on pk_outbox_event (tenant_id, published_at, occurred_at, event_id);

create table pk_idempotency_record (
  tenant_id varchar(64) not null,
  idempotency_key varchar(64) not null,
  fingerprint varchar(64) not null,
  outcome character varying not null,
  created_at timestamp(6) with time zone not null,
  constraint uq_pk_idempotency_record_key primary key (tenant_id, idempotency_key)
);

insert into partnerkit_schema_version (version, description) values (1, 'partnerkit schema');
