package io.tollwatch.runtime;

import org.slf4j.LoggerFactory;

/** Keeps an in-process broker's chatter at WARN when logback is the logging backend (and nothing says otherwise). */
final class Quiet {
    private static final String[] KAFKA_LOGGERS = {
        "kafka", "org.apache.kafka", "state.change.logger", "kafka.request.logger", "org.apache.zookeeper"
    };

    /**
     * Loggers that say alarming-sounding but expected things on every start of a fresh single node, or of a demo
     * whose state lives in a temporary folder on purpose.
     */
    private static final String[] KAFKA_ERROR_ONLY_LOGGERS = {"org.apache.kafka.controller.QuorumController",
        "org.apache.kafka.streams.processor.internals.StateDirectory"};

    private Quiet() {
    }

    static void kafkaLogs() {
        try {
            for (String name : KAFKA_LOGGERS) {
                setIfUnset(name, ch.qos.logback.classic.Level.WARN);
            }
            for (String name : KAFKA_ERROR_ONLY_LOGGERS) {
                setIfUnset(name, ch.qos.logback.classic.Level.ERROR);
            }
        } catch (LinkageError noLogback) {
            // another backend: its own configuration decides
        }
    }

    private static void setIfUnset(String name, ch.qos.logback.classic.Level level) {
        org.slf4j.Logger logger = LoggerFactory.getLogger(name);
        if (logger instanceof ch.qos.logback.classic.Logger) {
            ch.qos.logback.classic.Logger logback = (ch.qos.logback.classic.Logger) logger;
            if (logback.getLevel() == null) {
                logback.setLevel(level);
            }
        }
    }
}
