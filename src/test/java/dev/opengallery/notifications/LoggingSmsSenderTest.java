package dev.opengallery.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** The default SMS sender writes recipient and text to its log category at INFO. */
class LoggingSmsSenderTest {

    @Test
    void logsRecipientAndText() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LoggingSmsSender.class.getName());
        logger.addHandler(handler);
        try {
            new LoggingSmsSender().send("+15550001111", "Order paid: your order is paid.").await().indefinitely();
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, records.size(), "one log record");
        LogRecord r = records.get(0);
        assertEquals(Level.INFO.intValue(), r.getLevel().intValue());
        // JBoss Logging's infof: a printf-style message with its parameters
        String text = r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters());
        assertTrue(text.contains("+15550001111") && text.contains("Order paid: your order is paid."), text);
    }
}
