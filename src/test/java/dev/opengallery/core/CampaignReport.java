package dev.opengallery.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.opengallery.core.BadRequests.Probe;
import dev.opengallery.core.OpenApiOperations.Op;

/**
 * What the campaign saw: requests by status class and code, and its findings grouped by kind (a 5xx, a 4xx that
 * is not a problem document, a bad request that was taken, a refused batch that changed rows, no answer).
 */
final class CampaignReport {

    /** Kinds of finding that other work in progress addresses (strict JSON, HTTP-level problem documents). */
    private static final Map<String, String> ELSEWHERE = new java.util.HashMap<>();

    static {
        for (String kind : List.of("float-for-integer", "string-for-number", "enum-by-number", "duplicate-key",
                "unknown-property", "non-utf8-charset", "number-for-string", "number-for-boolean", "string-for-boolean",
                "malformed-json")) {
            ELSEWHERE.put("accepted: " + kind, "strict JSON");
        }
        ELSEWHERE.put("5xx: duplicate-key", "strict JSON");
        for (int status : new int[] { 405, 406, 413, 414, 415, 431 }) {
            ELSEWHERE.put("4xx without problem+json: " + status, "HTTP edge");
        }
        ELSEWHERE.put("5xx: truncated-multipart", "HTTP edge");
    }

    private static final int EXAMPLES = 6;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> byClass = new TreeMap<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, List<String>> findings = new TreeMap<>();
    /** Per operation, the statuses it answered its own role: shows whether the bad requests reached validation. */
    private final Map<String, Map<Integer, Integer>> ownRole = new TreeMap<>();
    private int requests;
    /** The answers of the current batch that got past authentication and roles, for a rows-changed finding. */
    private final List<String> batch = new ArrayList<>();

    void startBatch() {
        batch.clear();
    }

    /**
     * Records one answer (status -1: no answer); true when the service took the bad request (a 2xx that is not
     * a GET and not a refusal in the answer's body).
     */
    boolean record(Op op, String role, Probe probe, int status, String contentType, String body) {
        requests++;
        String cls = status < 0 ? "no answer" : (status / 100) + "xx";
        byClass.merge(cls, 1, Integer::sum);
        byStatus.merge(status, 1, Integer::sum);
        String what = describe(op, role, probe) + " -> " + status;
        if (role.equals(CampaignWorld.primaryRole(op.path()))) {
            ownRole.computeIfAbsent(op.key(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }
        if (status != 401 && status != 403) {
            batch.add("[" + probe.kind() + ": " + probe.where() + "] -> " + status);
        }
        if (status < 0) {
            finding("no answer: " + probe.kind(), what + " " + body);
        } else if (status >= 500) {
            finding("5xx: " + probe.kind(), what);
        } else if (status >= 400) {
            String problem = problemDefect(status, contentType, body);
            if (problem != null) {
                finding("4xx without problem+json: " + status, what + " (" + problem + ")");
            }
        } else if (!probe.method().equals("GET") && !refusedInBody(op, body)) {
            // an answer without a body (204) has no representation that an Accept header could refuse: taken, fine
            if (!(probe.kind().equals("not-acceptable") && (body == null || body.isEmpty()))) {
                finding("accepted: " + probe.kind(), what);
            }
            return true;
        }
        return false;
    }

    void rowsChanged(Op op, String role, List<String> tables) {
        finding("refused requests changed rows", op.key() + " as " + role + ": tables " + tables + "; answers that "
                + "passed authentication: " + (batch.size() > 12 ? batch.subList(0, 12) + "..." : batch));
    }

    private void finding(String kind, String example) {
        findings.computeIfAbsent(kind, k -> new ArrayList<>()).add(example);
    }

    static String describe(Op op, String role, Probe probe) {
        String uri = probe.uri().length() > 140 ? BadRequests.abbreviate(probe.uri()) : probe.uri();
        return probe.method() + " " + uri + " as " + role + " [" + probe.kind() + ": " + probe.where() + "]"
                + (probe.method().equals(op.method()) ? "" : " (operation " + op.key() + ")");
    }

    /** What is wrong with a 4xx answer as a problem document, or null. */
    private String problemDefect(int status, String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "Content-Type " + contentType;
        }
        try {
            JsonNode p = json.readTree(body);
            if (!p.path("type").isTextual() || !p.path("title").isTextual() || p.path("status").asInt() != status) {
                return "body lacks type/title/status " + status + ": " + BadRequests.abbreviate(body);
            }
        } catch (Exception e) {
            return "body is not JSON";
        }
        return null;
    }

    /** A batch of ECS events is answered 200 with one outcome per event: all REFUSED is a refusal. */
    private boolean refusedInBody(Op op, String body) {
        if (!op.path().endsWith("/ecs-events/batch")) {
            return false;
        }
        try {
            JsonNode results = json.readTree(body).path("results");
            for (JsonNode r : results) {
                if (!r.path("outcome").asText().equals("REFUSED")) {
                    return false;
                }
            }
            return results.size() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    boolean clean() {
        return findings.isEmpty();
    }

    String summary(int operations, long millis) {
        return "Bad-input campaign: " + operations + " operations, " + requests + " requests in " + millis / 1000
                + " s; by class " + byClass + "; by status " + byStatus + "; " + findings.values().stream()
                        .mapToInt(List::size).sum() + " findings in " + findings.size() + " kinds";
    }

    String perOperation() {
        StringBuilder sb = new StringBuilder("\nAnswers to each operation's own role, by status:");
        ownRole.forEach((op, statuses) -> sb.append("\n  ").append(op).append(' ').append(statuses));
        return sb.toString();
    }

    String findingsText() {
        StringBuilder sb = new StringBuilder();
        findings.forEach((kind, examples) -> {
            String elsewhere = ELSEWHERE.get(kind);
            sb.append("\n* ").append(kind).append(" (").append(examples.size()).append(")")
                    .append(elsewhere == null ? "" : " [addressed by: " + elsewhere + "]");
            examples.stream().limit(EXAMPLES).forEach(e -> sb.append("\n    ").append(e));
            if (examples.size() > EXAMPLES) {
                sb.append("\n    ... and ").append(examples.size() - EXAMPLES).append(" more");
            }
        });
        return sb.toString();
    }
}
