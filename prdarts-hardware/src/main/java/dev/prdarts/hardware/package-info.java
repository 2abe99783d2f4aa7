/** Memory probes and the adaptive batch-size manager. */
package dev.prdarts.hardware;
