/** Checks shared by the project's TOML readers (configs, spaces files). */
package dev.prdarts.ops.toml;
