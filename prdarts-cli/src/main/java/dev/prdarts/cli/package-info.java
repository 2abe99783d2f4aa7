/** The {@code prdarts} command and its subcommands. */
package dev.prdarts.cli;
