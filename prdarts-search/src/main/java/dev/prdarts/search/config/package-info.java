/**
 * Search configuration: the TOML settings file, the {@code smoke} and {@code paper} presets, the
 * layered resolution preset, file, command line, and the resolved config written into every run
 * folder.
 */
package dev.prdarts.search.config;
