-- The last run of each job an operator can run (jobs.JobRunLog, written only by the jobs package): one row per job
-- name, upserted after every run, scheduled or on demand, on any replica.
create table job_run (
    name        text primary key,
    last_run_at timestamptz not null,
    outcome     text not null check (outcome in ('SUCCESS', 'FAILURE')),
    moved       integer,
    error       text,
    duration_ms bigint not null
);
