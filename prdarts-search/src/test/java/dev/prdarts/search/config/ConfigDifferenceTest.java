package dev.prdarts.search.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDifferenceTest {

    private final SearchConfigLoader loader = new SearchConfigLoader();

    @Test
    void equalConfigsHaveNoDifferences() {
        SearchConfig paper = loader.preset(Preset.PAPER);

        assertEquals(List.of(), ConfigDifference.between(paper, loader.preset(Preset.PAPER)));
    }

    @Test
    void everyChangedKeyIsNamedWithBothValuesInKeyOrder() throws Exception {
        SearchConfig paper = loader.preset(Preset.PAPER);
        SearchConfig changed =
                loader.parse(
                        "changed.toml",
                        SearchConfigToml.write(paper)
                                .replace("space = \"DL\"", "space = \"DR\"")
                                .replace("threads = 2", "threads = 8")
                                .replace("lr = 0.025", "lr = 0.05"));

        List<ConfigDifference> d = ConfigDifference.between(paper, changed);

        assertEquals(
                List.of(
                        "search.space: \"DL\" in the run, \"DR\" now",
                        "threads: 2 in the run, 8 now",
                        "weights.lr: 0.025 in the run, 0.05 now"),
                d.stream().map(ConfigDifference::describe).toList());
        assertFalse(d.get(0).hardware());
        assertTrue(d.get(1).hardware());
    }

    @Test
    void scheduleDifferencesNameTheCycleCountAndEachCycle() throws Exception {
        SearchConfig paper = loader.preset(Preset.PAPER);
        String twoCycles =
                "[[cycles]]\nepochs = 15\ngrace = 5\nmorphs = 3\nkept = 6\n"
                        + "[[cycles]]\nepochs = 12\ngrace = 5\nmorphs = 0\nkept = 1\n";
        SearchConfig shorter =
                loader.parse("short.toml", "[data]\ndataset = \"cifar10\"\n" + twoCycles);

        List<String> d =
                ConfigDifference.between(paper, shorter).stream()
                        .filter(x -> x.key().startsWith("cycles"))
                        .map(ConfigDifference::describe)
                        .toList();

        assertEquals("cycles: 9 in the run, 2 now", d.get(0));
        assertTrue(d.contains("cycles[2].epochs: 15 in the run, 12 now"), d.toString());
        assertTrue(d.contains("cycles[2].kept: 6 in the run, 1 now"), d.toString());
        assertTrue(d.contains("cycles[9].epochs: 10 in the run, (none) now"), d.toString());
        assertTrue(
                d.indexOf("cycles[2].epochs: 15 in the run, 12 now")
                        < d.indexOf("cycles[9].epochs: 10 in the run, (none) now"));
    }
}
