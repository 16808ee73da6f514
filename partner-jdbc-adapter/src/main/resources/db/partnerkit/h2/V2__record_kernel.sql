-- Partnerkit schema, version 2, for H2 2.x: the record kernel.
-- Every kernel record of every type goes into pk_record, its links into pk_record_link. Partner tasks move there
-- (type partner_task, body {"title", "description", "jobId", "assignee", "dueAt"} without null fields), their
-- dependencies become depends_on links, and pk_partner_task goes away. Activity entries name the record, event and
-- resource they concern and their event type; idempotency keys are unique per actor, and a claim has no outcome yet.
-- As in version 1: tenant_id leads every key and index. Bodies are JSON text.

create table pk_record (
  tenant_id varchar(64) not null,
  record_type varchar(48) not null,
  record_id varchar(64) not null,
  occasion_id varchar(64) not null,
  event_id varchar(64),
  resource_id varchar(64),
  partner_id varchar(64),
  parent_type varchar(48),
  parent_id varchar(64),
  visibility varchar(32) not null,
  status varchar(64) not null,
  body character varying not null,
  revision bigint not null,
  version bigint not null,
  created_at timestamp(6) with time zone not null,
  updated_at timestamp(6) with time zone not null,
  created_by varchar(128) not null,
  constraint pk_pk_record primary key (tenant_id, record_type, record_id),
  constraint ck_pk_record_parent check ((parent_type is null) = (parent_id is null))
);
create index ix_pk_record_occasion on pk_record (tenant_id, record_type, occasion_id, record_id);
create index ix_pk_record_partner on pk_record (tenant_id, record_type, occasion_id, partner_id, record_id);
create index ix_pk_record_parent on pk_record (tenant_id, record_type, parent_type, parent_id, record_id);

create table pk_record_link (
  tenant_id varchar(64) not null,
  from_type varchar(48) not null,
  from_id varchar(64) not null,
  relation varchar(48) not null,
  to_type varchar(48) not null,
  to_id varchar(64) not null,
  created_at timestamp(6) with time zone not null,
  constraint pk_pk_record_link primary key (tenant_id, from_type, from_id, relation, to_type, to_id)
);
create index ix_pk_record_link_to on pk_record_link (tenant_id, to_type, to_id, relation, from_type, from_id);

-- Tasks become records. V1 kept no creation time, so both timestamps are the migration's. dueAt is written as Java's
-- Instant.toString() writes it: UTC, with no fraction, or 3 or 6 digits of it.
insert into pk_record (tenant_id, record_type, record_id, occasion_id, event_id, resource_id, partner_id, parent_type,
    parent_id, visibility, status, body, revision, version, created_at, updated_at, created_by)
  select tenant_id, 'partner_task', task_id, occasion_id, event_id, null, partner_id, null,
    null, 'partner_visible', status,
    cast(json_object('title': title, 'description': description, 'jobId': job_id, 'assignee': assignee,
      'dueAt': formatdatetime(due_at, 'yyyy-MM-dd''T''HH:mm:ss', 'en', 'UTC')
        || case when formatdatetime(due_at, 'SSSSSS', 'en', 'UTC') = '000000' then ''
          when right(formatdatetime(due_at, 'SSSSSS', 'en', 'UTC'), 3) = '000'
            then '.' || left(formatdatetime(due_at, 'SSSSSS', 'en', 'UTC'), 3)
          else '.' || formatdatetime(due_at, 'SSSSSS', 'en', 'UTC') end
        || 'Z'
      absent on null) as character varying),
    0, version, current_timestamp, current_timestamp, 'operator:' || created_by
  from pk_partner_task;

-- Dependencies (ids joined with U+001F; the empty string is none) become depends_on links, split by a recursive
-- query: each step takes the first id off the rest. A task never depended on itself in V1; such a link could not
-- be read back, so none is made.
insert into pk_record_link (tenant_id, from_type, from_id, relation, to_type, to_id, created_at)
  with recursive deps (tenant_id, task_id, dep_id, rest) as (
    select tenant_id, task_id,
      case when position(U&'\001F' in dependencies) > 0
        then substring(dependencies from 1 for position(U&'\001F' in dependencies) - 1) else dependencies end,
      case when position(U&'\001F' in dependencies) > 0
        then substring(dependencies from position(U&'\001F' in dependencies) + 1) end
    from pk_partner_task where dependencies <> ''
    union all
    select tenant_id, task_id,
      case when position(U&'\001F' in rest) > 0
        then substring(rest from 1 for position(U&'\001F' in rest) - 1) else rest end,
      case when position(U&'\001F' in rest) > 0
        then substring(rest from position(U&'\001F' in rest) + 1) end
    from deps where rest is not null
  )
  select tenant_id, 'partner_task', task_id, 'depends_on', 'partner_task', dep_id, current_timestamp
  from deps where dep_id <> task_id;

-- Activity entries: the task becomes the record (and its event the entry's event); old entries get a generic type.
alter table pk_activity_entry add column event_id varchar(64);
alter table pk_activity_entry add column resource_id varchar(64);
alter table pk_activity_entry add column record_type varchar(48);
alter table pk_activity_entry add column record_id varchar(64);
alter table pk_activity_entry add column event_type varchar(64);
update pk_activity_entry a set record_type = 'partner_task', record_id = a.task_id,
    event_id = (select t.event_id from pk_partner_task t where t.tenant_id = a.tenant_id and t.task_id = a.task_id)
  where a.task_id is not null;
update pk_activity_entry set event_type = 'partner_activity.recorded';
alter table pk_activity_entry alter column event_type set not null;
alter table pk_activity_entry drop column task_id;
alter table pk_activity_entry add constraint ck_pk_activity_entry_record
  check ((record_type is null) = (record_id is null));

-- Idempotency keys are unique per actor. The actor of an old key is the one its decision names, when there is one.
alter table pk_idempotency_record add column actor_key varchar(128);
update pk_idempotency_record i set actor_key = coalesce(
    (select min(d.actor_kind || ':' || d.actor_id) from pk_decision_record d
      where d.tenant_id = i.tenant_id and d.command_key = i.idempotency_key),
    'unknown:migrated');
alter table pk_idempotency_record alter column actor_key set not null;
alter table pk_idempotency_record alter column outcome set null;
alter table pk_idempotency_record drop constraint uq_pk_idempotency_record_key;
alter table pk_idempotency_record add constraint pk_pk_idempotency_record
  primary key (tenant_id, actor_key, idempotency_key);

drop table pk_partner_task;

insert into partnerkit_schema_version (version, description) values (2, 'record kernel');
