-- A rebuild renews its lease as it goes (before every batch of products and before the alias swap): another replica
-- takes the lease over only when it has not been renewed for opengallery.search.reindex-lease, so a replica that
-- died mid-rebuild holds up the next rebuild for minutes, not hours, and a long rebuild is never taken over while it
-- still runs.
alter table search_index_state add column reindex_renewed_at timestamptz;
update search_index_state set reindex_renewed_at = reindex_started_at;
