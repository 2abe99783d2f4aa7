package dev.prdarts.cli.report;

/**
 * One rendered chart.
 *
 * @param name the file stem, for example {@code accuracy} (written as {@code accuracy.png})
 * @param title the chart title, also used as caption
 * @param png the PNG bytes
 */
public record Plot(String name, String title, byte[] png) {

    /** Returns the file name, {@code name + ".png"}. */
    public String fileName() {
        return name + ".png";
    }
}
