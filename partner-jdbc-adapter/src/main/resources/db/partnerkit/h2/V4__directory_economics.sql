-- Partnerkit schema, version 4, for H2 2.x: the partner directory's economics and event invite metrics.
-- Typed tables, because they are filtered and summed by their fields: referrals, commissions, event invites and the
-- plan quotas a host supplies per tenant. pk_partner (version 1) is read, never changed, by this version.
-- Money is a bigint of minor units and an ISO 4217 code; never floating point. As before: tenant_id leads every key
-- and index, H2 compares strings as Java does, instants are timestamp(6) with time zone (microseconds).
-- Independent of version 3: it may be installed before or after it.

create table pk_referral (
  tenant_id varchar(64) not null,
  referral_id varchar(48) not null,
  partner_id varchar(64) not null,
  client_name varchar(200) not null,
  client_email varchar(254) not null,
  estimated_value_minor bigint not null,
  currency varchar(3) not null,
  status varchar(32) not null,
  referred_at timestamp(6) with time zone not null,
  version bigint not null,
  constraint pk_pk_referral primary key (tenant_id, referral_id),
  constraint ck_pk_referral_value check (estimated_value_minor >= 0)
);
create index ix_pk_referral_partner on pk_referral (tenant_id, partner_id, referral_id);
create index ix_pk_referral_status on pk_referral (tenant_id, status, partner_id);

create table pk_commission (
  tenant_id varchar(64) not null,
  commission_id varchar(48) not null,
  partner_id varchar(64) not null,
  referral_id varchar(48) not null,
  amount_minor bigint not null,
  currency varchar(3) not null,
  status varchar(32) not null,
  earned_at timestamp(6) with time zone not null,
  paid_at timestamp(6) with time zone,
  version bigint not null,
  constraint pk_pk_commission primary key (tenant_id, commission_id),
  constraint ck_pk_commission_amount check (amount_minor > 0),
  constraint ck_pk_commission_paid check ((status = 'paid') = (paid_at is not null))
);
create index ix_pk_commission_partner on pk_commission (tenant_id, partner_id, commission_id);
create index ix_pk_commission_referral on pk_commission (tenant_id, referral_id, commission_id);
create index ix_pk_commission_status on pk_commission (tenant_id, status, partner_id);

create table pk_event_invite (
  tenant_id varchar(64) not null,
  invite_id varchar(64) not null,
  occasion_id varchar(64) not null,
  event_id varchar(64) not null,
  partner_id varchar(64) not null,
  inviter_principal varchar(64) not null,
  issued_by_user_id varchar(64) not null,
  issued_at timestamp(6) with time zone not null,
  accepted boolean not null,
  credited_acceptance boolean not null,
  accepted_at timestamp(6) with time zone,
  version bigint not null,
  constraint pk_pk_event_invite primary key (tenant_id, invite_id),
  constraint ck_pk_event_invite_credited check (accepted or not credited_acceptance),
  constraint ck_pk_event_invite_accepted check (accepted = (accepted_at is not null))
);
create index ix_pk_event_invite_event on pk_event_invite (tenant_id, event_id, partner_id, invite_id);

create table pk_plan_quota (
  tenant_id varchar(64) not null,
  quota_key varchar(64) not null,
  label varchar(200) not null,
  quota_limit bigint not null,
  used bigint not null,
  resets_at timestamp(6) with time zone,
  constraint pk_pk_plan_quota primary key (tenant_id, quota_key)
);

insert into partnerkit_schema_version (version, description) values (4, 'directory economics');
