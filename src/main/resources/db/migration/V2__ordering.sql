-- OpenGallery schema, part 2: customer money (balance, credit, ledger), orders and payment, VPCs, the
-- records that purchased apps and service supervision build on, and idempotent requests.

alter table account
    add column currency      char(3)        not null default 'USD',
    -- always the sum of the account's ledger entries; below zero only within credit_limit
    add column balance       numeric(19, 2) not null default 0,
    add column credit_limit  numeric(19, 2) not null default 0 check (credit_limit >= 0),
    add column reseller      text,
    add constraint account_balance_within_credit check (balance >= -credit_limit);

create table ledger_entry (
    id            uuid primary key,
    seq           bigint generated always as identity,
    account_id    uuid           not null references account (id),
    kind          text           not null check (kind in ('TOP_UP', 'PAYMENT', 'REFUND', 'CHARGE', 'SETTLEMENT')),
    amount        numeric(19, 2) not null,
    balance_after numeric(19, 2) not null,
    order_id      uuid,
    reference     text,
    note          text,
    created_at    timestamptz    not null
);

create index ledger_entry_account_idx on ledger_entry (account_id, seq desc);
-- a payment provider's top-up reference is credited once
create unique index ledger_entry_top_up_reference_idx on ledger_entry (reference) where kind = 'TOP_UP' and reference is not null;
-- an order is paid once and refunded once
create unique index ledger_entry_payment_once_idx on ledger_entry (order_id) where kind = 'PAYMENT';
create unique index ledger_entry_refund_once_idx on ledger_entry (order_id) where kind = 'REFUND';

create table vpc (
    id         uuid primary key,
    account_id uuid        not null references account (id),
    name       text        not null,
    cidr       text        not null,
    created_at timestamptz not null,
    unique (account_id, name)
);

create table security_group (
    id         uuid primary key,
    account_id uuid        not null references account (id),
    vpc_id     uuid        not null references vpc (id),
    name       text        not null,
    created_at timestamptz not null,
    unique (vpc_id, name)
);

-- ECS flavours and their prices (the cloud resource fee of image orders).
create table ecs_flavor (
    code       text primary key,
    vcpus      int            not null,
    memory_gib int            not null,
    hourly     numeric(19, 4) not null,
    monthly    numeric(19, 2) not null,
    yearly     numeric(19, 2) not null,
    position   int            not null
);

insert into ecs_flavor (code, vcpus, memory_gib, hourly, monthly, yearly, position) values
    ('s6.small.1',   1,  1, 0.0120,   8.50,   85.00, 10),
    ('s6.medium.2',  1,  2, 0.0240,  16.80,  168.00, 20),
    ('s6.large.2',   2,  4, 0.0480,  33.60,  336.00, 30),
    ('s6.xlarge.2',  4,  8, 0.0960,  67.20,  672.00, 40),
    ('c6.2xlarge.4', 8, 32, 0.3800, 265.00, 2650.00, 50);

create table customer_order (
    id                  uuid primary key,
    account_id          uuid           not null references account (id),
    seller_id           uuid           not null references account (id),
    product_id          uuid           not null references product (id),
    product_type        text           not null,
    product_name        text           not null,
    specification_id    uuid           not null,
    specification_name  text           not null,
    pricing_model       text           not null,
    billing_mode        text           not null,
    quantity            int            not null check (quantity >= 1),
    periods             int            not null check (periods >= 1),
    currency            char(3)        not null,
    unit_price          numeric(19, 4) not null,
    list_price          numeric(19, 2) not null,
    discount_amount     numeric(19, 2) not null default 0,
    image_fee           numeric(19, 2),
    ecs_fee             numeric(19, 2),
    amount_due          numeric(19, 2) not null check (amount_due >= 0),
    state               text           not null check (state in ('PENDING_PAYMENT', 'PROCESSING', 'COMPLETED', 'CANCELED')),
    supervised          boolean        not null,
    terms_accepted_at   timestamptz    not null,
    contact_authorized  boolean        not null default false,
    paid_by_reseller    boolean        not null default false,
    reseller            text,
    payment_method      text check (payment_method in ('BALANCE', 'CREDIT', 'RESELLER')),
    ecs                 jsonb,
    ecs_id              text,
    invoice_state       text           not null default 'NONE'
        check (invoice_state in ('NONE', 'REQUESTED', 'ISSUED', 'RETURN_REQUESTED', 'RETURNED')),
    created_at          timestamptz    not null,
    paid_at             timestamptz,
    completed_at        timestamptz,
    canceled_at         timestamptz,
    cancel_reason       text,
    version             bigint         not null default 0
);

create index customer_order_account_idx on customer_order (account_id, created_at desc, id);
create index customer_order_seller_idx on customer_order (seller_id, created_at desc, id);
create index customer_order_created_idx on customer_order (created_at desc, id);
-- the unpaid-order job reads only pending orders, oldest first
create index customer_order_pending_idx on customer_order (created_at) where state = 'PENDING_PAYMENT';

-- Who moved an order, when and why.
create table order_event (
    id          bigserial primary key,
    order_id    uuid        not null references customer_order (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor_role  text        not null,
    from_state  text,
    to_state    text        not null,
    reason      text
);

create index order_event_order_idx on order_event (order_id, id);

-- A purchased app. Purchased-app features (details, renewals, upgrades, unsubscription) build on it.
create table subscription (
    id               uuid primary key,
    account_id       uuid           not null references account (id),
    order_id         uuid           not null unique references customer_order (id),
    product_id       uuid           not null references product (id),
    specification_id uuid           not null,
    product_type     text           not null,
    billing_mode     text           not null,
    quantity         int            not null,
    discount_rate    numeric(9, 6)  not null default 1,
    amount_paid      numeric(19, 2) not null,
    starts_at        timestamptz    not null,
    expires_at       timestamptz,
    status           text           not null check (status in ('ACTIVE', 'GRACE', 'RETENTION', 'RELEASED', 'UNSUBSCRIBED', 'CANCELED')),
    -- SaaS with service supervision is listed among purchased apps only once supervision completes
    visible          boolean        not null,
    ecs_id           text,
    created_at       timestamptz    not null,
    version          bigint         not null default 0
);

create index subscription_account_idx on subscription (account_id, created_at desc);

-- The delivery flow of a supervised order; service supervision builds on it.
create table service_flow (
    id         uuid primary key,
    order_id   uuid        not null unique references customer_order (id),
    account_id uuid        not null references account (id),
    seller_id  uuid        not null references account (id),
    state      text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

-- Requests sent with an Idempotency-Key: the first answer is stored and replayed.
create table idempotent_request (
    account_id      uuid        not null references account (id),
    key             text        not null,
    operation       text        not null,
    request_hash    text        not null,
    response_status int         not null,
    response_body   text        not null,
    created_at      timestamptz not null,
    primary key (account_id, key)
);
