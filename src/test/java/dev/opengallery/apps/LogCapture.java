package dev.opengallery.apps;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log record the service writes while it is installed (a JUL handler on the root logger, which
 * is where Quarkus' JBoss LogManager sends everything), with the service's own categories opened to every level.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("dev.opengallery");
    private final Level oursBefore;

    public LogCapture() {
        setLevel(Level.ALL);
        oursBefore = ours.getLevel();
        ours.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder sb = new StringBuilder().append(record.getLoggerName()).append(' ').append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                sb.append(' ').append(p);
            }
        }
        Throwable t = record.getThrown();
        while (t != null) {
            sb.append(' ').append(t);
            t = t.getCause();
        }
        lines.add(sb.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        ours.setLevel(oursBefore);
    }
}
