package dev.prdarts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphEnumerator;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.ops.space.BuiltinSpaces;
import dev.prdarts.ops.space.SpaceRegistry;
import dev.prdarts.ops.space.SpaceSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsModuleTest {

    private static final Key<Map<String, ConstraintSpace>> SPACES =
            Key.get(new TypeLiteral<Map<String, ConstraintSpace>>() {});

    @Test
    void defaultModuleBindsTheBuiltInSpacesByName() {
        Injector injector = Guice.createInjector(new OpsModule());

        Map<String, ConstraintSpace> spaces = injector.getInstance(SPACES);

        assertEquals(
                Map.of("DL", BuiltinSpaces.DL, "DR", BuiltinSpaces.DR, "UR", BuiltinSpaces.UR),
                spaces);
        assertEquals(spaces.keySet(), injector.getInstance(SpaceRegistry.class).names());
    }

    @Test
    void givenRegistryAndRulesAreTheInstancesInjected() {
        ConstraintSpace extra = new ConstraintSpace("EXTRA", 3, 5, 1, 0, 1, 0);
        SpaceRegistry registry =
                SpaceRegistry.builder()
                        .addProviders(OpsModuleTest.class.getClassLoader())
                        .add(extra, SpaceSource.plugin("/plugins/extra.jar"))
                        .build();
        MorphRules rules = new MorphRules(true);

        Injector injector = Guice.createInjector(new OpsModule(registry, rules));

        assertSame(registry, injector.getInstance(SpaceRegistry.class));
        assertSame(rules, injector.getInstance(MorphRules.class));
        assertSame(extra, injector.getInstance(SPACES).get("EXTRA"));
        assertTrue(injector.getInstance(MorphRules.class).allowsDegenerate());
        assertEquals(
                36,
                injector.getInstance(MorphEnumerator.class)
                        .reachable(ConvOp.START, injector.getInstance(SPACES).get("DR"), 5)
                        .count());
    }
}
