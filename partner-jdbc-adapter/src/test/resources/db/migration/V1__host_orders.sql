-- A host application's own first migration, kept in the host's own Flyway history beside Partnerkit's.
create table host_order (
  order_id varchar(64) not null,
  tenant_id varchar(64) not null,
  constraint pk_host_order primary key (order_id)
);
