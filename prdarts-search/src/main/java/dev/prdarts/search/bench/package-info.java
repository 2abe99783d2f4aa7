/**
 * Measurements of the search: the time and memory of full search steps ({@code prdarts bench
 * search-step}) and the resident memory of the process.
 */
package dev.prdarts.search.bench;
