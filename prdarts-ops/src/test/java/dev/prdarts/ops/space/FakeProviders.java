package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.api.space.ConstraintSpaceProvider;

/** Hand-written providers that tests expose through an extra class loader. */
final class FakeProviders {

    private FakeProviders() {}

    /** A third-party space named K5. */
    public static final class K5 implements ConstraintSpaceProvider {
        @Override
        public String name() {
            return "K5";
        }

        @Override
        public ConstraintSpace space() {
            return new ConstraintSpace("K5", 3, 5, 1, 1, 1, 1);
        }
    }

    /** A third-party provider that takes the built-in name DL. */
    public static final class SecondDl implements ConstraintSpaceProvider {
        @Override
        public String name() {
            return "DL";
        }

        @Override
        public ConstraintSpace space() {
            return new ConstraintSpace("DL", 3, 9, 1, 0, 1, 0);
        }
    }

    /** A provider whose name and space disagree. */
    public static final class Misnamed implements ConstraintSpaceProvider {
        @Override
        public String name() {
            return "ALPHA";
        }

        @Override
        public ConstraintSpace space() {
            return new ConstraintSpace("BETA", 3, 5, 1, 1, 1, 1);
        }
    }

    /** A provider whose kernels start at 5, so its space leaves out conv(k=3,d=1,x=[]). */
    public static final class NoStart implements ConstraintSpaceProvider {
        @Override
        public String name() {
            return "K57";
        }

        @Override
        public ConstraintSpace space() {
            return new ConstraintSpace("K57", 5, 7, 1, 1, 1, 1);
        }
    }

    /** A provider that fails to build its space. */
    public static final class Broken implements ConstraintSpaceProvider {
        @Override
        public String name() {
            return "BROKEN";
        }

        @Override
        public ConstraintSpace space() {
            throw new IllegalStateException("no bounds configured");
        }
    }
}
