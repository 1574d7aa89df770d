-- OpenGallery schema, part 7: pay-per-use image metering and hourly billing.
--
-- metering_event   what the compute service reported (one row per event id; a repeated id is ignored)
-- metering_ecs     one row per ECS that has reported events: owner and arrears-suspension flag
-- metering_period  per ECS, when which pay-per-use image was in billable use, derived from the ECS's events
--                  applied in event-time order (re-derived, for that ECS only, whenever one of its events arrives)
-- metering_rebill  ECSs whose periods changed, from which hour: the billing job re-bills them from there
-- metering_charge  one row per (ECS, image product, clock hour), UNIQUE: the database forbids a second charge
-- metering_cursor  the billed-hours watermark: every hour before billed_until has been billed
-- metering_run     what each billing run did; metering_posting: per run and account, what was charged
-- metering_account per account: the fraction of a cent not yet posted to the ledger, and arrears
-- metering_outbox  SUSPEND / RESUME events for the compute service, delivered at least once

create table metering_ecs (
    ecs_id            text primary key,
    account_id        uuid        not null references account (id),
    -- the state after the ECS's latest event (RUNNING, SUSPENDED, EXPIRED, DELETED; NEW before CREATED)
    status            text        not null,
    product_id        uuid,
    ecs_billing_mode  text,
    expires_at        timestamptz,
    -- a SUSPEND for arrears was queued and no RESUME since
    arrears_suspended boolean     not null default false,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index metering_ecs_account_idx on metering_ecs (account_id);

create table metering_event (
    id               text primary key,
    seq              bigint generated always as identity,
    ecs_id           text        not null references metering_ecs (ecs_id),
    type             text        not null check (type in ('CREATED', 'SUSPENDED', 'RESUMED', 'IMAGE_REPLACED',
                                                          'EXPIRED', 'RENEWED', 'DELETED')),
    occurred_at      timestamptz not null,
    received_at      timestamptz not null,
    -- CREATED and IMAGE_REPLACED: the image now on the ECS (null on IMAGE_REPLACED: an image not billed by the hour)
    product_id       uuid,
    specification_id uuid,
    -- the specification's PAY_PER_USE price when the event was accepted (specifications are immutable: a product
    -- edit replaces them), so the hourly price of that image on that ECS
    hourly_price     numeric(19, 4),
    currency         char(3),
    -- CREATED: PAY_PER_USE, YEARLY or MONTHLY; CREATED (yearly/monthly) and RENEWED: the expiry
    ecs_billing_mode text check (ecs_billing_mode in ('PAY_PER_USE', 'YEARLY', 'MONTHLY')),
    expires_at       timestamptz
);

create index metering_event_ecs_idx on metering_event (ecs_id, occurred_at, seq);

create table metering_period (
    id               bigint generated always as identity primary key,
    ecs_id           text           not null references metering_ecs (ecs_id),
    account_id       uuid           not null,
    product_id       uuid           not null,
    specification_id uuid           not null,
    hourly_price     numeric(19, 4) not null check (hourly_price >= 0),
    currency         char(3)        not null,
    starts_at        timestamptz    not null,
    -- exclusive; null = still in use
    ends_at          timestamptz,
    -- an earlier period of the same ECS and product touches this one's first hour: that hour is charged once,
    -- by the earlier period (so the billing statement never makes two rows for one key and needs no sort)
    skip_first_hour  boolean        not null default false,
    check (ends_at is null or ends_at > starts_at)
);

create index metering_period_ecs_idx on metering_period (ecs_id, starts_at);
-- the billing job reads periods still open or ended recently
create index metering_period_ends_idx on metering_period (ends_at);

create table metering_rebill (
    ecs_id    text primary key,
    from_hour timestamptz not null,
    -- the billing run that has taken this marker (null: not yet taken)
    run_id    uuid
);

-- No foreign keys here on purpose: this table takes a row per image-hour of every ECS, written set-based by the
-- billing job; what it refers to was checked when the events were accepted.
create table metering_charge (
    id               bigint generated always as identity,
    ecs_id           text           not null,
    product_id       uuid           not null,
    hour             timestamptz    not null,
    account_id       uuid           not null,
    specification_id uuid           not null,
    amount           numeric(19, 4) not null,
    currency         char(3)        not null,
    run_id           uuid           not null,
    created_at       timestamptz    not null,
    constraint metering_charge_once unique (ecs_id, product_id, hour)
);

-- buyers' listings and the monthly CSV
create index metering_charge_account_idx on metering_charge (account_id, hour);

create table metering_cursor (
    name         text primary key,
    billed_until timestamptz not null
);

create table metering_run (
    id           uuid primary key,
    from_hour    timestamptz    not null,
    to_hour      timestamptz    not null,
    charges      bigint         not null,
    accounts     bigint         not null,
    amount       numeric(19, 4) not null,
    arrears      numeric(19, 2) not null,
    suspends     bigint         not null,
    started_at   timestamptz    not null,
    finished_at  timestamptz    not null
);

create table metering_posting (
    run_id      uuid           not null,
    account_id  uuid           not null,
    charges     bigint         not null,
    amount      numeric(19, 4) not null,
    first_hour  timestamptz    not null,
    last_hour   timestamptz    not null,
    primary key (run_id, account_id)
);

create table metering_account (
    account_id uuid primary key references account (id),
    -- charged but below one cent, not yet posted to the ledger (0 <= carry < 0.01)
    carry      numeric(19, 4) not null default 0 check (carry >= 0),
    arrears    numeric(19, 2) not null default 0 check (arrears >= 0),
    updated_at timestamptz
);

create table metering_outbox (
    id              uuid primary key,
    seq             bigint generated always as identity,
    ecs_id          text        not null,
    account_id      uuid        not null,
    type            text        not null check (type in ('SUSPEND', 'RESUME')),
    reason          text        not null,
    created_at      timestamptz not null,
    status          text        not null check (status in ('PENDING', 'SENT')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz
);

-- the delivery worker's queue, in order per ECS
create index metering_outbox_due_idx on metering_outbox (next_attempt_at, seq) where status = 'PENDING';
create index metering_outbox_ecs_idx on metering_outbox (ecs_id, seq) where status = 'PENDING';
