package dev.prdarts.api.schedule;

/**
 * One prune-and-replace cycle (a column of paper Table I).
 *
 * @param epochs training epochs of the cycle
 * @param graceEpochs leading epochs that train only the network weights
 * @param morphs new candidates created per edge at the end of the cycle
 * @param kept pool size per edge after the cycle's pruning and replacing
 */
public record CycleSpec(int epochs, int graceEpochs, int morphs, int kept) {}
