-- OpenGallery schema, part 9: money safety.
-- A milestone order that is canceled (an operator's appeal decision, the 365-day rule) cancels its unpaid bills:
-- they can no longer be paid, and the offer credit they held is given back.
alter table milestone_bill drop constraint milestone_bill_status_check;
alter table milestone_bill
    add constraint milestone_bill_status_check check (status in ('GENERATED', 'PAID', 'OVERDUE', 'CANCELED'));
