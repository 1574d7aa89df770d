-- OpenGallery schema, part 3: notifications.
-- "notification" is the in-app inbox; "notification_delivery" is the outbox of e-mails and text messages,
-- written in the same transaction as the business change and sent afterwards by NotificationDeliveryJob.

-- A mobile number for text messages (E.164, e.g. +4915112345678); null = no SMS.
alter table account add column phone text;

create table notification (
    id         uuid primary key,
    account_id uuid        not null references account (id),
    kind       text        not null,
    title      text        not null,
    body       text        not null,
    link       text,
    created_at timestamptz not null,
    read_at    timestamptz
);

create index notification_account_idx on notification (account_id, created_at desc);
-- the unread badge
create index notification_unread_idx on notification (account_id) where read_at is null;

create table notification_delivery (
    id              uuid primary key,
    notification_id uuid        not null references notification (id) on delete cascade,
    channel         text        not null check (channel in ('EMAIL', 'SMS')),
    recipient       text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz
);

-- the delivery job's work queue: due rows only
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_notification_idx on notification_delivery (notification_id);
