-- OpenGallery schema, part 5: service supervision. The delivery flow (service_flow, opened by the ordering
-- feature on payment) gets its turn clock, counters, milestone, acceptance and appeal state; every move is an
-- operation record; attachments live here (bytea); appeals and reminders have their own tables. SaaS application
-- information delivered through a flow is kept on the purchased app (subscription.app_*), as the apps feature does.

alter table service_flow
    -- when the flow entered its state (or an operator resumed it): how long the waiting party has been silent
    add column state_since           timestamptz,
    add column request_rejections    int         not null default 0 check (request_rejections >= 0),
    add column delivery_rejections   int         not null default 0 check (delivery_rejections >= 0),
    -- deliveries since the request was submitted or the milestone began: a request is rejected only before any
    add column deliveries_this_round int         not null default 0 check (deliveries_this_round >= 0),
    -- the milestone being delivered, from 1 (orders without a milestone plan have one)
    add column milestone             int         not null default 1 check (milestone >= 1),
    add column request_text          text,
    add column requirement           text,
    add column accepted_at           timestamptz,
    add column closed_at             timestamptz,
    add column last_reminded_at      timestamptz,
    -- set by the appealability job when the waiting party became entitled to appeal (notified once per turn)
    add column appealable_at         timestamptz,
    -- the open appeal: while set, the flow is frozen
    add column open_appeal_id        uuid;

update service_flow set state_since = updated_at where state_since is null;

-- the ordering feature inserts flows without a turn clock: it starts when the flow is created
create function service_flow_state_since_default() returns trigger
    language plpgsql as
$$
begin
    if new.state_since is null then
        new.state_since := coalesce(new.updated_at, new.created_at);
    end if;
    return new;
end
$$;

create trigger service_flow_state_since_trg
    before insert
    on service_flow
    for each row
execute function service_flow_state_since_default();

alter table service_flow
    alter column state_since set not null,
    add constraint service_flow_state_check check (state in ('WAITING_FOR_REQUEST', 'WAITING_FOR_SELLER',
        'WAITING_FOR_ACCEPTANCE', 'ACCEPTED', 'COMPLETED', 'CLOSED', 'CANCELED')),
    add constraint service_flow_accepted_check check (state <> 'ACCEPTED' or accepted_at is not null);

-- listings: a buyer's and a seller's flows, newest first
create index service_flow_account_idx on service_flow (account_id, created_at desc, id);
create index service_flow_seller_idx on service_flow (seller_id, created_at desc, id);
-- job: appealability - flows waiting on one party, not yet marked, not frozen, oldest turn first
create index service_flow_silent_idx on service_flow (state_since)
    where state in ('WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE') and appealable_at is null and open_appeal_id is null;
-- job: completion - accepted flows by acceptance time
create index service_flow_accepted_idx on service_flow (accepted_at) where state = 'ACCEPTED';
-- job: auto-close - flows in progress by age
create index service_flow_open_idx on service_flow (created_at)
    where state in ('WAITING_FOR_REQUEST', 'WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE');

-- Every move: who, as what, when, from which state to which, with its note (and attachments).
create table flow_operation (
    id          uuid primary key,
    seq         bigint generated always as identity,
    flow_id     uuid        not null references service_flow (id),
    at          timestamptz not null,
    actor_id    uuid references account (id),
    actor_role  text        not null check (actor_role in ('customer', 'seller', 'operator', 'system')),
    action      text        not null,
    from_state  text,
    to_state    text        not null,
    milestone   int         not null,
    note        text
);

create index flow_operation_flow_idx on flow_operation (flow_id, seq);

-- Files sent with a request or a delivery, kept in the database; size and type limits are configuration.
create table flow_attachment (
    id           uuid primary key,
    flow_id      uuid        not null references service_flow (id),
    operation_id uuid        not null references flow_operation (id),
    uploaded_by  uuid        not null references account (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null check (size_bytes > 0),
    -- the order in which the files were sent
    position     int         not null,
    data         bytea       not null,
    created_at   timestamptz not null
);

create index flow_attachment_operation_idx on flow_attachment (operation_id);
create index flow_attachment_flow_idx on flow_attachment (flow_id);

create table flow_appeal (
    id            uuid primary key,
    flow_id       uuid        not null references service_flow (id),
    opened_by     uuid        not null references account (id),
    opened_role   text        not null check (opened_role in ('customer', 'seller')),
    reason        text        not null,
    grounds       text[]      not null,
    state_at_open text        not null,
    status        text        not null check (status in ('OPEN', 'DECIDED', 'CLOSED')),
    decision      text check (decision in ('RESUME', 'COMPLETE', 'CANCEL', 'AUTO_CLOSE', 'AUTO_CANCEL')),
    decision_note text,
    decided_by    uuid references account (id),
    opened_at     timestamptz not null,
    decided_at    timestamptz
);

-- one open appeal per flow
create unique index flow_appeal_open_once_idx on flow_appeal (flow_id) where status = 'OPEN';
create index flow_appeal_flow_idx on flow_appeal (flow_id, opened_at);
-- the operators' queue: open appeals, oldest first
create index flow_appeal_queue_idx on flow_appeal (opened_at, id) where status = 'OPEN';
create index flow_appeal_all_idx on flow_appeal (opened_at desc, id);

alter table service_flow add constraint service_flow_open_appeal_fk foreign key (open_appeal_id) references flow_appeal (id);

create table flow_reminder (
    id         uuid primary key,
    flow_id    uuid        not null references service_flow (id),
    account_id uuid        not null references account (id),
    sent_at    timestamptz not null
);

create index flow_reminder_flow_idx on flow_reminder (flow_id, sent_at desc);
