-- The account is a Hibernate entity (payments.Account) with optimistic locking: a stale write answers 409.
alter table account add column version bigint not null default 0;
