package dev.opengallery.tickets;

/** Who acts on a ticket; {@link #role()} is what the message records store. */
public enum TicketActor {
    BUYER("customer"), OPERATOR("operator"), SELLER("seller"), SYSTEM("system");

    private final String role;

    TicketActor(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
