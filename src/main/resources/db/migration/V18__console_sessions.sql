-- The web console's server-side sessions (console.ConsoleSessions): the session cookie holds only the id; signing out
-- deletes the row, so the old cookie authenticates nothing afterwards.
create table console_sessions (
    id                text primary key,
    id_token          text not null,
    access_token      text,
    refresh_token     text,
    access_expires_in bigint,
    created_at        timestamptz not null default now(),
    expires_at        timestamptz not null
);
create index console_sessions_expires_at on console_sessions (expires_at);
