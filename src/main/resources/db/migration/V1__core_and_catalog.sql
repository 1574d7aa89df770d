-- OpenGallery schema, part 1: accounts and the product catalogue.
-- Flyway owns the schema; Hibernate never generates it.

create table account (
    id           uuid primary key,
    subject      text        not null unique,
    display_name text,
    email        text,
    created_at   timestamptz not null
);

-- A seller's public profile: shown on product details and on the seller page.
create table seller_profile (
    account_id    uuid primary key references account (id),
    company_name  text        not null,
    service_email text        not null,
    service_phone text        not null,
    support_range text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);

-- Reference data: the catalogue's categories (guide, FAQ 10.2).
create table category (
    code     text primary key,
    name     text not null,
    grouping text not null,
    position int  not null
);

insert into category (code, name, grouping, position) values
    ('RUNTIME_ENVIRONMENT',      'Running environment',        'Infrastructure software', 10),
    ('DATABASES_CACHE',          'Databases and cache',        'Infrastructure software', 20),
    ('CONTENT_MANAGEMENT',       'Content management',         'Infrastructure software', 30),
    ('SYSTEM_ADMINISTRATION',    'System administration',      'Infrastructure software', 40),
    ('BIG_DATA_ANALYTICS',       'Big data analytics',         'Infrastructure software', 50),
    ('STORAGE_BACKUP',           'Storage and backup',         'Infrastructure software', 60),
    ('SECURITY',                 'Security',                   'Infrastructure software', 70),
    ('BUSINESS_INTELLIGENCE',    'Business intelligence',      'Business software',       110),
    ('FINANCIAL_SERVICES',       'Financial services',         'Business software',       120),
    ('ENTERPRISE_APPLICATIONS',  'Enterprise applications',    'Business software',       130),
    ('CRM',                      'Customer relationship management', 'Business software', 140),
    ('E_COMMERCE',               'E-commerce',                 'Business software',       150),
    ('PROJECT_MANAGEMENT',       'Project management',         'Business software',       160),
    ('MIDDLEWARE',               'Internet middleware',        'Developer tools',         210),
    ('APPLICATION_DEVELOPMENT',  'Application development',    'Developer tools',         220),
    ('ISSUE_TRACKING',           'Issue and bug tracking',     'Developer tools',         230),
    ('LOG_ANALYSIS',             'Log analysis',               'Developer tools',         240),
    ('SOURCE_CONTROL',           'Source control',             'Developer tools',         250),
    ('TESTING',                  'Testing',                    'Developer tools',         260),
    ('DATA_MIGRATION',           'Data transfer',              'Professional services',   310),
    ('CONSULTING_TRAINING',      'Consulting and training',    'Professional services',   320),
    ('ENVIRONMENT_CONFIGURATION','Environment configuration',  'Professional services',   330),
    ('MAINTENANCE',              'Maintenance',                'Professional services',   340),
    ('HARDWARE_DEVICES',         'Hardware and devices',       'Hardware',                410);

create table product (
    id                             uuid primary key,
    seller_id                      uuid        not null references account (id),
    type                           text        not null check (type in ('IMAGE', 'SAAS', 'LICENSE', 'PROFESSIONAL_SERVICE',
                                                                        'CONSULTING_SERVICE', 'CONTENT_SERVICE', 'HARDWARE')),
    category_code                  text        not null references category (code),
    name                           text        not null,
    summary                        text        not null,
    description                    text        not null,
    tags                           text[]      not null default '{}',
    guide_url                      text,
    supervised                     boolean     not null,
    request_template               text,
    security_groups                text[]      not null default '{}',
    contact_authorization_required boolean     not null default false,
    status                         text        not null check (status in ('DRAFT', 'IN_REVIEW', 'LISTED', 'REJECTED', 'DELISTED')),
    status_reason                  text,
    currency                       char(3)     not null,
    -- lowest unit price over all specifications and billing modes, for price filters and sorting
    from_price                     numeric(19, 4),
    billing_modes                  text[]      not null default '{}',
    created_at                     timestamptz not null,
    updated_at                     timestamptz not null,
    submitted_at                   timestamptz,
    listed_at                      timestamptz,
    version                        bigint      not null default 0,
    search_vector                  tsvector
);

create index product_seller_idx on product (seller_id, created_at desc);
create index product_status_idx on product (status, submitted_at);
create index product_listed_search_idx on product using gin (search_vector) where status = 'LISTED';
create index product_listed_newest_idx on product (listed_at desc, id) where status = 'LISTED';
create index product_listed_price_idx on product (from_price, id) where status = 'LISTED';
create index product_listed_category_idx on product (category_code, listed_at desc) where status = 'LISTED';

-- The full-text document: name weighs most, then summary and tags, then the description.
create function product_search_vector_update() returns trigger
    language plpgsql as
$$
begin
    new.search_vector :=
            setweight(to_tsvector('english', coalesce(new.name, '')), 'A') ||
            setweight(to_tsvector('english', coalesce(new.summary, '')), 'B') ||
            setweight(to_tsvector('english', array_to_string(new.tags, ' ')), 'B') ||
            setweight(to_tsvector('english', coalesce(new.description, '')), 'C');
    return new;
end
$$;

create trigger product_search_vector_trg
    before insert or update of name, summary, tags, description
    on product
    for each row
execute function product_search_vector_update();

create table specification (
    id            uuid primary key,
    product_id    uuid not null references product (id) on delete cascade,
    position      int  not null,
    name          text not null,
    description   text,
    pricing_model text not null check (pricing_model in ('FLAT', 'LINEAR', 'TIERED', 'VOLUME')),
    unit          text,
    min_quantity  int  not null check (min_quantity >= 1),
    max_quantity  int check (max_quantity is null or max_quantity >= min_quantity),
    unique (product_id, position)
);

create index specification_product_idx on specification (product_id);

-- One row per (specification, billing mode, tier). FLAT and LINEAR have one tier per mode starting at the
-- specification's minimum quantity; TIERED and VOLUME have contiguous tiers, the last one open-ended or
-- ending at the specification's maximum.
create table specification_price (
    specification_id uuid           not null references specification (id) on delete cascade,
    billing_mode     text           not null check (billing_mode in ('YEARLY', 'MONTHLY', 'PAY_PER_USE', 'ONE_TIME')),
    tier_from        int            not null,
    tier_to          int,
    unit_price       numeric(19, 4) not null check (unit_price >= 0),
    primary key (specification_id, billing_mode, tier_from)
);

-- Product popularity: paid orders per product and day, written by the ordering feature when an order is
-- paid. "Popular applications" = most paid orders over the last 30 days. A day's count is spread over a few
-- shard rows so that concurrent payments for one product do not queue on a single row lock; readers sum them.
create table product_sales_day (
    product_id  uuid     not null references product (id) on delete cascade,
    day         date     not null,
    shard       smallint not null default 0,
    paid_orders int      not null default 0,
    primary key (product_id, day, shard)
);

create index product_sales_day_day_idx on product_sales_day (day, product_id);

create table favorite (
    id               uuid primary key,
    account_id       uuid        not null references account (id),
    product_id       uuid        not null references product (id) on delete cascade,
    specification_id uuid references specification (id) on delete set null,
    billing_mode     text check (billing_mode in ('YEARLY', 'MONTHLY', 'PAY_PER_USE', 'ONE_TIME')),
    quantity         int check (quantity >= 1),
    periods          int check (periods >= 1),
    created_at       timestamptz not null
);

create unique index favorite_unique_idx on favorite (account_id, product_id, coalesce(specification_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index favorite_account_idx on favorite (account_id, created_at desc);
