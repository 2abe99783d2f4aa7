/** Reading the text files prdarts takes as input, with errors that name the file. */
package dev.prdarts.api.io;
