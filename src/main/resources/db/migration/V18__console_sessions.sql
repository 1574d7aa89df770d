-- The web console's server-side sessions (console.ConsoleSessions): the session cookie holds only a random secret;
-- signing out deletes the row, so the old cookie authenticates nothing afterwards. id is the SHA-256 of the secret,
-- the tokens are AES-GCM encrypted with a key derived from it: the table alone opens no session.
create table console_sessions (
    id                text primary key,
    id_token          text not null,
    access_token      text,
    refresh_token     text,
    access_expires_in bigint,
    created_at        timestamptz not null,
    expires_at        timestamptz not null
);
create index console_sessions_expires_at on console_sessions (expires_at);
