-- When an image's yearly or monthly subscription ends (unsubscribed by its buyer, or RELEASED after retention),
-- the compute service is told to release the ECS: a RELEASE event in the same outbox as SUSPEND and RESUME.
alter table metering_outbox drop constraint metering_outbox_type_check;
alter table metering_outbox add constraint metering_outbox_type_check check (type in ('SUSPEND', 'RESUME', 'RELEASE'));
