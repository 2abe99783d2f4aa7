/**
 * Constraint spaces that bound conv configurations, and the provider SPI through which built-in and
 * third-party spaces are discovered with {@link java.util.ServiceLoader}.
 */
package dev.prdarts.api.space;
