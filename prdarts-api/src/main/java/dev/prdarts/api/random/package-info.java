/** A seeded random source whose whole state can be saved and restored. */
package dev.prdarts.api.random;
