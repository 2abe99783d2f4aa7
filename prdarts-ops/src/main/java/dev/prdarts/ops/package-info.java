/** The operation catalog on DJL and the Guice bindings of the ops module. */
package dev.prdarts.ops;
