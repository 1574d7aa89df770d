-- OpenGallery schema, part 16: application requirements (FAQ 10.9). A buyer who finds no application that meets a
-- need posts a requirement; operators publish it (without the contact details) to the sellers of its category, who
-- answer with private offers linked back to it. Owned by the requirements package.

create table requirement (
    id             uuid primary key,
    account_id     uuid           not null references account (id),
    description    text           not null,
    company        text,
    contact_person text,
    phone          text,
    email          text,
    category_code  text           not null references category (code),
    budget_min     numeric(19, 4) check (budget_min >= 0),
    budget_max     numeric(19, 4) check (budget_max > 0),
    currency       char(3),
    state          text           not null check (state in ('SUBMITTED', 'PUBLISHED', 'REJECTED', 'CLOSED')),
    reject_reason  text,
    closed_reason  text check (closed_reason in ('BUYER', 'EXPIRED')),
    created_at     timestamptz    not null,
    published_at   timestamptz,
    decided_at     timestamptz,
    closed_at      timestamptz,
    version        int            not null default 0,
    check (budget_min is null or budget_max is null or budget_min <= budget_max),
    check ((budget_min is null and budget_max is null) = (currency is null)),
    check ((state = 'CLOSED') = (closed_reason is not null))
);

-- the buyer's own list, newest first
create index requirement_account_idx on requirement (account_id, created_at desc);
-- the operators' queue (oldest first) and the expiry job (open requirements by age)
create index requirement_state_idx on requirement (state, created_at);
-- the sellers' list: open requirements of a category
create index requirement_published_idx on requirement (category_code, published_at desc) where state = 'PUBLISHED';

-- a private offer may answer a requirement (offers writes the column; the requirement's answers read it)
alter table private_offer add column requirement_id uuid references requirement (id);
create index private_offer_requirement_idx on private_offer (requirement_id) where requirement_id is not null;
