package dev.prdarts.search.config;

import dev.prdarts.api.schedule.CycleSpec;
import java.math.BigDecimal;

/** Writes a resolved {@link SearchConfig} as TOML that {@link SearchConfigLoader} reads back. */
public final class SearchConfigToml {

    private SearchConfigToml() {}

    /** Returns the TOML text of every setting of {@code config}, with short comments. */
    public static String write(SearchConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append("# prdarts search configuration (fully resolved)\n");
        sb.append("seed = ").append(config.seed()).append('\n');
        sb.append("threads = ").append(config.threads()).append('\n');
        sb.append("device = ").append(quote(config.device())).append('\n');

        SearchConfig.Data d = config.data();
        sb.append("\n[data]\n");
        sb.append("dataset = ").append(quote(d.dataset())).append('\n');
        sb.append("dir = ").append(quote(d.dir())).append(" # empty: the dataset's default\n");
        sb.append("train_portion = ").append(number(d.trainPortion()));
        sb.append(" # share that trains the weights; the rest trains alpha\n");
        sb.append("limit = ").append(d.limit()).append(" # images per half, 0 for all\n");

        SearchConfig.Search s = config.search();
        sb.append("\n[search]\n");
        sb.append("space = ").append(quote(s.space())).append('\n');
        sb.append("catalog = ").append(quote(s.catalog().key())).append('\n');
        sb.append("channels = ").append(s.channels()).append('\n');
        sb.append("cells = ").append(s.cells()).append('\n');
        sb.append("valid_epochs = ").append(s.validEpochs());
        sb.append(" # last epochs of each cycle that end with validation\n");

        SearchConfig.Batch b = config.batch();
        sb.append("\n[batch]\n");
        sb.append("min = ").append(b.min()).append('\n');
        sb.append("mult = ").append(b.mult()).append('\n');
        sb.append("max = ").append(b.max()).append('\n');
        sb.append("threshold = ").append(number(b.threshold())).append('\n');
        sb.append("memory_budget = ").append(quote(b.memoryBudget()));
        sb.append(" # such as \"6GB\"; empty: the smaller of 75% of RAM and the cgroup limit\n");

        SearchConfig.Weights w = config.weights();
        sb.append("\n[weights] # SGD, cosine from lr to lr_min within every cycle\n");
        sb.append("lr = ").append(number(w.lr())).append('\n');
        sb.append("lr_min = ").append(number(w.lrMin())).append('\n');
        sb.append("momentum = ").append(number(w.momentum())).append('\n');
        sb.append("weight_decay = ").append(number(w.weightDecay())).append('\n');
        sb.append("grad_clip = ").append(number(w.gradClip())).append('\n');

        SearchConfig.Alpha a = config.alpha();
        sb.append("\n[alpha] # Adam, constant learning rate\n");
        sb.append("lr = ").append(number(a.lr())).append('\n');
        sb.append("beta1 = ").append(number(a.beta1())).append('\n');
        sb.append("beta2 = ").append(number(a.beta2())).append('\n');
        sb.append("weight_decay = ").append(number(a.weightDecay())).append('\n');
        sb.append("grad_clip = ").append(number(a.gradClip())).append('\n');

        for (CycleSpec c : config.schedule().cycles()) {
            sb.append("\n[[cycles]]\n");
            sb.append("epochs = ").append(c.epochs()).append('\n');
            sb.append("grace = ").append(c.graceEpochs()).append('\n');
            sb.append("morphs = ").append(c.morphs()).append('\n');
            sb.append("kept = ").append(c.kept()).append('\n');
        }
        return sb.toString();
    }

    /** Returns a TOML float literal without an exponent, for example {@code 0.0003}. */
    private static String number(double v) {
        String plain = BigDecimal.valueOf(v).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
