-- OpenGallery schema, part 6: purchased apps (application information, password reveals), upgrades and
-- capacity expansion, renewals (manual and automatic) and the expiry lifecycle, unsubscription, invoices.

-- Orders that change or renew a purchased app are ordinary orders (they show in order lists and invoices),
-- marked with their kind and the subscription they change.
alter table customer_order
    add column kind            text not null default 'NEW'
        check (kind in ('NEW', 'RENEWAL', 'UPGRADE', 'EXPANSION')),
    add column subscription_id uuid references subscription (id),
    -- a renewal order: the expiry it extends from
    add column renewed_from    timestamptz,
    add constraint customer_order_change_has_subscription
        check ((kind = 'NEW') = (subscription_id is null) and ((kind = 'RENEWAL') = (renewed_from is not null)));

create index customer_order_subscription_idx on customer_order (subscription_id) where subscription_id is not null;
-- one renewal per subscription and expiry: two replicas (or the job and the buyer) never renew one term twice
create unique index customer_order_renewal_once_idx on customer_order (subscription_id, renewed_from)
    where kind = 'RENEWAL';

alter table subscription
    -- what the app is now, after upgrades (null: as the original order bought it)
    add column specification_name  text,
    add column pricing_model       text,
    -- the current term, which daily prices are computed over (null: the original order's term)
    add column term_starts_at      timestamptz,
    add column term_periods        int check (term_periods >= 1),
    add column term_list_price     numeric(19, 2),
    -- periods bought since starts_at (null: the original order's); expiry = starts_at + periods_bought periods
    add column periods_bought      int check (periods_bought >= 1),
    -- auto-renewal
    add column auto_renew          boolean     not null default false,
    add column auto_renew_periods  int check (auto_renew_periods >= 1),
    add column auto_renew_next_try timestamptz,
    add column auto_renew_failures int         not null default 0,
    add column auto_renew_error    text,
    -- the expiry lifecycle
    add column grace_at            timestamptz,
    add column retention_at        timestamptz,
    add column released_at         timestamptz,
    -- unsubscription
    add column unsubscribed_at     timestamptz,
    add column refund_amount       numeric(19, 2),
    -- SaaS application information, supplied by the seller; the password is AES-GCM encrypted (never plain)
    add column app_username        text,
    add column app_password        bytea,
    add column app_management_url  text,
    add column app_frontend_url    text,
    add column app_guide_url       text,
    add column app_info_updated_at timestamptz,
    add constraint subscription_auto_renew_periods check (not auto_renew or auto_renew_periods is not null);

-- the lifecycle job reads live subscriptions by expiry; the auto-renewal job the ones that renew themselves
create index subscription_expiry_idx on subscription (expires_at)
    where status in ('ACTIVE', 'GRACE', 'RETENTION') and expires_at is not null;
create index subscription_auto_renew_idx on subscription (expires_at)
    where auto_renew and status in ('ACTIVE', 'GRACE', 'RETENTION');
create index subscription_product_idx on subscription (product_id);

-- What happened to a purchased app: who, when, what, and the order that paid for it.
create table subscription_event (
    id              bigserial primary key,
    subscription_id uuid        not null references subscription (id),
    at              timestamptz not null,
    actor_id        uuid,
    actor_role      text        not null,
    kind            text        not null,
    from_status     text,
    to_status       text,
    order_id        uuid references customer_order (id),
    note            text
);

create index subscription_event_subscription_idx on subscription_event (subscription_id, id);

-- Every attempt to reveal a SaaS app's password. The rate limit counts REVEALED rows of the last window.
create table app_password_reveal (
    id              bigserial primary key,
    subscription_id uuid        not null references subscription (id),
    account_id      uuid        not null references account (id),
    subject         text        not null,
    outcome         text        not null check (outcome in ('REVEALED', 'RATE_LIMITED', 'NOT_SET')),
    at              timestamptz not null
);

create index app_password_reveal_window_idx on app_password_reveal (subscription_id, at) where outcome = 'REVEALED';

-- Invoices over paid orders.
create table invoice (
    id                  uuid primary key,
    account_id          uuid           not null references account (id),
    title               text           not null,
    tax_id              text           not null,
    amount              numeric(19, 2) not null check (amount > 0),
    currency            char(3)        not null,
    state               text           not null check (state in ('REQUESTED', 'ISSUED', 'RETURN_REQUESTED', 'RETURNED')),
    number              text,
    note                text,
    requested_at        timestamptz    not null,
    issued_at           timestamptz,
    return_requested_at timestamptz,
    returned_at         timestamptz,
    version             bigint         not null default 0,
    check ((state in ('ISSUED', 'RETURN_REQUESTED')) = (number is not null) or state = 'RETURNED')
);

create index invoice_account_idx on invoice (account_id, requested_at desc, id);
create index invoice_state_idx on invoice (state, requested_at);
-- an invoice number is given once
create unique index invoice_number_idx on invoice (number) where number is not null;

create table invoice_order (
    invoice_id uuid           not null references invoice (id),
    order_id   uuid           not null references customer_order (id),
    amount     numeric(19, 2) not null check (amount > 0),
    -- false once the invoice is returned; an order is on one live invoice at most
    live       boolean        not null default true,
    primary key (invoice_id, order_id)
);

create unique index invoice_order_live_idx on invoice_order (order_id) where live;

create table invoice_event (
    id         bigserial primary key,
    invoice_id uuid        not null references invoice (id),
    at         timestamptz not null,
    actor_id   uuid,
    actor_role text        not null,
    from_state text,
    to_state   text        not null,
    note       text
);

create index invoice_event_invoice_idx on invoice_event (invoice_id, id);
