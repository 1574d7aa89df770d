package dev.opengallery.supervision;

/** Who acts on a flow. {@link #role()} is what operation records store. */
public enum Actor {
    BUYER("customer"), SELLER("seller"), OPERATOR("operator"), SYSTEM("system");

    private final String role;

    Actor(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    public static Actor ofRole(String role) {
        for (Actor a : values()) {
            if (a.role.equals(role)) {
                return a;
            }
        }
        throw new IllegalArgumentException(role);
    }
}
