package dev.opengallery.catalog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SellerProfile")
public record SellerProfileView(UUID id, String companyName, String serviceEmail, String servicePhone,
        String supportRange, long version) {

    static SellerProfileView of(SellerProfile p) {
        return new SellerProfileView(p.accountId, p.companyName, p.serviceEmail, p.servicePhone, p.supportRange,
                p.version);
    }
}
