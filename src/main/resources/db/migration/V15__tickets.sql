-- Service tickets (package tickets): a buyer's question to the marketplace (FAQ 10.11), answered by operators and,
-- when brought in, by the seller of the product it concerns. Every move and reply is a ticket_message; files are
-- ticket_attachment rows (bytea, by the supervision attachment rules).
create table ticket (
    id                      uuid primary key,
    account_id              uuid        not null references account (id),
    category                text        not null check (category in ('CANNOT_CONTACT_SELLER', 'BILLING_OR_REFUND',
                                                                     'CREDIT_LIMIT', 'TECHNICAL', 'OTHER')),
    subject                 text        not null,
    description             text        not null,
    -- what it concerns (at most one given; the product and its seller are derived from an order or an app)
    order_id                uuid references customer_order (id),
    app_id                  uuid references subscription (id),
    product_id              uuid references product (id),
    seller_id               uuid references account (id),
    seller_involved         boolean     not null default false,
    state                   text        not null check (state in ('OPEN', 'IN_PROGRESS', 'WAITING_FOR_BUYER',
                                                                  'WAITING_FOR_SELLER', 'RESOLVED', 'CLOSED')),
    assignee_id             uuid references account (id),
    -- since when the ticket has waited for an operator's answer (null: not waiting for one)
    awaiting_operator_since timestamptz,
    overdue                 boolean     not null default false,
    overdue_since           timestamptz,
    outcome                 text check (outcome in ('GRANTED', 'DECLINED')),
    granted_credit_limit    numeric(19, 2),
    resolved_at             timestamptz,
    closed_at               timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null default 0,
    check (seller_id is not null or not seller_involved)
);

create index ticket_account_idx on ticket (account_id, created_at desc);
create index ticket_seller_idx on ticket (seller_id, created_at desc) where seller_involved;
-- the operators' queue (overdue first, then oldest awaiting) and the service-level job's claims
create index ticket_queue_idx on ticket (overdue desc, awaiting_operator_since, created_at);
create index ticket_awaiting_idx on ticket (awaiting_operator_since) where awaiting_operator_since is not null
    and not overdue;
create index ticket_resolved_idx on ticket (resolved_at) where state = 'RESOLVED';

create table ticket_message (
    id         uuid primary key,
    seq        bigint generated always as identity,
    ticket_id  uuid        not null references ticket (id),
    at         timestamptz not null,
    actor_id   uuid references account (id),
    actor_role text        not null check (actor_role in ('customer', 'operator', 'seller', 'system')),
    action     text        not null,
    from_state text,
    to_state   text        not null,
    text       text
);

create index ticket_message_ticket_idx on ticket_message (ticket_id, seq);
create index ticket_message_operator_idx on ticket_message (actor_id) where actor_role = 'operator';

create table ticket_attachment (
    id           uuid primary key,
    ticket_id    uuid        not null references ticket (id),
    message_id   uuid        not null references ticket_message (id),
    uploaded_by  uuid        not null references account (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null check (size_bytes > 0),
    position     int         not null,
    data         bytea       not null,
    created_at   timestamptz not null
);

create index ticket_attachment_message_idx on ticket_attachment (message_id);
create index ticket_attachment_ticket_idx on ticket_attachment (ticket_id);
