package dev.opengallery.tickets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.Params;
import dev.opengallery.core.ProblemException;

/** Shared by the three ticket resources: filters and attachment downloads. */
final class TicketHttp {

    static final String VERSION = " Send the version you read to be sure nothing changed (409 otherwise).";
    static final String REFUSED = " A move the ticket's state does not allow answers 409 with currentState and what "
            + "you may do now.";
    static final String FILES = " Files follow the supervision attachment rules: at most 3, 3 MiB each (413), of "
            + "the allowed types (415).";

    private TicketHttp() {
    }

    static TicketQueries.Filter filter(String state, String category, String overdue, Integer olderThanHours) {
        Boolean o = null;
        if (overdue != null && !overdue.isBlank()) {
            if (!overdue.trim().equals("true") && !overdue.trim().equals("false")) {
                throw ProblemException.invalid("overdue", "must be true or false");
            }
            o = Boolean.parseBoolean(overdue.trim());
        }
        if (olderThanHours != null && (olderThanHours < 0 || olderThanHours > 87_600)) {
            throw ProblemException.invalid("olderThanHours", "must be between 0 and 87600");
        }
        return new TicketQueries.Filter(Params.enumOf(TicketState.class, "state", state),
                Params.enumOf(TicketCategory.class, "category", category), o, olderThanHours);
    }

    static RestResponse<byte[]> download(TicketQueries.Download d) {
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return RestResponse.ResponseBuilder.ok(d.data(), d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }
}
