-- Partnerkit schema, version 3, for H2 2.x: stored, tenant-bound identities.
-- Partners become versioned; memberships (a person in a partner, with role, flags and status) and integration
-- principals (a partner's machine identity) are stored, so every decision resolves its actor from these rows.
-- Sets (principal triggers) are one text column joined with U+001F, as in version 1.

alter table pk_partner add column version bigint not null default 0;

create table pk_partner_member (
  tenant_id varchar(64) not null,
  partner_id varchar(64) not null,
  user_id varchar(64) not null,
  display_name varchar(200) not null,
  membership_role varchar(32) not null,
  can_invite boolean not null,
  can_view_metrics boolean not null,
  can_manage_events boolean not null,
  status varchar(32) not null,
  invited_by varchar(128),
  invited_at timestamp(6) with time zone,
  invite_expires_at timestamp(6) with time zone,
  invite_occasion_id varchar(64),
  version bigint not null,
  constraint pk_pk_partner_member primary key (tenant_id, partner_id, user_id)
);
create index ix_pk_partner_member_user on pk_partner_member (tenant_id, user_id, partner_id);

create table pk_integration_principal (
  tenant_id varchar(64) not null,
  principal_id varchar(64) not null,
  partner_id varchar(64) not null,
  name varchar(200) not null,
  enabled boolean not null,
  write_enabled boolean not null,
  triggers character varying not null,
  version bigint not null,
  constraint pk_pk_integration_principal primary key (tenant_id, principal_id)
);
create index ix_pk_integration_principal_partner on pk_integration_principal (tenant_id, partner_id, principal_id);

insert into partnerkit_schema_version (version, description) values (3, 'identity');
