/** The six conv morphisms as pure rules on configurations, with seeded random choice. */
package dev.prdarts.ops.morph;
