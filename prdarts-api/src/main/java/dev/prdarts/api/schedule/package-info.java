/** Cycle schedules of a prune-and-replace search (paper Table I). */
package dev.prdarts.api.schedule;
