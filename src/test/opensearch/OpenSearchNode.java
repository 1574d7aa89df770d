import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, for the tests and the search benchmark (node.sh starts it):
 * {@code OpenSearchNode PORT HOME [--exit-with-stdin]}. Single-node discovery on 127.0.0.1, data under HOME (kept,
 * so a node started again on the same HOME has its indices back), the disk threshold off. With
 * {@code --exit-with-stdin} it stops when its standard input closes (the test JVM that started it is gone).
 */
public class OpenSearchNode {

    /** Node's constructor that takes classpath plugins is protected. */
    static final class PluginNode extends Node {
        PluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        boolean exitWithStdin = args.length > 2 && args[2].equals("--exit-with-stdin");
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
                .put("cluster.name", "opengallery")
                .put("node.name", "opengallery-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        Node node = new PluginNode(new Environment(settings, home.resolve("config")),
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class));
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
        System.out.println("OpenSearch node ready on http://127.0.0.1:" + port);
        if (exitWithStdin) {
            while (System.in.read() >= 0) {
                // until the parent goes away
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
