package dev.opengallery.catalog;

/** The seven product types of the marketplace. */
public enum ProductType {
    IMAGE, SAAS, LICENSE, PROFESSIONAL_SERVICE, CONSULTING_SERVICE, CONTENT_SERVICE, HARDWARE;

    /** Licenses, professional and consulting services always run through service supervision. */
    public boolean alwaysSupervised() {
        return this == LICENSE || this == PROFESSIONAL_SERVICE || this == CONSULTING_SERVICE;
    }

    /** SaaS may involve supervision, at the seller's choice; the always-supervised types do. */
    public boolean maySupervise() {
        return alwaysSupervised() || this == SAAS;
    }

    /** Types whose buyers submit a request following the seller's template. */
    public boolean takesRequestTemplate() {
        return this == SAAS || this == PROFESSIONAL_SERVICE || this == CONSULTING_SERVICE;
    }
}
