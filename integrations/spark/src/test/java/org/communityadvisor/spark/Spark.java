package org.communityadvisor.spark;

import org.apache.spark.sql.SparkSession;

/** A local[2] session for the tests: small shuffles, no UI. */
final class Spark {
    private Spark() {
    }

    static SparkSession local() {
        return SparkSession.builder().master("local[2]").appName("fleet-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
