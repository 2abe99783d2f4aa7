/**
 * The six conv morphisms as pure rules on configurations, with seeded random choice, and an
 * enumerator of the configurations they reach inside a constraint space.
 */
package dev.prdarts.ops.morph;
