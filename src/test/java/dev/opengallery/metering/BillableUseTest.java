package dev.opengallery.metering;

import static dev.opengallery.metering.BillableUse.EventType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.metering.BillableUse.Charge;
import dev.opengallery.metering.BillableUse.EcsBillingMode;
import dev.opengallery.metering.BillableUse.Event;
import dev.opengallery.metering.BillableUse.Image;
import dev.opengallery.metering.BillableUse.Status;

/** The billable-hour rules as plain functions (the SQL of the billing job is held to the same cases in MeteringApiTest). */
class BillableUseTest {

    static final Image LAMP = new Image(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("0.2500"), "USD");
    static final Image WIKI = new Image(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("0.1000"), "USD");
    static final Image LAMP_BIG = new Image(LAMP.productId(), UUID.randomUUID(), new BigDecimal("0.5000"), "USD");

    static Instant at(String hhmm) {
        return Instant.parse("2026-11-25T" + hhmm + ":00Z");
    }

    static final class Events {
        final List<Event> list = new ArrayList<>();

        Events created(String at, Image image) {
            return add(new Event(list.size(), CREATED, at(at), image, EcsBillingMode.PAY_PER_USE, null));
        }

        Events createdYearly(String at, Image image, String expires) {
            return add(new Event(list.size(), CREATED, at(at), image, EcsBillingMode.YEARLY, at(expires)));
        }

        Events on(BillableUse.EventType type, String at) {
            return add(new Event(list.size(), type, at(at), null, null, null));
        }

        Events replaced(String at, Image image) {
            return add(new Event(list.size(), IMAGE_REPLACED, at(at), image, null, null));
        }

        Events renewed(String at, String expires) {
            return add(new Event(list.size(), RENEWED, at(at), null, null, at(expires)));
        }

        Events add(Event e) {
            list.add(e);
            return this;
        }

        /** Charges for the hours 00:00 to 20:00, as "HH product". */
        List<String> charges() {
            return describe(BillableUse.charges(BillableUse.derive(list).periods(), at("00:00"), at("20:00")));
        }
    }

    static Events ecs() {
        return new Events();
    }

    static List<String> describe(List<Charge> charges) {
        return charges.stream().map(c -> String.format("%02d %s", c.hour().atZone(java.time.ZoneOffset.UTC).getHour(),
                c.productId().equals(LAMP.productId()) ? "LAMP" : "WIKI")).toList();
    }

    @Test
    void createdAndDeletedWithinAnHourIsOneCharge() {
        assertEquals(List.of("10 LAMP"), ecs().created("10:20", LAMP).on(DELETED, "10:40").charges());
    }

    @Test
    void partOfAnHourIsAWholeHour() {
        assertEquals(List.of("10 LAMP", "11 LAMP"), ecs().created("10:50", LAMP).on(DELETED, "11:05").charges());
    }

    @Test
    void anHourEndingExactlyOnTheHourIsNotChargedForTheNextHour() {
        assertEquals(List.of("10 LAMP"), ecs().created("10:00", LAMP).on(DELETED, "11:00").charges());
    }

    @Test
    void anotherProductsImageWithinTheHourChargesBothThenOnlyTheNewOne() {
        assertEquals(List.of("10 LAMP", "10 WIKI", "11 WIKI", "12 WIKI"),
                ecs().created("10:10", LAMP).replaced("10:30", WIKI).on(DELETED, "12:15").charges());
    }

    @Test
    void theSameImageAgainIsChargedOnce() {
        Events e = ecs().created("10:10", LAMP).replaced("10:30", LAMP).on(DELETED, "11:30");
        assertEquals(List.of("10 LAMP", "11 LAMP"), e.charges());
        assertEquals(1, BillableUse.derive(e.list).periods().size(), "one continuous period");
    }

    @Test
    void anotherSpecificationOfTheSameProductInTheHourIsOneChargeAtTheEarlierPrice() {
        List<Charge> charges = BillableUse.charges(BillableUse.derive(ecs().created("10:10", LAMP)
                .replaced("10:30", LAMP_BIG).on(DELETED, "11:30").list).periods(), at("00:00"), at("20:00"));
        assertEquals(2, charges.size());
        assertEquals(new BigDecimal("0.2500"), charges.get(0).amount());
        assertEquals(new BigDecimal("0.5000"), charges.get(1).amount());
    }

    @Test
    void anImageNotBilledByTheHourStopsBilling() {
        assertEquals(List.of("10 LAMP"), ecs().created("10:10", LAMP).replaced("10:30", null).charges());
    }

    @Test
    void suspendedHoursAreNotCharged() {
        assertEquals(List.of("09 LAMP", "10 LAMP", "13 LAMP"),
                ecs().created("09:00", LAMP).on(SUSPENDED, "10:20").on(RESUMED, "13:10").on(DELETED, "13:30").charges());
    }

    @Test
    void aYearlyEcsIsNotChargedFromItsExpiry() {
        assertEquals(List.of("08 LAMP", "09 LAMP"), ecs().createdYearly("08:30", LAMP, "10:00").charges());
        // an EXPIRED event does the same, and RENEWED bills again from the renewal
        assertEquals(List.of("08 LAMP", "09 LAMP", "12 LAMP"), ecs().createdYearly("08:30", LAMP, "18:00")
                .on(EXPIRED, "10:00").renewed("12:40", "12:50").charges());
    }

    @Test
    void aPayPerUseEcsKeepsRunningWithoutExpiry() {
        assertEquals(20 - 8, ecs().created("08:30", LAMP).charges().size());
    }

    @Test
    void eventsApplyInEventTimeOrderWhateverTheArrivalOrder() {
        Events late = ecs().created("09:00", LAMP).on(DELETED, "14:30").on(RESUMED, "13:10").on(SUSPENDED, "10:20");
        assertEquals(List.of("09 LAMP", "10 LAMP", "13 LAMP", "14 LAMP"), late.charges());
        assertEquals(Status.DELETED, BillableUse.derive(late.list).status());
    }

    @Test
    void nothingIsChargedAfterDeletionOrBeforeCreation() {
        Events e = ecs().on(SUSPENDED, "08:00").on(RESUMED, "08:10").created("10:20", LAMP).on(DELETED, "10:40")
                .on(RESUMED, "12:00");
        assertEquals(List.of("10 LAMP"), e.charges());
    }

    @Test
    void statusAfterTheLastEvent() {
        assertEquals(Status.NEW, BillableUse.derive(ecs().on(SUSPENDED, "08:00").list).status());
        assertEquals(Status.SUSPENDED, BillableUse.derive(ecs().created("08:00", LAMP).on(SUSPENDED, "09:00").list).status());
        assertEquals(Status.EXPIRED, BillableUse.derive(ecs().createdYearly("08:00", LAMP, "09:00").on(EXPIRED, "09:00").list).status());
        BillableUse.Derived running = BillableUse.derive(ecs().created("08:00", LAMP).replaced("09:00", WIKI).list);
        assertEquals(Status.RUNNING, running.status());
        assertEquals(WIKI, running.image());
        assertNull(running.periods().get(running.periods().size() - 1).end());
    }

    @Test
    void aPeriodWhoseFirstHourAnEarlierPeriodOfTheSameProductTouchedSkipsIt() {
        var periods = BillableUse.derive(ecs().created("10:10", LAMP).replaced("10:20", WIKI).replaced("10:30", LAMP)
                .replaced("12:00", LAMP_BIG).list).periods();
        assertEquals(4, periods.size());
        boolean[] skip = BillableUse.skipFirstHour(periods);
        assertEquals("[false, false, true, false]", java.util.Arrays.toString(skip));
        var touching = BillableUse.derive(ecs().created("10:10", LAMP).replaced("10:30", LAMP_BIG).list).periods();
        assertEquals("[false, true]", java.util.Arrays.toString(BillableUse.skipFirstHour(touching)));
    }

    @Test
    void onlyTheHoursAsked() {
        List<Charge> charges = BillableUse.charges(BillableUse.derive(ecs().created("08:30", LAMP).list).periods(),
                at("10:00"), at("12:00"));
        assertEquals(List.of("10 LAMP", "11 LAMP"), describe(charges));
    }
}
