/** The PR-DARTS search loop and everything it builds. */
package dev.prdarts.search;
