/** The {@code prdarts} command line: search, train, evaluate, spaces, genotype, report, bench. */
module dev.prdarts.cli {
    requires dev.prdarts.search;
    requires info.picocli;
    requires com.google.guice;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires java.desktop;
    requires java.xml;
    requires org.jfree.jfreechart;
    requires me.tongfei.progressbar;

    opens dev.prdarts.cli to
            info.picocli;
}
