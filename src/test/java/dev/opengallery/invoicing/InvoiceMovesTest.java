package dev.opengallery.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

/** The invoice aggregate's moves (no database): what each does to the invoice and to the orders it holds. */
class InvoiceMovesTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID OPERATOR = UUID.randomUUID();
    final UUID o1 = UUID.randomUUID();
    final UUID o2 = UUID.randomUUID();

    Invoice requested() {
        Map<UUID, BigDecimal> paid = new LinkedHashMap<>();
        paid.put(o1, new BigDecimal("660.00"));
        paid.put(o2, new BigDecimal("100.50"));
        return Invoice.request(UUID.randomUUID(), CUSTOMER, " Acme Ltd. ", " DE1 ", "USD", paid, CUSTOMER, NOW);
    }

    List<InvoiceOrder> lines(Invoice i) {
        return List.of(new InvoiceOrder(i.id(), o1, new BigDecimal("660.00")),
                new InvoiceOrder(i.id(), o2, new BigDecimal("100.50")));
    }

    @Test
    void aRequestedInvoiceIsForWhatWasPaidForItsOrders() {
        Invoice i = requested();
        assertEquals(InvoiceLifecycle.State.REQUESTED, i.state());
        assertEquals(new BigDecimal("760.50"), i.amount());
        assertEquals("Acme Ltd.", i.title);
        assertNull(i.number());
    }

    @Test
    void issuingGivesTheNumberAndKeepsTheOrders() {
        Invoice i = requested();
        List<InvoiceOrder> lines = lines(i);
        i.issue("OG-1", OPERATOR, NOW);
        assertEquals(InvoiceLifecycle.State.ISSUED, i.state());
        assertEquals("OG-1", i.number());
        assertEquals(NOW, i.issuedAt.toInstant());
        assertTrue(lines.stream().allMatch(InvoiceOrder::live));
        ProblemException again = assertThrows(ProblemException.class, () -> i.issue("OG-2", OPERATOR, NOW));
        assertEquals("ISSUED", again.toProblem().currentState());
        assertEquals("OG-1", i.number());
    }

    @Test
    void aReturnedInvoiceLetsGoOfItsOrders() {
        Invoice i = requested();
        List<InvoiceOrder> lines = lines(i);
        i.issue("OG-1", OPERATOR, NOW);
        i.askReturn("  wrong tax id ", CUSTOMER, lines, NOW);
        assertEquals(InvoiceLifecycle.State.RETURN_REQUESTED, i.state());
        assertTrue(lines.stream().allMatch(InvoiceOrder::live));
        i.returnByOperator(null, OPERATOR, lines, NOW);
        assertEquals(InvoiceLifecycle.State.RETURNED, i.state());
        assertEquals("wrong tax id", i.note, "a return without a reason keeps the last reason given");
        assertTrue(lines.stream().noneMatch(InvoiceOrder::live));
    }

    @Test
    void withdrawingARequestedInvoiceReturnsItAtOnce() {
        Invoice i = requested();
        List<InvoiceOrder> lines = lines(i);
        i.askReturn(null, CUSTOMER, lines, NOW);
        assertEquals(InvoiceLifecycle.State.RETURNED, i.state());
        assertFalse(lines.get(0).live());
    }

    @Test
    void reapplyingTakesTheOrdersBackAtWhatIsPaidNowAndDropsTheNumber() {
        Invoice i = requested();
        List<InvoiceOrder> lines = lines(i);
        ProblemException notYet = assertThrows(ProblemException.class, () -> i.mustAllow(InvoiceLifecycle.Action.REAPPLY));
        assertEquals(409, notYet.status());
        i.issue("OG-1", OPERATOR, NOW);
        i.returnByOperator("wrong title", OPERATOR, lines, NOW);
        i.mustAllow(InvoiceLifecycle.Action.REAPPLY);
        Map<UUID, BigDecimal> paid = Map.of(o1, new BigDecimal("660.00"), o2, new BigDecimal("200.00"));
        i.reapply("Acme GmbH", " ", paid, lines, CUSTOMER, NOW.plusSeconds(60));
        assertEquals(InvoiceLifecycle.State.REQUESTED, i.state());
        assertNull(i.number());
        assertNull(i.issuedAt);
        assertNull(i.returnedAt);
        assertEquals(new BigDecimal("860.00"), i.amount());
        assertEquals("Acme GmbH", i.title);
        assertEquals("DE1", i.taxId, "a blank tax id keeps the old one");
        assertTrue(lines.stream().allMatch(InvoiceOrder::live));
        assertEquals(new BigDecimal("200.00"), lines.get(1).amount());
    }
}
