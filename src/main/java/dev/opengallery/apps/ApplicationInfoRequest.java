package dev.opengallery.apps;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a seller supplies (or rotates) for a buyer's SaaS app. The password is write-only and stored encrypted. */
@Schema(name = "ApplicationInfoRequest")
public record ApplicationInfoRequest(
        @NotBlank @Size(max = 200) @Schema(example = "admin@acme") String username,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        @Schema(description = "Initial password: required the first time; when left out later the stored one is kept. "
                + "Stored encrypted, never returned except to the buyer's reveal call", writeOnly = true) String password,
        @NotBlank @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") @Schema(example = "https://admin.cloudcrm.example/acme") String managementUrl,
        @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") @Schema(example = "https://acme.cloudcrm.example") String frontendUrl,
        @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") @Schema(description = "Guide for this app; the product guide when left out") String guideUrl) {

    static final String URL = "https?://[^\\s]+";

    @Override
    public String toString() {
        return "ApplicationInfoRequest[username=" + username + ", password=***, managementUrl=" + managementUrl
                + ", frontendUrl=" + frontendUrl + ", guideUrl=" + guideUrl + "]";
    }
}
