-- OpenGallery schema, part 4: private offers and milestone payments.

-- Offer credit: a credit line for milestone-paid offer orders, separate from the platform's credit.
alter table account
    add column offer_credit_limit numeric(19, 2) not null default 0 check (offer_credit_limit >= 0),
    add column offer_credit_used  numeric(19, 2) not null default 0 check (offer_credit_used >= 0);

alter table customer_order drop constraint customer_order_payment_method_check;
alter table customer_order
    add constraint customer_order_payment_method_check
        check (payment_method in ('BALANCE', 'CREDIT', 'RESELLER', 'MONTHLY_SETTLEMENT')),
    add column offer_id  uuid,
    add column milestone boolean not null default false;

create table private_offer (
    id                  uuid primary key,
    seller_id           uuid           not null references account (id),
    customer_account_id uuid           not null references account (id),
    product_id          uuid           not null references product (id),
    specification_id    uuid           not null,
    billing_mode        text           not null,
    quantity            int            not null check (quantity >= 1),
    periods             int            not null check (periods >= 1),
    discount_type       text           not null check (discount_type in ('PERCENTAGE', 'FIXED_PRICE')),
    discount_value      numeric(19, 4) not null check (discount_value >= 0),
    milestones          numeric(5, 2)[],
    currency            char(3)        not null,
    -- the price when the offer was made, for display; an order is priced again from the catalogue
    list_price          numeric(19, 2) not null,
    offer_price         numeric(19, 2) not null,
    token               text           not null unique,
    expires_at          timestamptz    not null,
    status              text           not null check (status in ('ACTIVE', 'USED', 'WITHDRAWN')),
    used_order_id       uuid,
    note                text,
    created_at          timestamptz    not null,
    withdrawn_at        timestamptz
);

create index private_offer_customer_idx on private_offer (customer_account_id, status, expires_at);
create index private_offer_seller_idx on private_offer (seller_id, created_at desc);
-- an offer is used by one order at most
create unique index private_offer_used_once_idx on private_offer (used_order_id) where used_order_id is not null;

alter table customer_order add constraint customer_order_offer_fk foreign key (offer_id) references private_offer (id);

create table milestone_bill (
    id           uuid primary key,
    order_id     uuid           not null references customer_order (id),
    account_id   uuid           not null references account (id),
    milestone    int            not null,
    milestones   int            not null,
    percent      numeric(5, 2)  not null,
    amount       numeric(19, 2) not null,
    currency     char(3)        not null,
    status       text           not null check (status in ('GENERATED', 'PAID', 'OVERDUE')),
    generated_at timestamptz    not null,
    due_at       timestamptz    not null,
    paid_at      timestamptz,
    unique (order_id, milestone)
);

create index milestone_bill_account_idx on milestone_bill (account_id, generated_at desc);
-- the overdue job reads only unpaid bills by due date
create index milestone_bill_due_idx on milestone_bill (due_at) where status = 'GENERATED';
