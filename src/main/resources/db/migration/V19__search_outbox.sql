-- Search on OpenSearch, indexing side (owned by catalog; catalog.opensearch writes these tables). Used only with
-- opengallery.search.engine=opensearch: with the default engine the tables stay empty.

-- search_outbox: one row per change of what a product's search document holds (the product itself, its seller's
-- profile, its sales), written in the change's transaction and delivered at least once by the search-outbox job.
create table search_outbox (
    id              uuid primary key,
    -- claim order
    seq             bigint generated always as identity,
    product_id      uuid        not null,
    created_at      timestamptz not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz
);

-- the delivery job's claim, oldest first, among PENDING rows only
create index search_outbox_due_idx on search_outbox (next_attempt_at, seq) where status = 'PENDING';
-- the clean-up of old SENT rows, and the reindex's re-enqueue of what was delivered while it ran
create index search_outbox_sent_idx on search_outbox (sent_at) where status = 'SENT';

-- the version of every document write: taken once per delivered batch (and once per rebuild) before the documents
-- are read, so a later read always carries a higher version (external_gte versioning in OpenSearch)
create sequence search_document_version;

-- one row: the reindex lease (at most one rebuild at a time over all replicas) and the popularity drift's last day
create table search_index_state (
    id                      int primary key check (id = 1),
    reindex_owner           uuid,
    reindex_started_at      timestamptz,
    last_rebuild_at         timestamptz,
    last_rebuild_index      text,
    -- the last day whose sales left the popularity window and whose products were enqueued
    popularity_dropped_day  date
);
insert into search_index_state (id) values (1);
