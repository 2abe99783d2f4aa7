package dev.prdarts.search.eval;

/**
 * The outcome of a retraining run ({@code result.json}).
 *
 * @param finalTestAcc the test accuracy after the last epoch
 * @param meanLast5TestAcc the mean test accuracy of the last five epochs (of all, if fewer)
 * @param epochs the number of epochs trained
 * @param params the parameter count without the auxiliary head
 * @param finalTestLoss the test loss after the last epoch
 * @param finalTestTop5 the top-5 test accuracy after the last epoch, {@code NaN} for five classes
 *     or fewer
 * @param seconds the wall time of the whole run
 * @param genotype the name or file of the genotype
 * @param dataset the dataset name
 */
public record RetrainResult(
        double finalTestAcc,
        double meanLast5TestAcc,
        int epochs,
        long params,
        double finalTestLoss,
        double finalTestTop5,
        double seconds,
        String genotype,
        String dataset) {}
