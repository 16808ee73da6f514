-- Partnerkit schema, version 5, for H2 2.x: least-privilege data classes and webhook delivery.
-- Grants name the data classes they cover; outbox events carry their placement and data class, so the relay decides
-- each delivery with the same grants as the portal. Webhook subscriptions (one endpoint of one integration
-- principal), deliveries (one event to one subscription: the unit the relay claims, with a lease) and delivery
-- attempts (the delivery log) are typed tables. As before: tenant_id leads every key and index, H2 compares strings as
-- Java does, instants are timestamp(6) with time zone (microseconds), sets are text joined with U+001F.

alter table pk_access_grant add column scope_data_classes varchar(1000) not null default '';

alter table pk_outbox_event add column occasion_id varchar(64);
alter table pk_outbox_event add column placement_event_id varchar(64);
alter table pk_outbox_event add column resource_id varchar(64);
alter table pk_outbox_event add column partner_id varchar(64);
alter table pk_outbox_event add column data_class varchar(32);

create table pk_webhook_subscription (
  tenant_id varchar(64) not null,
  subscription_id varchar(64) not null,
  principal_id varchar(64) not null,
  partner_id varchar(64) not null,
  endpoint_url varchar(2000) not null,
  event_types varchar(4000) not null,
  secret varchar(200) not null,
  previous_secret varchar(200),
  previous_secret_until timestamp(6) with time zone,
  enabled boolean not null,
  disabled_reason varchar(400),
  consecutive_failures integer not null,
  failing_since timestamp(6) with time zone,
  created_at timestamp(6) with time zone not null,
  version bigint not null,
  constraint pk_pk_webhook_subscription primary key (tenant_id, subscription_id),
  constraint ck_pk_webhook_subscription_failures check (consecutive_failures >= 0)
);
create index ix_pk_webhook_subscription_principal on pk_webhook_subscription (tenant_id, principal_id, subscription_id);

create table pk_webhook_delivery (
  tenant_id varchar(64) not null,
  delivery_id varchar(64) not null,
  subscription_id varchar(64) not null,
  principal_id varchar(64) not null,
  partner_id varchar(64) not null,
  outbox_event_id varchar(64) not null,
  event_type varchar(64) not null,
  occasion_id varchar(64) not null,
  placement_event_id varchar(64),
  resource_id varchar(64),
  data_class varchar(32) not null,
  payload text not null,
  status varchar(16) not null,
  attempts integer not null,
  run_attempts integer not null,
  next_attempt_at timestamp(6) with time zone not null,
  lease_owner varchar(64),
  lease_until timestamp(6) with time zone,
  created_at timestamp(6) with time zone not null,
  last_attempt_at timestamp(6) with time zone,
  version bigint not null,
  constraint pk_pk_webhook_delivery primary key (tenant_id, delivery_id),
  constraint uq_pk_webhook_delivery_event unique (tenant_id, subscription_id, outbox_event_id),
  constraint ck_pk_webhook_delivery_attempts check (attempts >= run_attempts and run_attempts >= 0)
);
create index ix_pk_webhook_delivery_due on pk_webhook_delivery (tenant_id, status, next_attempt_at);
create index ix_pk_webhook_delivery_created on pk_webhook_delivery (tenant_id, created_at, delivery_id);

create table pk_webhook_attempt (
  tenant_id varchar(64) not null,
  delivery_id varchar(64) not null,
  attempt integer not null,
  subscription_id varchar(64) not null,
  partner_id varchar(64) not null,
  relay_id varchar(64) not null,
  attempted_at timestamp(6) with time zone not null,
  outcome varchar(16) not null,
  status_code integer,
  latency_millis bigint not null,
  error varchar(1000),
  next_attempt_at timestamp(6) with time zone,
  constraint pk_pk_webhook_attempt primary key (tenant_id, delivery_id, attempt)
);
create index ix_pk_webhook_attempt_subscription on pk_webhook_attempt (tenant_id, subscription_id, attempted_at);

insert into partnerkit_schema_version (version, description) values (5, 'webhooks');
