package dev.opengallery.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A checksum of every table of the public schema (row count and an order-independent sum of the rows' md5), all
 * in one statement, so that a batch of refused requests can be shown to have changed no row. No table is
 * excluded: the campaign creates every role's account before its first checksum, and nothing else may change on
 * a refused request.
 */
final class TableChecksums {

    private final Pool pool;
    private final String statement;

    TableChecksums(Pool pool) {
        this.pool = pool;
        List<String> tables = new ArrayList<>();
        for (Row r : pool.query("select tablename from pg_tables where schemaname = 'public' order by 1").execute()
                .await().indefinitely()) {
            tables.add(r.getString(0));
        }
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add("select '" + t + "' as t, count(*)::text || ':' || coalesce(sum(('x' || "
                    + "substr(md5(r::text), 1, 15))::bit(60)::bigint), 0)::text as h from \"" + t + "\" r");
        }
        statement = String.join(" union all ", parts);
    }

    Map<String, String> take() {
        Map<String, String> sums = new TreeMap<>();
        for (Row r : pool.query(statement).execute().await().indefinitely()) {
            sums.put(r.getString("t"), r.getString("h"));
        }
        return sums;
    }

    /** The tables whose checksum differs. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        after.forEach((t, h) -> {
            if (!h.equals(before.get(t))) {
                out.add(t);
            }
        });
        return out;
    }
}
