-- Search ranked straight from an index: a RUM index over the full-text document (PostgreSQL extension "rum",
-- Debian/Ubuntu package postgresql-15-rum), whose ordering operator <=> hands out the listed matches best first,
-- so the first page of a search reads its 20 rows instead of scoring every match (catalog.SearchSql).
--
-- RUM is not a trusted extension: only a superuser can create it. The database administrator installs the package
-- on the server and runs `create extension if not exists rum` in this database (or in template1) before this
-- migration; .ci/run does both. Where the extension cannot be created here (package missing, or the service's role
-- may not), this migration creates nothing, says so in a notice, and the service searches with the GIN index
-- product_listed_search_idx as before, logging at start what to run (catalog.SearchIndex). The GIN index stays: it
-- serves that fallback.
do
$$
begin
    begin
        create extension if not exists rum;
    exception
        when insufficient_privilege or undefined_file or feature_not_supported then
            raise notice 'extension rum not created (%): search uses the GIN index; see the README (Search)', sqlerrm;
    end;
    if exists (select 1 from pg_extension where extname = 'rum') then
        -- listed products only, like the GIN index; rum_tsvector_ops keeps the lexemes' positions, which the
        -- <=> score needs (34 MB at 100,000 products; rum_tsvector_addon_ops with listed_at attached was 68 MB,
        -- and what it orders by is the attached column, not the score)
        execute 'create index if not exists product_listed_search_rum_idx on product '
                    || 'using rum (search_vector rum_tsvector_ops) where status = ''LISTED''';
    end if;
end
$$;
