/**
 * Candidate operation configurations and their canonical text form.
 *
 * <p>The text form is a public contract: {@code max_pool(3)}, {@code avg_pool(3)}, {@code skip},
 * {@code zero}, {@code conv(k=3,d=1,x=[])}, {@code conv(k=5,d=1,x=[1,2])}.
 */
package dev.prdarts.api.ops;
