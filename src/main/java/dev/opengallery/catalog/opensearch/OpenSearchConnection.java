package dev.opengallery.catalog.opensearch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import dev.opengallery.core.Contexts;
import io.smallrye.mutiny.Uni;

/**
 * The one client of the OpenSearch cluster ({@code opengallery.search.opensearch.*}): the maintained
 * {@code opensearch-java} client on its asynchronous Apache HttpClient 5 transport, so no request blocks a thread
 * (the transport's own I/O threads wait; {@link #call} hands the answer back to the caller's Vert.x context). Built
 * on first use, so an instance with {@code engine=postgresql} never opens a connection.
 */
@ApplicationScoped
public class OpenSearchConnection {

    private static final Logger LOG = Logger.getLogger(OpenSearchConnection.class);

    @Inject
    SearchConfig config;

    private volatile ApacheHttpClient5Transport transport;
    private volatile OpenSearchAsyncClient client;
    private volatile OpenSearchGenericClient generic;

    /** The client, built on first use. */
    public OpenSearchAsyncClient client() {
        OpenSearchAsyncClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    transport = transport(config.opensearch());
                    generic = new OpenSearchGenericClient(transport);
                    client = new OpenSearchAsyncClient(transport);
                }
                c = client;
            }
        }
        return c;
    }

    /** The client for requests the typed API does not cover (an index created from its JSON definition). */
    public OpenSearchGenericClient generic() {
        client();
        return generic;
    }

    /**
     * Runs one request of the client and answers on the caller's Vert.x context (when there is one). The request's
     * checked {@link IOException} (it could not even be sent) fails the Uni like any other failure.
     */
    public <T> Uni<T> call(Request<T> request) {
        Uni<T> answer = Uni.createFrom().completionStage(() -> {
            try {
                return request.send(client());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        return Contexts.onCallersContext(answer);
    }

    /** One request of the asynchronous client. */
    @FunctionalInterface
    public interface Request<T> {
        CompletableFuture<T> send(OpenSearchAsyncClient client) throws IOException;
    }

    /** The alias searches and indexing go through: {@code <prefix>products}. */
    public String alias() {
        return config.opensearch().indexPrefix() + "products";
    }

    static ApacheHttpClient5Transport transport(SearchConfig.OpenSearch settings) {
        HttpHost host;
        try {
            host = HttpHost.create(settings.url().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("opengallery.search.opensearch.url is not a URL: " + settings.url(), e);
        }
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(rc -> rc
                        .setConnectionRequestTimeout(Timeout.of(settings.timeout()))
                        .setResponseTimeout(Timeout.of(settings.timeout())));
        BasicCredentialsProvider credentials = settings.username().map(user -> {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(new AuthScope(host),
                    new UsernamePasswordCredentials(user, settings.password().orElse("").toCharArray()));
            return provider;
        }).orElse(null);
        builder.setHttpClientConfigCallback(b -> credentials == null ? b : b.setDefaultCredentialsProvider(credentials));
        builder.setConnectionConfigCallback(cc -> cc.setConnectTimeout(Timeout.of(settings.connectTimeout())));
        return builder.build();
    }

    @PreDestroy
    void close() {
        ApacheHttpClient5Transport t = transport;
        if (t != null) {
            try {
                t.close();
            } catch (IOException e) {
                LOG.debugf("Closing the OpenSearch client: %s", e.toString());
            }
        }
    }
}
