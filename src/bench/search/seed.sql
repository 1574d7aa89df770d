-- Search benchmark data (src/bench/search/run.sh): 12 sellers and 100,000 LISTED products, set-based.
-- Names, summaries, tags and descriptions are drawn from word lists, technologies and topics with skewed
-- (exponential) picks, so that full-text queries range from selective (a rare technology or brand, tens to hundreds of matches) to
-- broad (a common topic or adjective, thousands to tens of thousands of matches). The random generator is
-- seeded, so a run on the same PostgreSQL version produces the same words. Run with psql -v products=N.
-- With -v first=K (default 1) it adds products K..N to those already there (the growth run of run.sh: 10,000, then
-- up to 100,000, then up to 1,000,000), each batch with its own seed.
\set ON_ERROR_STOP on
\if :{?first}
\else
\set first 1
\endif
select setseed(0.2026 + (:first - 1) / 1e8);

insert into account (id, subject, display_name, email, created_at)
select ('00000000-0000-4000-8000-' || lpad(to_hex(s), 12, '0'))::uuid, 'bench-seller-' || s, 'Bench seller ' || s,
       'seller' || s || '@bench.example', now() - interval '800 days'
from generate_series(1, 12) s
on conflict do nothing;

insert into seller_profile (account_id, company_name, service_email, service_phone, support_range, created_at, updated_at)
select ('00000000-0000-4000-8000-' || lpad(to_hex(s), 12, '0'))::uuid,
       (array['Northwind Cloud', 'Bluefin Software', 'Tallgrass Systems', 'Redwood Labs', 'Ironbark IT',
              'Silverline Digital', 'Copperleaf Tech', 'Stonebridge Solutions', 'Brightwater Data',
              'Greenfield Apps', 'Highland Networks', 'Westgate Consulting'])[s],
       'support' || s || '@bench.example', '+1-555-01' || lpad(s::text, 2, '0'), 'Mon-Fri 9:00-18:00',
       now() - interval '800 days', now() - interval '800 days'
from generate_series(1, 12) s
on conflict do nothing;

create temp table w as select
    array['Nimbus', 'Quanta', 'Vertex', 'Polar', 'Cobalt', 'Helix', 'Aurora', 'Zephyr', 'Orion', 'Lumen',
          'Atlas', 'Nova', 'Pivot', 'Summit', 'Beacon', 'Cascade', 'Ember', 'Falcon', 'Granite', 'Harbor',
          'Iris', 'Juniper', 'Kestrel', 'Lattice', 'Meridian', 'Nexus', 'Onyx', 'Prism', 'Quartz', 'Raven',
          'Sierra', 'Tundra', 'Umbra', 'Vortex', 'Willow', 'Xenon', 'Yarrow', 'Zenith', 'Alder', 'Birch'] as brand,
    -- technologies, most popular first (the first in ~3% of names, the last in ~0.1%)
    array['WordPress', 'MySQL', 'PostgreSQL', 'Redis', 'Kubernetes', 'Docker', 'Nginx', 'Tomcat', 'Java',
          'Python', 'Node.js', 'PHP', 'Magento', 'Drupal', 'Joomla', 'Jenkins', 'GitLab', 'Elasticsearch',
          'Kafka', 'RabbitMQ', 'MongoDB', 'Hadoop', 'Spark', 'TensorFlow', 'Grafana', 'Prometheus', 'Ansible',
          'Terraform', 'Windows', 'Ubuntu', 'CentOS', 'Debian', 'Odoo', 'SAP', 'Salesforce', 'Shopify',
          'Moodle', 'Nextcloud', 'Mattermost', 'Jira', 'Confluence', 'MinIO', 'Ceph', 'Zabbix', 'Nagios',
          'OpenVPN', 'WireGuard', 'Keycloak', 'Vault', 'Consul', 'Airflow', 'Superset', 'Metabase',
          'ClickHouse', 'Cassandra', 'InfluxDB', 'Memcached', 'HAProxy', 'Traefik', 'SonarQube',
          'Laravel', 'Django', 'Rails', 'Spring Boot', 'Golang', 'Rust', 'Flask', 'IIS', 'Apache', 'Varnish',
          'Solr', 'OpenSearch', 'Kibana', 'Logstash', 'Fluentd', 'Loki', 'Jaeger', 'Istio', 'Linkerd', 'Argo CD',
          'Helm', 'Podman', 'OpenShift', 'Rancher', 'Proxmox', 'VMware', 'OpenStack', 'Nomad', 'Packer', 'Puppet',
          'Chef', 'SaltStack', 'Gitea', 'Bitbucket', 'TeamCity', 'Bamboo', 'Selenium', 'JMeter', 'Postfix',
          'Dovecot'] as tech,
    -- what a product is about, most common first (skewed like the technologies)
    array['hosting', 'backup', 'monitoring', 'security', 'analytics', 'database', 'cache', 'firewall', 'storage',
          'logging', 'CRM', 'ecommerce', 'migration', 'scanner', 'compliance', 'billing', 'chat', 'email',
          'search', 'streaming', 'machine learning', 'DevOps', 'continuous integration', 'load balancer', 'VPN',
          'identity', 'ERP', 'payroll', 'accounting', 'inventory', 'project management', 'helpdesk',
          'content management', 'blog', 'forum', 'e-learning', 'video', 'IoT', 'GIS', 'reporting',
          'business intelligence', 'ETL', 'testing', 'API gateway', 'automation', 'scheduling', 'encryption',
          'disaster recovery', 'high availability', 'data warehouse'] as topic,
    array['secure', 'fast', 'scalable', 'managed', 'lightweight', 'reliable', 'automated', 'enterprise-grade',
          'open-source', 'cost-effective', 'simple', 'high-performance', 'hardened', 'preconfigured',
          'multi-tenant', 'self-service', 'real-time', 'compliant', 'modular', 'resilient'] as adj,
    array['small businesses', 'developers', 'startups', 'enterprises', 'agencies', 'schools', 'retailers',
          'hospitals', 'banks', 'game studios', 'online shops', 'universities', 'manufacturers', 'logistics teams',
          'public sector', 'nonprofits', 'law firms', 'media companies', 'SaaS vendors', 'operations teams'] as audience,
    -- everyday product-copy words for descriptions (picked uniformly: each is in a sizeable share of products)
    array['deploy', 'minutes', 'one-click', 'install', 'configure', 'users', 'teams',
          'performance', 'updates', 'support', 'documentation', 'integration', 'workflow', 'alerts',
          'metrics', 'reports', 'roles', 'permissions', 'audit', 'logs', 'console', 'interface', 'cluster',
          'nodes', 'replicas', 'snapshots', 'restore', 'schedule', 'policies', 'customers',
          'orders', 'invoices', 'catalog', 'checkout', 'payments', 'tickets', 'agents', 'queues', 'messages',
          'notifications', 'mobile', 'browser', 'region', 'latency', 'throughput', 'uptime', 'SLA',
          'certificates', 'domains', 'SSL', 'SSO', 'LDAP', 'API', 'SDK', 'webhooks', 'export',
          'import', 'upgrade', 'subscription', 'trial', 'pricing', 'hourly', 'monthly',
          'yearly', 'vendor', 'partner', 'certified', 'tested', 'optimized', 'tuned', 'kernel', 'runtime',
          'container', 'virtual', 'network', 'bandwidth', 'disk', 'memory', 'CPU',
          'files', 'folders', 'sync', 'share', 'collaborate', 'edit', 'review', 'approve', 'publish',
          'index', 'query', 'visualize', 'charts', 'widgets', 'team', 'company', 'growth',
          'productivity', 'insight', 'control', 'visibility', 'efficiency', 'savings'] as filler,
    array['IMAGE', 'SAAS', 'LICENSE', 'PROFESSIONAL_SERVICE', 'CONSULTING_SERVICE', 'CONTENT_SERVICE', 'HARDWARE'] as types,
    array(select code from category order by position) as categories;

-- one product per g; (the word picks inside string_agg name i so that the aggregate is the subquery's)
-- one product per g; r1..r13 are that product's random draws (volatile in a subquery: drawn once per row)
insert into product (id, seller_id, type, category_code, name, summary, description, tags, supervised, status,
                     currency, from_price, billing_modes, created_at, updated_at, submitted_at, listed_at)
select gen_random_uuid(),
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (x.g % 12)), 12, '0'))::uuid,
       x.type,
       w.categories[1 + floor(x.r4 * array_length(w.categories, 1))::int],
       w.brand[1 + floor(x.r1 * 40)::int] || ' ' || x.tech || ' ' || x.kind,
       initcap(w.adj[1 + floor(x.r10 * 20)::int]) || ' ' || x.topic1 || ' for ' || w.audience[1 + floor(x.r11 * 20)::int]
           || ', built on ' || x.tech || ' with ' || x.topic2 || '.',
       x.tech || ' ' || x.kind || ' by ' || w.brand[1 + floor(x.r1 * 40)::int] || '. '
           || (select string_agg(w.filler[1 + i * 0 + floor(random() * array_length(w.filler, 1))::int], ' ')
               from generate_series(1, 24 + (x.g % 24)) i)
           || '. Works with ' || w.tech[1 + floor(-ln(1 - x.r7) * 30)::int % 100] || ' for ' || x.topic2 || ' and '
           || w.topic[1 + floor(-ln(1 - x.r13) * 25)::int % 50] || '. '
           || (select string_agg(w.filler[1 + i * 0 + floor(random() * array_length(w.filler, 1))::int], ' ')
               from generate_series(1, 10 + (x.g % 17)) i) || '.',
       array[lower(x.tech), lower(x.topic1), lower(x.topic2)],
       x.type in ('LICENSE', 'PROFESSIONAL_SERVICE', 'CONSULTING_SERVICE') or (x.type = 'SAAS' and x.r5 < 0.3),
       'LISTED',
       'USD',
       x.price,
       array[x.mode],
       x.listed_at - interval '3 days', x.listed_at, x.listed_at - interval '1 day', x.listed_at
from (select y.*,
             w.tech[1 + floor(-ln(1 - y.r2) * 30)::int % 100] as tech,
             w.topic[1 + floor(-ln(1 - y.r3) * 25)::int % 50] as topic1,
             w.topic[1 + floor(-ln(1 - y.r12) * 25)::int % 50] as topic2,
             case y.type
                 when 'IMAGE' then (array['image', 'server', 'stack', 'runtime', 'appliance'])[1 + floor(y.r6 * 5)::int]
                 when 'SAAS' then (array['platform', 'suite', 'service', 'dashboard', 'manager', 'portal', 'studio', 'hub'])[1 + floor(y.r6 * 8)::int]
                 when 'LICENSE' then (array['license', 'edition', 'enterprise', 'toolkit'])[1 + floor(y.r6 * 4)::int]
                 when 'PROFESSIONAL_SERVICE' then (array['deployment', 'setup', 'integration', 'tuning', 'hardening'])[1 + floor(y.r6 * 5)::int]
                 when 'CONSULTING_SERVICE' then (array['consulting', 'audit', 'assessment', 'training', 'workshop'])[1 + floor(y.r6 * 5)::int]
                 when 'CONTENT_SERVICE' then (array['templates', 'themes', 'plugins', 'course', 'dataset'])[1 + floor(y.r6 * 5)::int]
                 else (array['gateway', 'device', 'router', 'sensor', 'storage array'])[1 + floor(y.r6 * 5)::int]
             end as kind,
             case y.type
                 when 'IMAGE' then 'PAY_PER_USE'
                 when 'SAAS' then case when y.r7 < 0.6 then 'MONTHLY' else 'YEARLY' end
                 when 'LICENSE' then case when y.r7 < 0.5 then 'YEARLY' else 'ONE_TIME' end
                 else 'ONE_TIME'
             end as mode,
             case y.type
                 when 'IMAGE' then round((0.01 + y.r8 * 2)::numeric, 4)
                 when 'SAAS' then round((5 + power(y.r8, 2) * 500)::numeric, 2)
                 when 'HARDWARE' then round((150 + y.r8 * 5000)::numeric, 2)
                 else round((50 + power(y.r8, 2) * 20000)::numeric, 2)
             end as price
      from (select g, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13,
                   case when t < 0.30 then 'IMAGE' when t < 0.65 then 'SAAS' when t < 0.75 then 'LICENSE'
                        when t < 0.83 then 'PROFESSIONAL_SERVICE' when t < 0.90 then 'CONSULTING_SERVICE'
                        when t < 0.96 then 'CONTENT_SERVICE' else 'HARDWARE' end as type,
                   now() - (power(r9, 1.3) * interval '730 days') as listed_at
            from (select g, random() t, random() r1, random() r2, random() r3, random() r4, random() r5,
                         random() r6, random() r7, random() r8, random() r9, random() r10, random() r11,
                         random() r12, random() r13
                  from generate_series(:first, :products) g) r) y
      cross join w) x
cross join w;

-- the products of this batch: those without a specification yet
create temp table batch as
select p.id from product p
where p.seller_id::text like '00000000-0000-4000-8000-%' and not exists (select 1 from specification s where s.product_id = p.id);

-- one specification with one FLAT price row per product, in the product's billing mode at its from price
insert into specification (id, product_id, position, name, description, pricing_model, unit, min_quantity, max_quantity)
select gen_random_uuid(), p.id, 1, 'Standard', 'Standard edition', 'FLAT',
       case when p.type = 'IMAGE' then 'instance' else 'unit' end, 1, 1
from product p join batch b on b.id = p.id;

insert into specification_price (specification_id, billing_mode, tier_from, tier_to, unit_price)
select s.id, p.billing_modes[1], 1, 1, p.from_price
from specification s join product p on p.id = s.product_id join batch b on b.id = p.id;

-- paid orders over the last weeks for about 3% of the products (the popularity sort and page counts read them)
insert into product_sales_day (product_id, day, paid_orders)
select p.id, (now() at time zone 'utc')::date - d, 1 + floor(random() * 5)::int
from (select id from batch where random() < 0.03) p
cross join generate_series(0, 40, 4) d;

analyze account; analyze seller_profile; analyze product; analyze specification; analyze specification_price; analyze product_sales_day;
