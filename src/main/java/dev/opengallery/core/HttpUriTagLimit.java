package dev.opengallery.core;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;

/**
 * Lets {@code http.server.requests} carry a {@code uri} tag for every templated path this service serves.
 * <p>
 * Quarkus bounds that tag at {@code quarkus.micrometer.binder.http-server.max-uri-tags} (100 by default), a guard
 * against raw paths with ids in them; this service has more templated paths than that, so the endpoints first
 * called after the hundredth went unmeasured. The bound here is computed when the first request is measured, from
 * the REST layer's own routing table (every resource method's class path + method path, as the tag spells it):
 * <ul>
 * <li>every templated path is always accepted (a known, finite set that grows only with the code);</li>
 * <li>any other value (Quarkus's {@code NOT_FOUND}, {@code REDIRECTION}, {@code root}, {@code UNKNOWN}, routes
 * outside the REST layer, a raw path of a request refused before routing) is accepted only up to
 * {@link #headroom} more values: a quarter of the templated paths, at least {@link #MIN_HEADROOM}, so that a flood
 * of raw paths can neither blow up the registry nor crowd out a real endpoint.</li>
 * </ul>
 * The effective limit is thus templated paths + headroom. This filter has a higher priority than Quarkus's own,
 * which runs after it and sees only what this one leaves undecided (no {@code http.server.requests} meter).
 */
@Singleton
@Priority(100)
public class HttpUriTagLimit implements MeterFilter {

    private static final Logger LOG = Logger.getLogger(HttpUriTagLimit.class);

    static final String METER = "http.server.requests";
    /** Values other than templated paths Quarkus itself produces: NOT_FOUND, REDIRECTION, root, UNKNOWN, plus some. */
    static final int MIN_HEADROOM = 20;

    private volatile Set<String> templates;
    private volatile int headroom;
    private final Set<String> others = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (!id.getName().equals(METER)) {
            return MeterFilterReply.NEUTRAL;
        }
        String uri = id.getTag("uri");
        if (uri == null) {
            return MeterFilterReply.NEUTRAL;
        }
        if (templates().contains(uri) || others.contains(uri)) {
            return MeterFilterReply.ACCEPT;
        }
        synchronized (others) {
            if (others.size() < headroom) {
                others.add(uri);
                return MeterFilterReply.ACCEPT;
            }
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warnf("Reached the maximum number (%d) of URI tags for '%s' besides the %d templated paths: "
                    + "requests with other uri values are not measured", headroom, METER, templates().size());
        }
        return MeterFilterReply.DENY;
    }

    /** The templated paths the REST layer routes, as the uri tag spells them; read once, at the first request. */
    public Set<String> templates() {
        Set<String> t = templates;
        if (t == null) {
            synchronized (this) {
                t = templates;
                if (t == null) {
                    t = read(ResteasyReactiveRecorder.getCurrentDeployment());
                    headroom = Math.max(MIN_HEADROOM, t.size() / 4);
                    templates = t;
                    LOG.infof("HTTP server metrics: %d templated paths, uri tag limit %d (%d more values allowed)",
                            t.size(), t.size() + headroom, headroom);
                }
            }
        }
        return t;
    }

    static Set<String> read(Deployment deployment) {
        Set<String> out = new TreeSet<>();
        if (deployment == null) {
            return out;
        }
        String prefix = trimEnd(deployment.getPrefix());
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> cls : deployment.getClassMappers()) {
            for (ServerRestHandler h : cls.value.handlers) {
                if (h instanceof ClassRoutingHandler routing) {
                    for (RequestMapper<RuntimeResource> methods : routing.getMappers().values()) {
                        for (RequestMapper.RequestPath<RuntimeResource> m : methods.getTemplates()) {
                            out.add(join(prefix, cls.template.template, m.template.template));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String join(String prefix, String classPath, String methodPath) {
        String path = trimEnd(prefix) + "/" + trimBoth(classPath) + "/" + trimBoth(methodPath);
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String trimEnd(String s) {
        return s == null ? "" : s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String trimBoth(String s) {
        String t = s == null ? "" : s;
        return t.startsWith("/") ? trimEnd(t.substring(1)) : trimEnd(t);
    }
}
