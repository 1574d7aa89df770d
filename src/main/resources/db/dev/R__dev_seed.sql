-- OpenGallery dev seed (Flyway repeatable migration, dev profile only).
--
-- Fills the catalogue with demo sellers, products, specifications, prices and recent sales so that
-- `./mvnw quarkus:dev` shows a living marketplace. It is NOT part of db/migration and must only be on the
-- Flyway locations of the dev profile.
--
-- Idempotent: every insert ends with `on conflict do nothing` and the closing update recomputes derived
-- columns from the rows, so Flyway may run the file again (it does whenever the file's checksum changes).
-- Because of `do nothing`, editing a row that already exists in a dev database does not change it there;
-- drop the dev database (or delete the rows) to pick up such edits.
--
-- Fixed ids (all valid version-4 UUIDs):
--   account        00000000-0000-4000-8000-00000a<nnnn>00   (nnnn = seller number)
--   product        00000000-0000-4000-8000-00000b<nnnn>00   (nnnn = product number)
--   specification  00000000-0000-4000-8000-00000c<nnnn><pp> (pp = position)
-- Sellers are looked up by subject when profiles and products are inserted, so the seed still works when
-- a seller (sam, nora) logged in before it ran and got an account with another id.
-- search_vector is filled by the product trigger; from_price and billing_modes by the update at the end.

-- Seller accounts -------------------------------------------------------------------------------------------
insert into account (id, subject, display_name, email, created_at) values
    ('00000000-0000-4000-8000-00000a000100', 'sam', 'Sam Carter', 'sam@harborstack.example.com', '2026-05-04 08:30:00+00'),
    ('00000000-0000-4000-8000-00000a000200', 'nora', 'Nora Lindqvist', 'nora@northlight.example.com', '2026-05-06 07:45:00+00'),
    ('00000000-0000-4000-8000-00000a000300', 'seller-cloudwave', 'CloudWave Systems', 'partners@cloudwave.example.com', '2026-05-11 14:00:00+00'),
    ('00000000-0000-4000-8000-00000a000400', 'seller-datapeak', 'DataPeak Analytics', 'sales@datapeak.example.com', '2026-05-15 02:20:00+00'),
    ('00000000-0000-4000-8000-00000a000500', 'seller-ironbridge', 'IronBridge Solutions', 'contact@ironbridge.example.com', '2026-05-20 10:10:00+00')
on conflict do nothing;

insert into seller_profile (account_id, company_name, service_email, service_phone, support_range, created_at, updated_at, version)
select a.id, v.company_name, v.service_email, v.service_phone, v.support_range, v.created_at::timestamptz, v.created_at::timestamptz, 0
from (values
    ('sam', 'HarborStack Technologies Ltd.', 'support@harborstack.example.com', '+1 415 555 0101', 'Mon–Fri 09:00–18:00 UTC-8, email and phone; response within 4 business hours', '2026-05-04 08:30:00+00'),
    ('nora', 'Northlight Software AB', 'help@northlight.example.com', '+46 8 555 0102', 'Mon–Fri 08:00–17:00 UTC+1, email, phone and chat; response within 2 business hours', '2026-05-06 07:45:00+00'),
    ('seller-cloudwave', 'CloudWave Systems Inc.', 'support@cloudwave.example.com', '+1 206 555 0103', '24/7 email and phone for production incidents; other requests Mon–Fri 08:00–20:00 UTC-5, response within 1 business day', '2026-05-11 14:00:00+00'),
    ('seller-datapeak', 'DataPeak Analytics Pte. Ltd.', 'service@datapeak.example.com', '+65 6555 0104', 'Mon–Fri 09:00–18:00 UTC+8, email and phone; response within 4 business hours', '2026-05-15 02:20:00+00'),
    ('seller-ironbridge', 'IronBridge Solutions GmbH', 'support@ironbridge.example.com', '+49 30 555 0105', 'Mon–Fri 08:00–18:00 UTC+1, email and phone, on-site visits by appointment; response within 8 business hours', '2026-05-20 10:10:00+00')
) as v (subject, company_name, service_email, service_phone, support_range, created_at)
join account a on a.subject = v.subject
on conflict do nothing;

-- Products ------------------------------------------------------------------------------------------------
-- supervised: all LICENSE, PROFESSIONAL_SERVICE and CONSULTING_SERVICE products and about half of the SaaS.
-- security_groups: images only (the seller's recommended groups). Listed, plus two in review and a draft of sam's.
insert into product (id, seller_id, type, category_code, name, summary, description, tags, guide_url, supervised,
                     request_template, security_groups, contact_authorization_required, status, status_reason,
                     currency, created_at, updated_at, submitted_at, listed_at, version)
select v.id::uuid, a.id, v.type, v.category_code, v.name, v.summary, v.description, v.tags::text[], v.guide_url,
       v.supervised, v.request_template, v.security_groups::text[], v.contact_authorization_required, v.status,
       null, 'USD', v.created_at::timestamptz, v.updated_at::timestamptz, v.submitted_at::timestamptz,
       v.listed_at::timestamptz, 0
from (values
    -- 1. WordPress 6 on Ubuntu 22.04 (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000100', 'sam', 'IMAGE', 'CONTENT_MANAGEMENT',
     'WordPress 6 on Ubuntu 22.04',
     'A ready-to-run WordPress 6 site on Ubuntu 22.04 with Nginx, PHP-FPM 8.2 and MariaDB preinstalled.',
     'This image boots a complete WordPress content management system in minutes: Nginx, PHP-FPM 8.2, MariaDB 10.11 and Redis object cache are installed and tuned. Let''s Encrypt certificates can be requested with one command, and automatic security updates are enabled for the operating system. The WordPress admin password is generated on first boot and written to the root home directory. Ideal for blogs, company websites and WooCommerce shops.',
     '{"wordpress","cms","blog","php","ubuntu"}', 'https://docs.example.com/harborstack/wordpress-ubuntu', false,
     null,
     '{"web-80-443","ssh-22"}', false, 'LISTED',
     '2026-06-14 20:51:00+00', '2026-06-18 04:16:00+00', '2026-06-16 23:51:00+00', '2026-06-18 04:16:00+00'),
    -- 2. LAMP Stack (Linux, Apache, MySQL, PHP 8.2) (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000200', 'seller-cloudwave', 'IMAGE', 'RUNTIME_ENVIRONMENT',
     'LAMP Stack (Linux, Apache, MySQL, PHP 8.2)',
     'A classic LAMP web server stack on Rocky Linux 9 with Apache 2.4, MySQL 8.0 and PHP 8.2.',
     'The LAMP image provides a hardened Apache 2.4 web server, MySQL 8.0 database and PHP 8.2 with common extensions such as GD, cURL, mbstring and OPcache. phpMyAdmin is installed behind HTTP basic authentication for database administration. Firewall rules, log rotation and automatic backups of the web root are preconfigured. Deploy PHP applications such as Laravel, Drupal or Joomla without installing anything by hand.',
     '{"lamp","apache","mysql","php","linux"}', 'https://docs.example.com/cloudwave/lamp-stack', false,
     null,
     '{"web-80-443","ssh-22"}', false, 'LISTED',
     '2026-06-10 16:34:00+00', '2026-06-13 23:59:00+00', '2026-06-12 19:34:00+00', '2026-06-13 23:59:00+00'),
    -- 3. Docker CE on Ubuntu 22.04 (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000300', 'seller-cloudwave', 'IMAGE', 'RUNTIME_ENVIRONMENT',
     'Docker CE on Ubuntu 22.04',
     'Docker Community Edition with Docker Compose and Portainer on a minimal Ubuntu 22.04 server.',
     'Start containers immediately with Docker CE 24, the Docker Compose plugin and Buildx installed from the official repositories. Portainer CE provides a web console for managing containers, images, volumes and networks. The Docker daemon is configured with log rotation and a registry mirror for faster image pulls. This image is billed per hour only, so it suits short-lived build agents and test environments.',
     '{"docker","containers","compose","portainer","devops"}', 'https://docs.example.com/cloudwave/docker-ce', false,
     null,
     '{"web-80-443","portainer-9443","ssh-22"}', false, 'LISTED',
     '2026-07-14 03:50:00+00', '2026-07-17 11:15:00+00', '2026-07-16 06:50:00+00', '2026-07-17 11:15:00+00'),
    -- 4. GitLab CE Self-Hosted (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000400', 'nora', 'IMAGE', 'SOURCE_CONTROL',
     'GitLab CE Self-Hosted',
     'Self-hosted GitLab Community Edition with Git repositories, merge requests and built-in CI/CD pipelines.',
     'GitLab CE gives your team private Git repositories, code review with merge requests, issue boards and a container registry on your own cloud server. GitLab Runner is preinstalled so CI/CD pipelines work out of the box. Nightly backups of repositories and the PostgreSQL database are scheduled to object storage. Choose the specification that matches your team size; upgrades between GitLab releases are documented in the guide.',
     '{"gitlab","git","source-control","ci-cd","devops"}', 'https://docs.example.com/northlight/gitlab-ce', false,
     null,
     '{"web-80-443","ssh-22"}', false, 'LISTED',
     '2026-07-05 18:16:00+00', '2026-07-09 01:41:00+00', '2026-07-07 21:16:00+00', '2026-07-09 01:41:00+00'),
    -- 5. Redis 7 Cache Server (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000500', 'seller-datapeak', 'IMAGE', 'DATABASES_CACHE',
     'Redis 7 Cache Server',
     'An in-memory Redis 7 key-value store for caching, sessions and message queues, secured with TLS and ACLs.',
     'This image runs Redis 7.2 tuned for production use: memory limits, eviction policy and persistence with RDB and AOF are preconfigured. TLS and access control lists are enabled, and a random default password is generated at first boot. Redis Exporter exposes metrics for Prometheus monitoring. The Sentinel specification adds automatic failover for high availability.',
     '{"redis","cache","nosql","key-value","database"}', 'https://docs.example.com/datapeak/redis-7', false,
     null,
     '{"redis-6379","ssh-22"}', false, 'LISTED',
     '2026-06-27 09:42:00+00', '2026-06-30 17:07:00+00', '2026-06-29 12:42:00+00', '2026-06-30 17:07:00+00'),
    -- 6. PostgreSQL 16 Database Server (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000600', 'seller-datapeak', 'IMAGE', 'DATABASES_CACHE',
     'PostgreSQL 16 Database Server',
     'A production-ready PostgreSQL 16 relational database with pgBackRest backups and PgBouncer connection pooling.',
     'The PostgreSQL 16 image is tuned to the memory and CPU of the ECS it boots on. pgBackRest schedules full and incremental backups with point-in-time recovery, and PgBouncer pools client connections. Popular extensions such as PostGIS, pg_stat_statements and pgvector are installed. The replica specification configures streaming replication to a hot standby for read scaling and failover.',
     '{"postgresql","database","sql","backup","replication"}', 'https://docs.example.com/datapeak/postgresql-16', false,
     null,
     '{"postgres-5432","ssh-22"}', false, 'LISTED',
     '2026-07-01 14:59:00+00', '2026-07-04 22:24:00+00', '2026-07-03 17:59:00+00', '2026-07-04 22:24:00+00'),
    -- 7. Jenkins LTS CI Server (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000700', 'sam', 'IMAGE', 'APPLICATION_DEVELOPMENT',
     'Jenkins LTS CI Server',
     'Jenkins LTS continuous integration server with recommended plugins, JDK 17 and Docker build agents.',
     'Automate builds, tests and deployments with the Jenkins long-term-support release. The image includes JDK 17, Maven, Gradle, Node.js and Docker so pipelines can build most projects without extra setup. The recommended plugins, including Pipeline, Git and Blue Ocean, are installed and kept up to date. The initial administrator password is printed in the first-boot log.',
     '{"jenkins","ci-cd","automation","build","devops"}', 'https://docs.example.com/harborstack/jenkins-lts', false,
     null,
     '{"web-8080","ssh-22"}', false, 'LISTED',
     '2026-08-04 00:15:00+00', '2026-08-07 07:40:00+00', '2026-08-06 03:15:00+00', '2026-08-07 07:40:00+00'),
    -- 8. Nginx Web Server and Reverse Proxy (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000800', 'seller-cloudwave', 'IMAGE', 'MIDDLEWARE',
     'Nginx Web Server and Reverse Proxy',
     'A lightweight Nginx web server, reverse proxy and load balancer with HTTP/2 and automatic TLS certificates.',
     'This image installs the latest stable Nginx with HTTP/2, Brotli compression and a hardened TLS configuration. Certbot renews Let''s Encrypt certificates automatically. Example configurations for reverse proxy, load balancing and static site hosting are included in the guide. Use it in front of application servers to terminate TLS and cache static content.',
     '{"nginx","web-server","reverse-proxy","load-balancer","tls"}', 'https://docs.example.com/cloudwave/nginx', false,
     null,
     '{"web-80-443","ssh-22"}', false, 'LISTED',
     '2026-06-02 08:00:00+00', '2026-06-05 15:25:00+00', '2026-06-04 11:00:00+00', '2026-06-05 15:25:00+00'),
    -- 9. Nextcloud File Sync and Share (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b000900', 'seller-ironbridge', 'IMAGE', 'STORAGE_BACKUP',
     'Nextcloud File Sync and Share',
     'A private Nextcloud server for file sync, sharing, calendars and online document collaboration.',
     'Nextcloud gives your organisation a private alternative to public file sharing services. Files sync to desktop and mobile clients, and links can be shared with passwords and expiry dates. Calendar, contacts and Nextcloud Office are enabled, and server-side encryption can be switched on in the admin panel. Storage can be extended with additional cloud disks or object storage buckets.',
     '{"nextcloud","file-sharing","storage","collaboration","backup"}', 'https://docs.example.com/ironbridge/nextcloud', false,
     null,
     '{"web-80-443","ssh-22"}', false, 'LISTED',
     '2026-08-08 04:32:00+00', '2026-08-11 11:57:00+00', '2026-08-10 07:32:00+00', '2026-08-11 11:57:00+00'),
    -- 10. Zabbix 6 Monitoring Server (IMAGE, LISTED)
    ('00000000-0000-4000-8000-00000b001000', 'nora', 'IMAGE', 'SYSTEM_ADMINISTRATION',
     'Zabbix 6 Monitoring Server',
     'Zabbix 6 LTS server for monitoring servers, networks and applications, with ready-made dashboards and alerts.',
     'The Zabbix image contains the Zabbix 6.0 LTS server, web frontend and a PostgreSQL database with TimescaleDB for efficient history storage. Templates for Linux, Windows, MySQL, Nginx and network devices are imported. Alerts can be sent by email, webhook or instant messaging. Agents on monitored hosts connect on ports 10050 and 10051.',
     '{"zabbix","monitoring","alerting","system-administration","metrics"}', 'https://docs.example.com/northlight/zabbix-6', false,
     null,
     '{"web-80-443","zabbix-10050-10051","ssh-22"}', false, 'LISTED',
     '2026-08-12 09:49:00+00', '2026-08-15 17:14:00+00', '2026-08-14 12:49:00+00', '2026-08-15 17:14:00+00'),
    -- 11. Apache Kafka 3 Broker (IMAGE, IN_REVIEW)
    ('00000000-0000-4000-8000-00000b001100', 'sam', 'IMAGE', 'MIDDLEWARE',
     'Apache Kafka 3 Broker',
     'A single-node Apache Kafka 3 event streaming broker in KRaft mode with Kafka UI.',
     'Apache Kafka 3.7 runs in KRaft mode without ZooKeeper, ready for event streaming, log aggregation and change data capture. Kafka UI provides a web console for topics, consumer groups and messages. SASL/SCRAM authentication and TLS listeners are configured on first boot. The guide explains how to add brokers to form a cluster.',
     '{"kafka","streaming","messaging","middleware","events"}', 'https://docs.example.com/harborstack/kafka-3', false,
     null,
     '{"kafka-9092","web-8080","ssh-22"}', false, 'IN_REVIEW',
     '2026-11-03 23:29:00+00', '2026-11-05 02:29:00+00', '2026-11-05 02:29:00+00', null),
    -- 12. PipelineCRM Sales Cloud (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001200', 'nora', 'SAAS', 'CRM',
     'PipelineCRM Sales Cloud',
     'A sales CRM that tracks leads, deals and customer conversations in one visual pipeline.',
     'PipelineCRM helps sales teams manage leads, contacts, companies and deals in a drag-and-drop pipeline. Emails and calls are logged automatically, and reminders keep follow-ups on time. Sales forecasts and win-rate reports show how the quarter is going. Data can be imported from spreadsheets or other CRM systems during onboarding.',
     '{"crm","sales","leads","pipeline","customers"}', 'https://docs.example.com/northlight/pipelinecrm', true,
     E'1. Company name and industry:\n2. Number of sales users to onboard:\n3. Existing CRM or spreadsheets to import (name, approximate number of records):\n4. Preferred go-live date:',
     '{}', true, 'LISTED',
     '2026-06-23 05:25:00+00', '2026-06-26 12:50:00+00', '2026-06-25 08:25:00+00', '2026-06-26 12:50:00+00'),
    -- 13. ShopFront Online Storefront (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001300', 'seller-cloudwave', 'SAAS', 'E_COMMERCE',
     'ShopFront Online Storefront',
     'A hosted e-commerce storefront with product catalogue, shopping cart, checkout and payments.',
     'ShopFront lets merchants open an online shop in an afternoon: choose a theme, add products and variants, and accept card and wallet payments. Inventory, discounts, shipping rates and taxes are managed from one dashboard. Abandoned-cart emails and SEO-friendly product pages help convert visitors. Every plan includes hosting, a CDN and TLS certificates for your own domain.',
     '{"e-commerce","online-store","shopping-cart","payments","retail"}', 'https://docs.example.com/cloudwave/shopfront', false,
     null,
     '{}', false, 'LISTED',
     '2026-06-19 01:08:00+00', '2026-06-22 08:33:00+00', '2026-06-21 04:08:00+00', '2026-06-22 08:33:00+00'),
    -- 14. InsightBoard BI Dashboards (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001400', 'seller-datapeak', 'SAAS', 'BUSINESS_INTELLIGENCE',
     'InsightBoard BI Dashboards',
     'Self-service business intelligence dashboards and reports on top of your databases and spreadsheets.',
     'InsightBoard connects to MySQL, PostgreSQL, data warehouses and spreadsheets and turns them into interactive dashboards. Analysts build charts with drag and drop or SQL, and business users filter and drill down without help. Scheduled reports are emailed as PDF, and row-level security controls who sees which data. Pricing is per user with cheaper unit prices for larger teams.',
     '{"business-intelligence","dashboards","reporting","analytics","data-visualization"}', 'https://docs.example.com/datapeak/insightboard', true,
     E'1. Data sources to connect (database type, version, hosting):\n2. Number of analysts and viewers:\n3. Key dashboards or KPIs you need first:\n4. Contact person for the onboarding session:',
     '{}', false, 'LISTED',
     '2026-07-09 22:33:00+00', '2026-07-13 05:58:00+00', '2026-07-12 01:33:00+00', '2026-07-13 05:58:00+00'),
    -- 15. LogLens Log Analytics (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001500', 'seller-datapeak', 'SAAS', 'LOG_ANALYSIS',
     'LogLens Log Analytics',
     'Centralised log collection, search and alerting for servers, containers and applications.',
     'LogLens collects logs from Linux servers, Kubernetes clusters and applications through lightweight agents. Full-text search, saved queries and live tail make troubleshooting fast. Alert rules notify your team by email or webhook when error rates spike. Retention is 30 days by default and archives can be exported to object storage.',
     '{"logs","log-analytics","monitoring","observability","alerting"}', 'https://docs.example.com/datapeak/loglens', false,
     null,
     '{}', false, 'LISTED',
     '2026-07-18 07:07:00+00', '2026-07-21 14:32:00+00', '2026-07-20 10:07:00+00', '2026-07-21 14:32:00+00'),
    -- 16. TaskHarbor Project Management (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001600', 'sam', 'SAAS', 'PROJECT_MANAGEMENT',
     'TaskHarbor Project Management',
     'Project management with Kanban boards, Gantt timelines and time tracking for teams of any size.',
     'TaskHarbor organises work into projects, boards and sprints so everyone sees who does what by when. Gantt timelines show dependencies and milestones, and built-in time tracking feeds timesheets and invoices. Comments, file attachments and mentions keep discussions next to the tasks. Integrations with Git repositories and chat tools are included.',
     '{"project-management","kanban","gantt","tasks","collaboration"}', 'https://docs.example.com/harborstack/taskharbor', false,
     null,
     '{}', false, 'LISTED',
     '2026-07-22 11:24:00+00', '2026-07-25 18:49:00+00', '2026-07-24 14:24:00+00', '2026-07-25 18:49:00+00'),
    -- 17. PeopleFlow HR Suite (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001700', 'nora', 'SAAS', 'ENTERPRISE_APPLICATIONS',
     'PeopleFlow HR Suite',
     'Cloud HR software for employee records, leave management, onboarding and payroll preparation.',
     'PeopleFlow keeps employee records, contracts and documents in one secure place. Employees request leave and update their details through a self-service portal, and managers approve on mobile. Onboarding checklists and performance reviews are configurable per department. Monthly payroll exports are prepared for common payroll providers.',
     '{"hr","human-resources","payroll","onboarding","employees"}', 'https://docs.example.com/northlight/peopleflow', true,
     E'1. Company name and number of employees:\n2. Countries and payroll provider in use:\n3. HR data to import (format and source system):\n4. Single sign-on provider, if any:',
     '{}', true, 'LISTED',
     '2026-08-16 13:06:00+00', '2026-08-19 20:31:00+00', '2026-08-18 16:06:00+00', '2026-08-19 20:31:00+00'),
    -- 18. LedgerLine Cloud Accounting (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001800', 'seller-cloudwave', 'SAAS', 'FINANCIAL_SERVICES',
     'LedgerLine Cloud Accounting',
     'Online accounting and invoicing with bank reconciliation, expense tracking and financial reports.',
     'LedgerLine handles invoicing, bills, expenses and bank reconciliation for small and medium businesses. Bank feeds import transactions daily and matching rules reconcile most of them automatically. Profit and loss, balance sheet and cash flow reports are always up to date. Multi-currency accounts and tax rates are supported.',
     '{"accounting","invoicing","finance","bookkeeping","tax"}', 'https://docs.example.com/cloudwave/ledgerline', true,
     E'1. Legal entity name and country:\n2. Fiscal year start and base currency:\n3. Banks to connect:\n4. Opening balances available from (system or accountant):',
     '{}', true, 'LISTED',
     '2026-08-20 17:23:00+00', '2026-08-24 00:48:00+00', '2026-08-22 20:23:00+00', '2026-08-24 00:48:00+00'),
    -- 19. BugNest Issue Tracker (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b001900', 'sam', 'SAAS', 'ISSUE_TRACKING',
     'BugNest Issue Tracker',
     'A fast issue and bug tracker with workflows, releases and Git integration for software teams.',
     'BugNest tracks bugs, feature requests and tasks with customisable workflows and fields. Issues link to commits and merge requests, so the release notes write themselves. Dashboards show open bugs by severity, component and release. Customers can report bugs through an embeddable feedback form.',
     '{"issue-tracking","bug-tracker","agile","releases","software"}', 'https://docs.example.com/harborstack/bugnest', false,
     null,
     '{}', false, 'LISTED',
     '2026-08-24 22:40:00+00', '2026-08-28 06:05:00+00', '2026-08-27 01:40:00+00', '2026-08-28 06:05:00+00'),
    -- 20. TestPilot Cloud Test Automation (SAAS, LISTED)
    ('00000000-0000-4000-8000-00000b002000', 'seller-datapeak', 'SAAS', 'TESTING',
     'TestPilot Cloud Test Automation',
     'Cloud browser and API test automation with parallel runs, screenshots and CI integration.',
     'TestPilot runs Selenium, Playwright and API test suites on cloud browsers in parallel. Every run records video, screenshots and console logs to speed up debugging of flaky tests. Plugins for Jenkins, GitLab CI and GitHub Actions start tests on every commit. Plans differ by the number of parallel test runs.',
     '{"testing","test-automation","selenium","playwright","qa"}', 'https://docs.example.com/datapeak/testpilot', false,
     null,
     '{}', false, 'LISTED',
     '2026-08-29 02:57:00+00', '2026-09-01 10:22:00+00', '2026-08-31 05:57:00+00', '2026-09-01 10:22:00+00'),
    -- 21. HelpDesk Hub Customer Support (SAAS, IN_REVIEW)
    ('00000000-0000-4000-8000-00000b002100', 'sam', 'SAAS', 'CRM',
     'HelpDesk Hub Customer Support',
     'Omnichannel customer support ticketing with email, chat, a knowledge base and SLA tracking.',
     'HelpDesk Hub turns customer emails, chat messages and web forms into tickets in one shared inbox. SLA policies, automations and canned replies help agents answer faster. A public knowledge base lets customers help themselves. Satisfaction surveys and reports show how your support team performs.',
     '{"helpdesk","customer-support","ticketing","knowledge-base","crm"}', 'https://docs.example.com/harborstack/helpdesk-hub', true,
     E'1. Support channels to connect (email addresses, chat widget, forms):\n2. Number of agents:\n3. SLA targets per priority:\n4. Existing help desk to migrate from, if any:',
     '{}', false, 'IN_REVIEW',
     '2026-11-08 03:46:00+00', '2026-11-09 06:46:00+00', '2026-11-09 06:46:00+00', null),
    -- 22. SecureVault Endpoint Protection License (LICENSE, LISTED)
    ('00000000-0000-4000-8000-00000b002200', 'seller-ironbridge', 'LICENSE', 'SECURITY',
     'SecureVault Endpoint Protection License',
     'Subscription license for antivirus, ransomware protection and device control on Windows and Linux endpoints.',
     'SecureVault protects laptops, desktops and servers against malware and ransomware with behaviour-based detection. Device control blocks unauthorised USB storage, and the central console shows the security status of every endpoint. Licenses are issued per user and cover up to three devices each. The license key is delivered through the order''s service flow.',
     '{"antivirus","endpoint-security","ransomware","security","license"}', 'https://docs.example.com/ironbridge/securevault', true,
     null,
     '{}', false, 'LISTED',
     '2026-07-30 20:58:00+00', '2026-08-03 04:23:00+00', '2026-08-01 23:58:00+00', '2026-08-03 04:23:00+00'),
    -- 23. BackupPro Server Backup License (LICENSE, LISTED)
    ('00000000-0000-4000-8000-00000b002300', 'seller-datapeak', 'LICENSE', 'STORAGE_BACKUP',
     'BackupPro Server Backup License',
     'Perpetual or subscription license for image-level server backup, replication and instant restore.',
     'BackupPro backs up physical and virtual servers at image level with incremental forever backups and deduplication. Files, databases and whole machines can be restored in minutes, and backups can be replicated to object storage. Buy a perpetual license with a one-time fee or a yearly subscription that includes updates and support.',
     '{"backup","disaster-recovery","replication","license","storage"}', 'https://docs.example.com/datapeak/backuppro', true,
     null,
     '{}', false, 'LISTED',
     '2026-09-02 06:14:00+00', '2026-09-05 13:39:00+00', '2026-09-04 09:14:00+00', '2026-09-05 13:39:00+00'),
    -- 24. DevForge IDE Team License (LICENSE, LISTED)
    ('00000000-0000-4000-8000-00000b002400', 'sam', 'LICENSE', 'APPLICATION_DEVELOPMENT',
     'DevForge IDE Team License',
     'Named-user licenses for the DevForge integrated development environment for Java, Kotlin and Python.',
     'DevForge is a professional IDE with smart code completion, refactoring, a debugger and database tools. Team licenses are managed from a license server, so seats can be reassigned when people change projects. Choose a perpetual license per user or a cheaper yearly subscription. License keys are delivered after the order is confirmed.',
     '{"ide","developer-tools","java","python","license"}', 'https://docs.example.com/harborstack/devforge', true,
     null,
     '{}', false, 'LISTED',
     '2026-09-06 11:31:00+00', '2026-09-09 18:56:00+00', '2026-09-08 14:31:00+00', '2026-09-09 18:56:00+00'),
    -- 25. SQLGuard Database Audit License (LICENSE, LISTED)
    ('00000000-0000-4000-8000-00000b002500', 'nora', 'LICENSE', 'SECURITY',
     'SQLGuard Database Audit License',
     'Database activity monitoring and audit license for MySQL, PostgreSQL and SQL Server instances.',
     'SQLGuard records every query against your databases and flags risky statements such as bulk exports or schema changes outside maintenance windows. Audit reports help with compliance requirements such as PCI DSS and GDPR. Sensitive columns can be masked in the audit trail. The yearly license covers the number of database instances in the chosen specification.',
     '{"database-audit","compliance","security","sql","license"}', 'https://docs.example.com/northlight/sqlguard', true,
     null,
     '{}', false, 'LISTED',
     '2026-09-10 15:48:00+00', '2026-09-13 23:13:00+00', '2026-09-12 18:48:00+00', '2026-09-13 23:13:00+00'),
    -- 26. OfficeDocs Document Server License (LICENSE, LISTED)
    ('00000000-0000-4000-8000-00000b002600', 'seller-cloudwave', 'LICENSE', 'ENTERPRISE_APPLICATIONS',
     'OfficeDocs Document Server License',
     'Perpetual per-user license for a self-hosted online office suite with real-time co-editing.',
     'OfficeDocs Document Server lets teams edit documents, spreadsheets and presentations in the browser together in real time. It integrates with Nextcloud, SharePoint-style portals and custom applications through an API. Files stay on your own servers for data sovereignty. Licenses are sold per user with a minimum of 10 users.',
     '{"office-suite","documents","collaboration","self-hosted","license"}', 'https://docs.example.com/cloudwave/officedocs', true,
     null,
     '{}', false, 'LISTED',
     '2026-09-14 19:05:00+00', '2026-09-18 02:30:00+00', '2026-09-16 22:05:00+00', '2026-09-18 02:30:00+00'),
    -- 27. Database Migration to Cloud (PROFESSIONAL_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b002700', 'seller-datapeak', 'PROFESSIONAL_SERVICE', 'DATA_MIGRATION',
     'Database Migration to Cloud',
     'Planned, low-downtime migration of MySQL, PostgreSQL, Oracle or SQL Server databases to cloud databases.',
     'Our engineers assess your source databases, plan the migration and move schema and data to cloud database instances with minimal downtime. Change data capture keeps the target in sync until cut-over. Data is validated with row counts and checksums before the switch. The service ends with a migration report and one week of post-migration support.',
     '{"data-migration","database","mysql","oracle","postgresql"}', 'https://docs.example.com/datapeak/database-migration', true,
     E'1. Source database engine, version and size:\n2. Target cloud database service:\n3. Acceptable downtime window:\n4. Technical contact and preferred start date:',
     '{}', false, 'LISTED',
     '2026-07-26 16:41:00+00', '2026-07-30 00:06:00+00', '2026-07-28 19:41:00+00', '2026-07-30 00:06:00+00'),
    -- 28. Website Migration Service (PROFESSIONAL_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b002800', 'seller-ironbridge', 'PROFESSIONAL_SERVICE', 'DATA_MIGRATION',
     'Website Migration Service',
     'Move existing websites, including files, databases, email and DNS, to cloud servers without downtime.',
     'We copy your website files and databases to the new cloud server, test the copy on a temporary domain and switch DNS when you approve. WordPress, Joomla, Drupal, Magento and custom PHP sites are supported. Mailboxes can be moved at the same time. Every migration includes a rollback plan and a final check of links and forms.',
     '{"website-migration","data-migration","wordpress","dns","hosting"}', 'https://docs.example.com/ironbridge/website-migration', true,
     E'1. Current hosting provider and control panel:\n2. Websites to migrate (domains, CMS, size):\n3. Mailboxes to migrate:\n4. Preferred cut-over date and time zone:',
     '{}', false, 'LISTED',
     '2026-09-19 00:22:00+00', '2026-09-22 07:47:00+00', '2026-09-21 03:22:00+00', '2026-09-22 07:47:00+00'),
    -- 29. Cloud Environment Setup (PROFESSIONAL_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b002900', 'seller-cloudwave', 'PROFESSIONAL_SERVICE', 'ENVIRONMENT_CONFIGURATION',
     'Cloud Environment Setup',
     'Design and configuration of VPCs, subnets, security groups, ECS servers and load balancers to best practice.',
     'CloudWave architects set up a secure, production-ready cloud environment for your application. The service covers network design with VPCs and subnets, security groups, ECS servers, load balancers, backups and monitoring. Everything is delivered as infrastructure as code with documentation. The HA specification adds multi-zone deployment and a failover test.',
     '{"environment-configuration","vpc","ecs","security-groups","setup"}', 'https://docs.example.com/cloudwave/environment-setup', true,
     E'1. Application to host and its components:\n2. Expected traffic and availability target:\n3. Compliance or network requirements:\n4. Cloud account contact for access:',
     '{}', false, 'LISTED',
     '2026-09-23 04:39:00+00', '2026-09-26 12:04:00+00', '2026-09-25 07:39:00+00', '2026-09-26 12:04:00+00'),
    -- 30. Managed Server Maintenance (PROFESSIONAL_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003000', 'nora', 'PROFESSIONAL_SERVICE', 'MAINTENANCE',
     'Managed Server Maintenance',
     'Ongoing operating system patching, monitoring, backups and incident response for your cloud servers.',
     'Northlight engineers take care of your Linux and Windows servers: security patches, monitoring, backup checks and performance tuning. Incidents are handled within the agreed response times, and a monthly report summarises changes and alerts. A one-time health check is available for teams that want an assessment first. Maintenance subscriptions are billed monthly.',
     '{"maintenance","managed-services","patching","monitoring","operations"}', 'https://docs.example.com/northlight/server-maintenance', true,
     E'1. Number of servers and operating systems:\n2. Applications running on them:\n3. Maintenance window and escalation contacts:\n4. Existing monitoring or backup tools:',
     '{}', false, 'LISTED',
     '2026-09-27 08:56:00+00', '2026-09-30 16:21:00+00', '2026-09-29 11:56:00+00', '2026-09-30 16:21:00+00'),
    -- 31. Kubernetes Cluster Setup Service (PROFESSIONAL_SERVICE, DRAFT)
    ('00000000-0000-4000-8000-00000b003100', 'sam', 'PROFESSIONAL_SERVICE', 'ENVIRONMENT_CONFIGURATION',
     'Kubernetes Cluster Setup Service',
     'Installation and configuration of a production Kubernetes cluster with ingress, monitoring and CI/CD.',
     'We install a Kubernetes cluster on your cloud servers or managed container service and configure ingress, cert-manager, Prometheus monitoring and log collection. Namespaces, RBAC and network policies follow best practice. Your first application is deployed through a GitOps pipeline. A handover session trains your team on day-two operations.',
     '{"kubernetes","containers","environment-configuration","devops","setup"}', 'https://docs.example.com/harborstack/kubernetes-setup', true,
     E'1. Target platform (self-managed on ECS or managed container service):\n2. Number of nodes and environments:\n3. Applications to onboard first:\n4. Preferred start date:',
     '{}', false, 'DRAFT',
     '2026-11-12 08:03:00+00', '2026-11-12 10:13:00+00', null, null),
    -- 32. Cloud Migration Readiness Assessment (CONSULTING_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003200', 'seller-ironbridge', 'CONSULTING_SERVICE', 'CONSULTING_TRAINING',
     'Cloud Migration Readiness Assessment',
     'An assessment of your applications and infrastructure with a cloud migration plan, costs and risks.',
     'IronBridge consultants inventory your servers, applications and dependencies and rate each workload for cloud migration. You receive a target architecture, a migration wave plan, a total cost of ownership comparison and a risk register. Workshops with your IT and business stakeholders are included. The assessment typically takes three to six weeks.',
     '{"cloud-migration","consulting","assessment","architecture","tco"}', 'https://docs.example.com/ironbridge/migration-assessment', true,
     E'1. Number of servers and applications in scope:\n2. Current data centre or hosting:\n3. Business drivers and deadlines:\n4. Stakeholders for the kick-off workshop:',
     '{}', false, 'LISTED',
     '2026-10-01 12:13:00+00', '2026-10-04 19:38:00+00', '2026-10-03 15:13:00+00', '2026-10-04 19:38:00+00'),
    -- 33. Security Compliance Consulting (ISO 27001 and SOC 2) (CONSULTING_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003300', 'seller-ironbridge', 'CONSULTING_SERVICE', 'SECURITY',
     'Security Compliance Consulting (ISO 27001 and SOC 2)',
     'Consulting to prepare your cloud services for ISO 27001 certification or a SOC 2 audit.',
     'Our security consultants run a gap analysis against ISO 27001 and SOC 2 controls and prioritise the findings. We help you write policies, set up risk management and configure cloud security controls. The full readiness programme accompanies you until the external audit. Templates for policies and evidence collection are included.',
     '{"security","compliance","iso-27001","soc-2","consulting"}', 'https://docs.example.com/ironbridge/security-compliance', true,
     E'1. Target standard (ISO 27001, SOC 2 Type I or Type II):\n2. Systems and teams in scope:\n3. Existing policies or certifications:\n4. Target audit date:',
     '{}', false, 'LISTED',
     '2026-10-05 17:30:00+00', '2026-10-09 00:55:00+00', '2026-10-07 20:30:00+00', '2026-10-09 00:55:00+00'),
    -- 34. Data Platform Architecture Workshop (CONSULTING_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003400', 'seller-datapeak', 'CONSULTING_SERVICE', 'BIG_DATA_ANALYTICS',
     'Data Platform Architecture Workshop',
     'A two-day workshop to design your data lake, data warehouse and analytics platform on the cloud.',
     'Together with your data engineers and analysts, DataPeak architects design a modern data platform: ingestion, data lake storage, warehouse, transformation and BI. We compare managed big data services and open-source options such as Spark and Flink for your workloads. The result is a reference architecture, a cost estimate and an implementation roadmap.',
     '{"big-data","data-lake","data-warehouse","architecture","workshop"}', 'https://docs.example.com/datapeak/data-platform-workshop', true,
     E'1. Data sources and daily data volume:\n2. Main analytics use cases:\n3. Current tools and team skills:\n4. Workshop format (remote or on-site) and dates:',
     '{}', false, 'LISTED',
     '2026-10-09 21:47:00+00', '2026-10-13 05:12:00+00', '2026-10-12 00:47:00+00', '2026-10-13 05:12:00+00'),
    -- 35. DevOps Training for Teams (CONSULTING_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003500', 'sam', 'CONSULTING_SERVICE', 'CONSULTING_TRAINING',
     'DevOps Training for Teams',
     'Hands-on DevOps training covering Git, CI/CD pipelines, containers and infrastructure as code.',
     'This instructor-led training teaches developers and operators modern DevOps practice with real exercises. Topics include Git branching strategies, CI/CD pipelines with Jenkins and GitLab, Docker containers, Kubernetes basics and Terraform. Each participant gets a lab environment for the duration of the course. Course materials and recordings remain available afterwards.',
     '{"training","devops","ci-cd","docker","terraform"}', 'https://docs.example.com/harborstack/devops-training', true,
     E'1. Number of participants and their roles:\n2. Current tools and experience level:\n3. Topics to focus on:\n4. Preferred dates and location:',
     '{}', false, 'LISTED',
     '2026-10-14 01:04:00+00', '2026-10-17 08:29:00+00', '2026-10-16 04:04:00+00', '2026-10-17 08:29:00+00'),
    -- 36. Technical Documentation Writing (CONTENT_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003600', 'nora', 'CONTENT_SERVICE', 'CONTENT_MANAGEMENT',
     'Technical Documentation Writing',
     'Professional technical writers create user guides, API references and knowledge base articles for your product.',
     'Our technical writers turn your product knowledge into clear user guides, API documentation, release notes and knowledge base articles. Content is delivered in Markdown, HTML or your documentation platform. Every document is reviewed by a second writer for accuracy and style. The monthly subscription keeps documentation in step with your releases.',
     '{"documentation","technical-writing","content","api-docs","knowledge-base"}', 'https://docs.example.com/northlight/technical-writing', false,
     null,
     '{}', false, 'LISTED',
     '2026-10-18 06:21:00+00', '2026-10-21 13:46:00+00', '2026-10-20 09:21:00+00', '2026-10-21 13:46:00+00'),
    -- 37. Stock Image and Icon Pack for SaaS Websites (CONTENT_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003700', 'seller-cloudwave', 'CONTENT_SERVICE', 'CONTENT_MANAGEMENT',
     'Stock Image and Icon Pack for SaaS Websites',
     'A licensed pack of 2,000 illustrations, photos and icons for SaaS landing pages and apps.',
     'The pack contains 2,000 royalty-free stock images, vector illustrations and a 1,200-icon set in SVG and PNG. Visuals are grouped by theme, such as cloud, security, teamwork and e-commerce, and share a consistent style. The licence allows use on websites, apps and marketing material for unlimited projects. Download links are sent after payment.',
     '{"stock-images","icons","illustrations","design","content"}', 'https://docs.example.com/cloudwave/image-icon-pack', false,
     null,
     '{}', false, 'LISTED',
     '2026-10-22 10:38:00+00', '2026-10-25 18:03:00+00', '2026-10-24 13:38:00+00', '2026-10-25 18:03:00+00'),
    -- 38. Product Catalogue Content Creation (CONTENT_SERVICE, LISTED)
    ('00000000-0000-4000-8000-00000b003800', 'seller-ironbridge', 'CONTENT_SERVICE', 'E_COMMERCE',
     'Product Catalogue Content Creation',
     'Copywriting and photo editing for e-commerce product listings that rank and convert.',
     'Our e-commerce content team writes SEO-optimised product titles, descriptions and bullet points and edits product photos to marketplace standards. Listings are delivered as CSV files ready to import into your online store. Translations into German, French and Spanish are available. The monthly plan suits shops with a steady flow of new products.',
     '{"e-commerce","copywriting","product-descriptions","seo","content"}', 'https://docs.example.com/ironbridge/catalogue-content', false,
     null,
     '{}', false, 'LISTED',
     '2026-10-26 14:55:00+00', '2026-10-29 22:20:00+00', '2026-10-28 17:55:00+00', '2026-10-29 22:20:00+00'),
    -- 39. EdgeLink EG-200 Industrial Edge Gateway (HARDWARE, LISTED)
    ('00000000-0000-4000-8000-00000b003900', 'seller-ironbridge', 'HARDWARE', 'HARDWARE_DEVICES',
     'EdgeLink EG-200 Industrial Edge Gateway',
     'A fanless industrial edge gateway that connects sensors and PLCs to cloud IoT services over 4G or Ethernet.',
     'The EG-200 gateway collects data from Modbus, OPC UA and MQTT devices and forwards it securely to cloud IoT platforms. It has a quad-core ARM processor, 4 GB RAM, dual Ethernet, 4G LTE and a DIN-rail mount for cabinets. Containerised edge applications can run locally when the connection drops. Shipping and a two-year hardware warranty are included.',
     '{"iot","edge-gateway","industrial","hardware","4g"}', 'https://docs.example.com/ironbridge/eg-200', false,
     null,
     '{}', false, 'LISTED',
     '2026-06-06 12:17:00+00', '2026-06-09 19:42:00+00', '2026-06-08 15:17:00+00', '2026-06-09 19:42:00+00'),
    -- 40. VaultBox 8-Bay Backup Appliance (HARDWARE, LISTED)
    ('00000000-0000-4000-8000-00000b004000', 'seller-ironbridge', 'HARDWARE', 'HARDWARE_DEVICES',
     'VaultBox 8-Bay Backup Appliance',
     'An on-premises 8-bay NAS backup appliance that replicates to cloud object storage.',
     'VaultBox is a rack-mount NAS appliance for local backups with immutable snapshots against ransomware. Backups are replicated to cloud object storage for off-site protection. It ships with preinstalled enterprise hard drives in RAID 6, dual 10 GbE ports and redundant power supplies. Three years of next-business-day hardware replacement are included.',
     '{"nas","backup-appliance","storage","hardware","ransomware"}', 'https://docs.example.com/ironbridge/vaultbox', false,
     null,
     '{}', false, 'LISTED',
     '2026-10-30 19:12:00+00', '2026-11-03 02:37:00+00', '2026-11-01 22:12:00+00', '2026-11-03 02:37:00+00')
) as v (id, seller_subject, type, category_code, name, summary, description, tags, guide_url, supervised, request_template, security_groups, contact_authorization_required, status, created_at, updated_at, submitted_at, listed_at)
join account a on a.subject = v.seller_subject
on conflict do nothing;

-- Specifications ------------------------------------------------------------------------------------------
-- FLAT: quantity fixed at 1. LINEAR/TIERED/VOLUME: priced per user between min_quantity and max_quantity
-- (null = no upper limit).
insert into specification (id, product_id, position, name, description, pricing_model, unit, min_quantity, max_quantity) values
    ('00000000-0000-4000-8000-00000c000100', '00000000-0000-4000-8000-00000b000100', 0, 'Standard', 'WordPress single-site image; runs on any ECS flavour with 1 vCPU and 2 GB RAM or more.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000101', '00000000-0000-4000-8000-00000b000100', 1, 'Multisite', 'WordPress Multisite network with domain mapping and a shared media library.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000200', '00000000-0000-4000-8000-00000b000200', 0, 'Standard', 'Apache, MySQL and PHP on one server.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000300', '00000000-0000-4000-8000-00000b000300', 0, 'Pay-per-use', 'Docker CE with Compose and Portainer, billed by the hour while the ECS runs.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000400', '00000000-0000-4000-8000-00000b000400', 0, 'Team (up to 50 users)', 'Recommended ECS: 4 vCPU, 8 GB RAM.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000401', '00000000-0000-4000-8000-00000b000400', 1, 'Business (up to 200 users)', 'Recommended ECS: 8 vCPU, 16 GB RAM, separate data disk.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000500', '00000000-0000-4000-8000-00000b000500', 0, 'Single node', 'One Redis 7 instance with persistence.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000501', '00000000-0000-4000-8000-00000b000500', 1, 'Sentinel (high availability)', 'Redis primary with Sentinel configured for automatic failover.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000600', '00000000-0000-4000-8000-00000b000600', 0, 'Single node', 'One PostgreSQL 16 server with daily backups.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000601', '00000000-0000-4000-8000-00000b000600', 1, 'Primary with standby replica', 'Streaming replication to a hot standby server.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000700', '00000000-0000-4000-8000-00000b000700', 0, 'Standard', 'Jenkins controller with two local executors.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000800', '00000000-0000-4000-8000-00000b000800', 0, 'Standard', 'Nginx with Certbot and example site configurations.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c000900', '00000000-0000-4000-8000-00000b000900', 0, 'Standard', 'Nextcloud with PostgreSQL, Redis and Nextcloud Office.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c001000', '00000000-0000-4000-8000-00000b001000', 0, 'Standard', 'Zabbix server for up to 500 monitored hosts.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c001100', '00000000-0000-4000-8000-00000b001100', 0, 'Single broker', 'One Kafka broker with Kafka UI.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c001200', '00000000-0000-4000-8000-00000b001200', 0, 'Professional', 'Per user per month; pipelines, email sync and reports.', 'LINEAR', 'user', 1, 500),
    ('00000000-0000-4000-8000-00000c001201', '00000000-0000-4000-8000-00000b001200', 1, 'Enterprise', 'Per user per month; adds territories, approval workflows and API access.', 'LINEAR', 'user', 1, 2000),
    ('00000000-0000-4000-8000-00000c001300', '00000000-0000-4000-8000-00000b001300', 0, 'Starter', 'Up to 100 products and 2 staff accounts.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c001301', '00000000-0000-4000-8000-00000b001300', 1, 'Growth', 'Up to 5,000 products, 10 staff accounts and abandoned-cart recovery.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c001302', '00000000-0000-4000-8000-00000b001300', 2, 'Scale', 'Unlimited products, multiple storefronts and priority support.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c001400', '00000000-0000-4000-8000-00000b001400', 0, 'Per user', 'Unit price of the tier your user count falls in applies to all users.', 'TIERED', 'user', 1, null),
    ('00000000-0000-4000-8000-00000c001500', '00000000-0000-4000-8000-00000b001500', 0, 'Per user', 'Volume pricing per user seat, up to 500 seats.', 'VOLUME', 'user', 1, 500),
    ('00000000-0000-4000-8000-00000c001600', '00000000-0000-4000-8000-00000b001600', 0, 'Team', 'Per user per month; boards, timelines and time tracking.', 'LINEAR', 'user', 1, 500),
    ('00000000-0000-4000-8000-00000c001601', '00000000-0000-4000-8000-00000b001600', 1, 'Business', 'Per user per month; adds portfolios, workload views and SSO.', 'LINEAR', 'user', 1, 1000),
    ('00000000-0000-4000-8000-00000c001700', '00000000-0000-4000-8000-00000b001700', 0, 'Per employee', 'Volume pricing per employee; expansions are charged only for added users.', 'VOLUME', 'user', 1, null),
    ('00000000-0000-4000-8000-00000c001800', '00000000-0000-4000-8000-00000b001800', 0, 'Per user', 'Unit price by tier of the total number of users, up to 100 users.', 'TIERED', 'user', 1, 100),
    ('00000000-0000-4000-8000-00000c001900', '00000000-0000-4000-8000-00000b001900', 0, 'Per user', 'Volume pricing per user; expansions are charged only for added users.', 'VOLUME', 'user', 1, null),
    ('00000000-0000-4000-8000-00000c002000', '00000000-0000-4000-8000-00000b002000', 0, 'Team', '5 parallel test runs, 1,000 test minutes per day.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002001', '00000000-0000-4000-8000-00000b002000', 1, 'Business', '20 parallel test runs, unlimited test minutes.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002100', '00000000-0000-4000-8000-00000b002100', 0, 'Agent seat', 'Per support agent per month.', 'LINEAR', 'user', 1, 300),
    ('00000000-0000-4000-8000-00000c002200', '00000000-0000-4000-8000-00000b002200', 0, 'Per user (up to 3 devices)', 'Yearly subscription per protected user.', 'LINEAR', 'user', 1, 1000),
    ('00000000-0000-4000-8000-00000c002300', '00000000-0000-4000-8000-00000b002300', 0, 'Standard (1 server)', 'Backup and restore for one server.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002301', '00000000-0000-4000-8000-00000b002300', 1, 'Enterprise (1 server)', 'Adds replication, application-aware backups and tape support.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002400', '00000000-0000-4000-8000-00000b002400', 0, 'Named user', 'One named developer per seat.', 'LINEAR', 'user', 1, 250),
    ('00000000-0000-4000-8000-00000c002500', '00000000-0000-4000-8000-00000b002500', 0, 'Up to 5 instances', 'Yearly license for up to 5 database instances.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002501', '00000000-0000-4000-8000-00000b002500', 1, 'Up to 20 instances', 'Yearly license for up to 20 database instances.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002600', '00000000-0000-4000-8000-00000b002600', 0, 'Per user (minimum 10)', 'Perpetual license per user, including one year of updates.', 'LINEAR', 'user', 10, 5000),
    ('00000000-0000-4000-8000-00000c002700', '00000000-0000-4000-8000-00000b002700', 0, 'Up to 100 GB', 'One source database up to 100 GB.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002701', '00000000-0000-4000-8000-00000b002700', 1, 'Up to 1 TB', 'Up to three source databases, 1 TB in total.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002800', '00000000-0000-4000-8000-00000b002800', 0, 'Single site', 'One website up to 20 GB.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002801', '00000000-0000-4000-8000-00000b002800', 1, 'Up to 10 sites', 'Up to ten websites on one hosting account.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002900', '00000000-0000-4000-8000-00000b002900', 0, 'Basic', 'One VPC, up to 5 ECS servers, one load balancer.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c002901', '00000000-0000-4000-8000-00000b002900', 1, 'High availability', 'Multi-zone deployment, up to 20 ECS servers, failover test.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003000', '00000000-0000-4000-8000-00000b003000', 0, 'Up to 5 servers', 'Monthly maintenance for up to 5 servers.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003001', '00000000-0000-4000-8000-00000b003000', 1, 'Up to 20 servers', 'Monthly maintenance for up to 20 servers.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003002', '00000000-0000-4000-8000-00000b003000', 2, 'One-time health check', 'Assessment of up to 10 servers with a written report.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003100', '00000000-0000-4000-8000-00000b003100', 0, 'Standard cluster', 'One cluster, up to 10 nodes, one application onboarded.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003200', '00000000-0000-4000-8000-00000b003200', 0, 'Up to 50 workloads', 'Assessment of up to 50 workloads.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003201', '00000000-0000-4000-8000-00000b003200', 1, 'Up to 200 workloads', 'Assessment of up to 200 workloads.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003300', '00000000-0000-4000-8000-00000b003300', 0, 'Gap analysis', 'Gap analysis with a prioritised remediation plan.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003301', '00000000-0000-4000-8000-00000b003300', 1, 'Full readiness programme', 'Gap analysis, remediation support and audit preparation.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003400', '00000000-0000-4000-8000-00000b003400', 0, 'Two-day workshop', 'Remote or on-site workshop with written architecture.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003500', '00000000-0000-4000-8000-00000b003500', 0, 'One-day online course', 'Up to 12 participants, online.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003501', '00000000-0000-4000-8000-00000b003500', 1, 'Three-day on-site course', 'Up to 12 participants at your location.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003600', '00000000-0000-4000-8000-00000b003600', 0, 'Documentation package', 'Up to 20 pages of new documentation.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003601', '00000000-0000-4000-8000-00000b003600', 1, 'Monthly documentation subscription', 'Up to 15 pages of new or updated content per month.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003700', '00000000-0000-4000-8000-00000b003700', 0, 'Full pack', 'All images, illustrations and icons with an extended licence.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003800', '00000000-0000-4000-8000-00000b003800', 0, '50 product listings', 'One-off delivery of 50 complete listings.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003801', '00000000-0000-4000-8000-00000b003800', 1, '200 listings per month', 'Monthly subscription for up to 200 listings.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c003900', '00000000-0000-4000-8000-00000b003900', 0, 'EG-200 with 4G LTE', 'One gateway with power supply and antennas.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c004000', '00000000-0000-4000-8000-00000b004000', 0, '32 TB raw capacity', '8 x 4 TB drives.', 'FLAT', null, 1, 1),
    ('00000000-0000-4000-8000-00000c004001', '00000000-0000-4000-8000-00000b004000', 1, '64 TB raw capacity', '8 x 8 TB drives.', 'FLAT', null, 1, 1)
on conflict do nothing;

-- Prices ----------------------------------------------------------------------------------------------------
-- One row per (specification, billing mode, tier). PAY_PER_USE (hourly) only on images. FLAT and LINEAR have a
-- single tier from min_quantity to max_quantity; TIERED and VOLUME tiers are contiguous and the last one ends at
-- max_quantity (null = open-ended).
insert into specification_price (specification_id, billing_mode, tier_from, tier_to, unit_price) values
    -- 1. WordPress 6 on Ubuntu 22.04
    ('00000000-0000-4000-8000-00000c000100', 'PAY_PER_USE', 1, 1, 0.080),
    ('00000000-0000-4000-8000-00000c000100', 'MONTHLY', 1, 1, 19.00),
    ('00000000-0000-4000-8000-00000c000100', 'YEARLY', 1, 1, 190.00),
    ('00000000-0000-4000-8000-00000c000101', 'PAY_PER_USE', 1, 1, 0.120),
    ('00000000-0000-4000-8000-00000c000101', 'MONTHLY', 1, 1, 29.00),
    ('00000000-0000-4000-8000-00000c000101', 'YEARLY', 1, 1, 290.00),
    -- 2. LAMP Stack (Linux, Apache, MySQL, PHP 8.2)
    ('00000000-0000-4000-8000-00000c000200', 'PAY_PER_USE', 1, 1, 0.050),
    ('00000000-0000-4000-8000-00000c000200', 'MONTHLY', 1, 1, 12.00),
    ('00000000-0000-4000-8000-00000c000200', 'YEARLY', 1, 1, 120.00),
    -- 3. Docker CE on Ubuntu 22.04
    ('00000000-0000-4000-8000-00000c000300', 'PAY_PER_USE', 1, 1, 0.050),
    -- 4. GitLab CE Self-Hosted
    ('00000000-0000-4000-8000-00000c000400', 'PAY_PER_USE', 1, 1, 0.350),
    ('00000000-0000-4000-8000-00000c000400', 'MONTHLY', 1, 1, 79.00),
    ('00000000-0000-4000-8000-00000c000400', 'YEARLY', 1, 1, 790.00),
    ('00000000-0000-4000-8000-00000c000401', 'PAY_PER_USE', 1, 1, 0.600),
    ('00000000-0000-4000-8000-00000c000401', 'MONTHLY', 1, 1, 149.00),
    ('00000000-0000-4000-8000-00000c000401', 'YEARLY', 1, 1, 1490.00),
    -- 5. Redis 7 Cache Server
    ('00000000-0000-4000-8000-00000c000500', 'PAY_PER_USE', 1, 1, 0.060),
    ('00000000-0000-4000-8000-00000c000500', 'MONTHLY', 1, 1, 15.00),
    ('00000000-0000-4000-8000-00000c000500', 'YEARLY', 1, 1, 150.00),
    ('00000000-0000-4000-8000-00000c000501', 'PAY_PER_USE', 1, 1, 0.120),
    ('00000000-0000-4000-8000-00000c000501', 'MONTHLY', 1, 1, 29.00),
    ('00000000-0000-4000-8000-00000c000501', 'YEARLY', 1, 1, 290.00),
    -- 6. PostgreSQL 16 Database Server
    ('00000000-0000-4000-8000-00000c000600', 'PAY_PER_USE', 1, 1, 0.100),
    ('00000000-0000-4000-8000-00000c000600', 'MONTHLY', 1, 1, 25.00),
    ('00000000-0000-4000-8000-00000c000600', 'YEARLY', 1, 1, 250.00),
    ('00000000-0000-4000-8000-00000c000601', 'PAY_PER_USE', 1, 1, 0.220),
    ('00000000-0000-4000-8000-00000c000601', 'MONTHLY', 1, 1, 55.00),
    ('00000000-0000-4000-8000-00000c000601', 'YEARLY', 1, 1, 550.00),
    -- 7. Jenkins LTS CI Server
    ('00000000-0000-4000-8000-00000c000700', 'PAY_PER_USE', 1, 1, 0.090),
    ('00000000-0000-4000-8000-00000c000700', 'MONTHLY', 1, 1, 22.00),
    ('00000000-0000-4000-8000-00000c000700', 'YEARLY', 1, 1, 220.00),
    -- 8. Nginx Web Server and Reverse Proxy
    ('00000000-0000-4000-8000-00000c000800', 'PAY_PER_USE', 1, 1, 0.050),
    ('00000000-0000-4000-8000-00000c000800', 'MONTHLY', 1, 1, 9.00),
    ('00000000-0000-4000-8000-00000c000800', 'YEARLY', 1, 1, 90.00),
    -- 9. Nextcloud File Sync and Share
    ('00000000-0000-4000-8000-00000c000900', 'PAY_PER_USE', 1, 1, 0.120),
    ('00000000-0000-4000-8000-00000c000900', 'MONTHLY', 1, 1, 29.00),
    ('00000000-0000-4000-8000-00000c000900', 'YEARLY', 1, 1, 290.00),
    -- 10. Zabbix 6 Monitoring Server
    ('00000000-0000-4000-8000-00000c001000', 'PAY_PER_USE', 1, 1, 0.100),
    ('00000000-0000-4000-8000-00000c001000', 'MONTHLY', 1, 1, 24.00),
    ('00000000-0000-4000-8000-00000c001000', 'YEARLY', 1, 1, 240.00),
    -- 11. Apache Kafka 3 Broker
    ('00000000-0000-4000-8000-00000c001100', 'PAY_PER_USE', 1, 1, 0.180),
    ('00000000-0000-4000-8000-00000c001100', 'MONTHLY', 1, 1, 45.00),
    ('00000000-0000-4000-8000-00000c001100', 'YEARLY', 1, 1, 450.00),
    -- 12. PipelineCRM Sales Cloud
    ('00000000-0000-4000-8000-00000c001200', 'MONTHLY', 1, 500, 15.00),
    ('00000000-0000-4000-8000-00000c001200', 'YEARLY', 1, 500, 150.00),
    ('00000000-0000-4000-8000-00000c001201', 'MONTHLY', 1, 2000, 29.00),
    ('00000000-0000-4000-8000-00000c001201', 'YEARLY', 1, 2000, 290.00),
    -- 13. ShopFront Online Storefront
    ('00000000-0000-4000-8000-00000c001300', 'MONTHLY', 1, 1, 29.00),
    ('00000000-0000-4000-8000-00000c001300', 'YEARLY', 1, 1, 290.00),
    ('00000000-0000-4000-8000-00000c001301', 'MONTHLY', 1, 1, 79.00),
    ('00000000-0000-4000-8000-00000c001301', 'YEARLY', 1, 1, 790.00),
    ('00000000-0000-4000-8000-00000c001302', 'MONTHLY', 1, 1, 299.00),
    ('00000000-0000-4000-8000-00000c001302', 'YEARLY', 1, 1, 2990.00),
    -- 14. InsightBoard BI Dashboards
    ('00000000-0000-4000-8000-00000c001400', 'MONTHLY', 1, 10, 12.00),
    ('00000000-0000-4000-8000-00000c001400', 'MONTHLY', 11, 50, 10.00),
    ('00000000-0000-4000-8000-00000c001400', 'MONTHLY', 51, null, 8.00),
    ('00000000-0000-4000-8000-00000c001400', 'YEARLY', 1, 10, 120.00),
    ('00000000-0000-4000-8000-00000c001400', 'YEARLY', 11, 50, 100.00),
    ('00000000-0000-4000-8000-00000c001400', 'YEARLY', 51, null, 80.00),
    -- 15. LogLens Log Analytics
    ('00000000-0000-4000-8000-00000c001500', 'MONTHLY', 1, 20, 9.00),
    ('00000000-0000-4000-8000-00000c001500', 'MONTHLY', 21, 100, 7.50),
    ('00000000-0000-4000-8000-00000c001500', 'MONTHLY', 101, 500, 6.00),
    ('00000000-0000-4000-8000-00000c001500', 'YEARLY', 1, 20, 90.00),
    ('00000000-0000-4000-8000-00000c001500', 'YEARLY', 21, 100, 75.00),
    ('00000000-0000-4000-8000-00000c001500', 'YEARLY', 101, 500, 60.00),
    -- 16. TaskHarbor Project Management
    ('00000000-0000-4000-8000-00000c001600', 'MONTHLY', 1, 500, 6.00),
    ('00000000-0000-4000-8000-00000c001600', 'YEARLY', 1, 500, 60.00),
    ('00000000-0000-4000-8000-00000c001601', 'MONTHLY', 1, 1000, 10.00),
    ('00000000-0000-4000-8000-00000c001601', 'YEARLY', 1, 1000, 100.00),
    -- 17. PeopleFlow HR Suite
    ('00000000-0000-4000-8000-00000c001700', 'MONTHLY', 1, 25, 14.00),
    ('00000000-0000-4000-8000-00000c001700', 'MONTHLY', 26, 100, 11.00),
    ('00000000-0000-4000-8000-00000c001700', 'MONTHLY', 101, null, 9.00),
    ('00000000-0000-4000-8000-00000c001700', 'YEARLY', 1, 25, 140.00),
    ('00000000-0000-4000-8000-00000c001700', 'YEARLY', 26, 100, 110.00),
    ('00000000-0000-4000-8000-00000c001700', 'YEARLY', 101, null, 90.00),
    -- 18. LedgerLine Cloud Accounting
    ('00000000-0000-4000-8000-00000c001800', 'MONTHLY', 1, 5, 25.00),
    ('00000000-0000-4000-8000-00000c001800', 'MONTHLY', 6, 20, 20.00),
    ('00000000-0000-4000-8000-00000c001800', 'MONTHLY', 21, 100, 16.00),
    ('00000000-0000-4000-8000-00000c001800', 'YEARLY', 1, 5, 250.00),
    ('00000000-0000-4000-8000-00000c001800', 'YEARLY', 6, 20, 200.00),
    ('00000000-0000-4000-8000-00000c001800', 'YEARLY', 21, 100, 160.00),
    -- 19. BugNest Issue Tracker
    ('00000000-0000-4000-8000-00000c001900', 'MONTHLY', 1, 10, 5.00),
    ('00000000-0000-4000-8000-00000c001900', 'MONTHLY', 11, 100, 4.00),
    ('00000000-0000-4000-8000-00000c001900', 'MONTHLY', 101, null, 3.00),
    ('00000000-0000-4000-8000-00000c001900', 'YEARLY', 1, 10, 50.00),
    ('00000000-0000-4000-8000-00000c001900', 'YEARLY', 11, 100, 40.00),
    ('00000000-0000-4000-8000-00000c001900', 'YEARLY', 101, null, 30.00),
    -- 20. TestPilot Cloud Test Automation
    ('00000000-0000-4000-8000-00000c002000', 'MONTHLY', 1, 1, 99.00),
    ('00000000-0000-4000-8000-00000c002000', 'YEARLY', 1, 1, 990.00),
    ('00000000-0000-4000-8000-00000c002001', 'MONTHLY', 1, 1, 349.00),
    ('00000000-0000-4000-8000-00000c002001', 'YEARLY', 1, 1, 3490.00),
    -- 21. HelpDesk Hub Customer Support
    ('00000000-0000-4000-8000-00000c002100', 'MONTHLY', 1, 300, 12.00),
    ('00000000-0000-4000-8000-00000c002100', 'YEARLY', 1, 300, 120.00),
    -- 22. SecureVault Endpoint Protection License
    ('00000000-0000-4000-8000-00000c002200', 'YEARLY', 1, 1000, 24.00),
    -- 23. BackupPro Server Backup License
    ('00000000-0000-4000-8000-00000c002300', 'YEARLY', 1, 1, 179.00),
    ('00000000-0000-4000-8000-00000c002300', 'ONE_TIME', 1, 1, 499.00),
    ('00000000-0000-4000-8000-00000c002301', 'YEARLY', 1, 1, 449.00),
    ('00000000-0000-4000-8000-00000c002301', 'ONE_TIME', 1, 1, 1299.00),
    -- 24. DevForge IDE Team License
    ('00000000-0000-4000-8000-00000c002400', 'YEARLY', 1, 250, 59.00),
    ('00000000-0000-4000-8000-00000c002400', 'ONE_TIME', 1, 250, 149.00),
    -- 25. SQLGuard Database Audit License
    ('00000000-0000-4000-8000-00000c002500', 'YEARLY', 1, 1, 2400.00),
    ('00000000-0000-4000-8000-00000c002501', 'YEARLY', 1, 1, 7900.00),
    -- 26. OfficeDocs Document Server License
    ('00000000-0000-4000-8000-00000c002600', 'ONE_TIME', 10, 5000, 35.00),
    -- 27. Database Migration to Cloud
    ('00000000-0000-4000-8000-00000c002700', 'ONE_TIME', 1, 1, 1500.00),
    ('00000000-0000-4000-8000-00000c002701', 'ONE_TIME', 1, 1, 4800.00),
    -- 28. Website Migration Service
    ('00000000-0000-4000-8000-00000c002800', 'ONE_TIME', 1, 1, 399.00),
    ('00000000-0000-4000-8000-00000c002801', 'ONE_TIME', 1, 1, 1299.00),
    -- 29. Cloud Environment Setup
    ('00000000-0000-4000-8000-00000c002900', 'ONE_TIME', 1, 1, 800.00),
    ('00000000-0000-4000-8000-00000c002901', 'ONE_TIME', 1, 1, 2200.00),
    -- 30. Managed Server Maintenance
    ('00000000-0000-4000-8000-00000c003000', 'MONTHLY', 1, 1, 299.00),
    ('00000000-0000-4000-8000-00000c003001', 'MONTHLY', 1, 1, 899.00),
    ('00000000-0000-4000-8000-00000c003002', 'ONE_TIME', 1, 1, 350.00),
    -- 31. Kubernetes Cluster Setup Service
    ('00000000-0000-4000-8000-00000c003100', 'ONE_TIME', 1, 1, 2500.00),
    -- 32. Cloud Migration Readiness Assessment
    ('00000000-0000-4000-8000-00000c003200', 'ONE_TIME', 1, 1, 3500.00),
    ('00000000-0000-4000-8000-00000c003201', 'ONE_TIME', 1, 1, 7800.00),
    -- 33. Security Compliance Consulting (ISO 27001 and SOC 2)
    ('00000000-0000-4000-8000-00000c003300', 'ONE_TIME', 1, 1, 4200.00),
    ('00000000-0000-4000-8000-00000c003301', 'ONE_TIME', 1, 1, 12500.00),
    -- 34. Data Platform Architecture Workshop
    ('00000000-0000-4000-8000-00000c003400', 'ONE_TIME', 1, 1, 2900.00),
    -- 35. DevOps Training for Teams
    ('00000000-0000-4000-8000-00000c003500', 'ONE_TIME', 1, 1, 1200.00),
    ('00000000-0000-4000-8000-00000c003501', 'ONE_TIME', 1, 1, 4500.00),
    -- 36. Technical Documentation Writing
    ('00000000-0000-4000-8000-00000c003600', 'ONE_TIME', 1, 1, 900.00),
    ('00000000-0000-4000-8000-00000c003601', 'MONTHLY', 1, 1, 1500.00),
    -- 37. Stock Image and Icon Pack for SaaS Websites
    ('00000000-0000-4000-8000-00000c003700', 'ONE_TIME', 1, 1, 49.00),
    -- 38. Product Catalogue Content Creation
    ('00000000-0000-4000-8000-00000c003800', 'ONE_TIME', 1, 1, 600.00),
    ('00000000-0000-4000-8000-00000c003801', 'MONTHLY', 1, 1, 1800.00),
    -- 39. EdgeLink EG-200 Industrial Edge Gateway
    ('00000000-0000-4000-8000-00000c003900', 'ONE_TIME', 1, 1, 1290.00),
    -- 40. VaultBox 8-Bay Backup Appliance
    ('00000000-0000-4000-8000-00000c004000', 'ONE_TIME', 1, 1, 4990.00),
    ('00000000-0000-4000-8000-00000c004001', 'ONE_TIME', 1, 1, 7990.00)
on conflict do nothing;

-- Paid orders per day -----------------------------------------------------------------------------------------
-- 15 listed products sold between 2026-10-27 and 2026-11-24 ("popular" = most paid orders in the last 30 days),
-- plus older rows (September and October 2026) that fall outside that window and must not count.
insert into product_sales_day (product_id, day, paid_orders) values
    ('00000000-0000-4000-8000-00000b000100', '2026-10-27', 11),
    ('00000000-0000-4000-8000-00000b000100', '2026-10-30', 4),
    ('00000000-0000-4000-8000-00000b000100', '2026-11-03', 8),
    ('00000000-0000-4000-8000-00000b000100', '2026-11-06', 5),
    ('00000000-0000-4000-8000-00000b000100', '2026-11-10', 10),
    ('00000000-0000-4000-8000-00000b000100', '2026-11-14', 3),
    ('00000000-0000-4000-8000-00000b000100', '2026-11-17', 7),
    ('00000000-0000-4000-8000-00000b000100', '2026-11-21', 10),
    ('00000000-0000-4000-8000-00000b001300', '2026-10-27', 3),
    ('00000000-0000-4000-8000-00000b001300', '2026-10-30', 6),
    ('00000000-0000-4000-8000-00000b001300', '2026-11-03', 4),
    ('00000000-0000-4000-8000-00000b001300', '2026-11-06', 7),
    ('00000000-0000-4000-8000-00000b001300', '2026-11-10', 2),
    ('00000000-0000-4000-8000-00000b001300', '2026-11-14', 5),
    ('00000000-0000-4000-8000-00000b001300', '2026-11-17', 5),
    ('00000000-0000-4000-8000-00000b001300', '2026-11-21', 13),
    ('00000000-0000-4000-8000-00000b001200', '2026-10-27', 5),
    ('00000000-0000-4000-8000-00000b001200', '2026-10-30', 3),
    ('00000000-0000-4000-8000-00000b001200', '2026-11-03', 6),
    ('00000000-0000-4000-8000-00000b001200', '2026-11-06', 2),
    ('00000000-0000-4000-8000-00000b001200', '2026-11-10', 4),
    ('00000000-0000-4000-8000-00000b001200', '2026-11-14', 4),
    ('00000000-0000-4000-8000-00000b001200', '2026-11-17', 7),
    ('00000000-0000-4000-8000-00000b001200', '2026-11-21', 8),
    ('00000000-0000-4000-8000-00000b000500', '2026-10-27', 3),
    ('00000000-0000-4000-8000-00000b000500', '2026-10-30', 5),
    ('00000000-0000-4000-8000-00000b000500', '2026-11-03', 2),
    ('00000000-0000-4000-8000-00000b000500', '2026-11-06', 4),
    ('00000000-0000-4000-8000-00000b000500', '2026-11-10', 3),
    ('00000000-0000-4000-8000-00000b000500', '2026-11-14', 6),
    ('00000000-0000-4000-8000-00000b000500', '2026-11-17', 2),
    ('00000000-0000-4000-8000-00000b000500', '2026-11-21', 8),
    ('00000000-0000-4000-8000-00000b000600', '2026-10-27', 5),
    ('00000000-0000-4000-8000-00000b000600', '2026-10-31', 2),
    ('00000000-0000-4000-8000-00000b000600', '2026-11-04', 4),
    ('00000000-0000-4000-8000-00000b000600', '2026-11-08', 3),
    ('00000000-0000-4000-8000-00000b000600', '2026-11-12', 6),
    ('00000000-0000-4000-8000-00000b000600', '2026-11-16', 2),
    ('00000000-0000-4000-8000-00000b000600', '2026-11-20', 8),
    ('00000000-0000-4000-8000-00000b000400', '2026-10-30', 2),
    ('00000000-0000-4000-8000-00000b000400', '2026-11-03', 4),
    ('00000000-0000-4000-8000-00000b000400', '2026-11-08', 4),
    ('00000000-0000-4000-8000-00000b000400', '2026-11-13', 7),
    ('00000000-0000-4000-8000-00000b000400', '2026-11-18', 2),
    ('00000000-0000-4000-8000-00000b000400', '2026-11-23', 8),
    ('00000000-0000-4000-8000-00000b001400', '2026-10-30', 4),
    ('00000000-0000-4000-8000-00000b001400', '2026-11-04', 3),
    ('00000000-0000-4000-8000-00000b001400', '2026-11-10', 6),
    ('00000000-0000-4000-8000-00000b001400', '2026-11-16', 2),
    ('00000000-0000-4000-8000-00000b001400', '2026-11-22', 7),
    ('00000000-0000-4000-8000-00000b000300', '2026-10-27', 3),
    ('00000000-0000-4000-8000-00000b000300', '2026-11-03', 7),
    ('00000000-0000-4000-8000-00000b000300', '2026-11-10', 2),
    ('00000000-0000-4000-8000-00000b000300', '2026-11-17', 7),
    ('00000000-0000-4000-8000-00000b001500', '2026-10-30', 6),
    ('00000000-0000-4000-8000-00000b001500', '2026-11-06', 2),
    ('00000000-0000-4000-8000-00000b001500', '2026-11-13', 4),
    ('00000000-0000-4000-8000-00000b001500', '2026-11-20', 4),
    ('00000000-0000-4000-8000-00000b001600', '2026-10-27', 3),
    ('00000000-0000-4000-8000-00000b001600', '2026-11-05', 6),
    ('00000000-0000-4000-8000-00000b001600', '2026-11-15', 4),
    ('00000000-0000-4000-8000-00000b000200', '2026-10-29', 6),
    ('00000000-0000-4000-8000-00000b000200', '2026-11-12', 5),
    ('00000000-0000-4000-8000-00000b000800', '2026-11-01', 3),
    ('00000000-0000-4000-8000-00000b000800', '2026-11-15', 6),
    ('00000000-0000-4000-8000-00000b002700', '2026-11-03', 6),
    ('00000000-0000-4000-8000-00000b002200', '2026-11-06', 4),
    ('00000000-0000-4000-8000-00000b003900', '2026-11-09', 2),
    ('00000000-0000-4000-8000-00000b000800', '2026-09-18', 40),
    ('00000000-0000-4000-8000-00000b000800', '2026-10-12', 12),
    ('00000000-0000-4000-8000-00000b003900', '2026-10-02', 30),
    ('00000000-0000-4000-8000-00000b000200', '2026-09-25', 25),
    ('00000000-0000-4000-8000-00000b000200', '2026-10-19', 8)
on conflict do nothing;

-- Derived columns -------------------------------------------------------------------------------------------
-- from_price = lowest unit price over all specifications, billing modes and tiers; billing_modes = the sorted
-- distinct billing modes offered. Recomputed from the rows on every run, for the seeded products only.
update product p
set from_price    = d.from_price,
    billing_modes = d.billing_modes
from (select s.product_id,
             min(sp.unit_price)                                           as from_price,
             array_agg(distinct sp.billing_mode order by sp.billing_mode) as billing_modes
      from specification s
      join specification_price sp on sp.specification_id = s.id
      group by s.product_id) d
where p.id = d.product_id
  and p.id between '00000000-0000-4000-8000-00000b000000' and '00000000-0000-4000-8000-00000bffffff'
  and (p.from_price is distinct from d.from_price or p.billing_modes is distinct from d.billing_modes);
