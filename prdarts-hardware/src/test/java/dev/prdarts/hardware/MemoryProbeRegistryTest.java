package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.hardware.MemoryProbeProvider;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryProbeRegistryTest {

    private static MemoryProbeProvider provider(String name, int rank, boolean available) {
        MemoryProbeProvider p = mock(MemoryProbeProvider.class);
        when(p.name()).thenReturn(name);
        when(p.rank()).thenReturn(rank);
        when(p.isAvailable(any())).thenReturn(available);
        when(p.create(any())).thenReturn(mock(MemoryProbe.class));
        return p;
    }

    @Test
    void serviceLoaderFindsTheBuiltInAndPluginProviders() {
        MemoryProbeRegistry registry = new MemoryProbeRegistry();

        assertEquals(List.of("cpu", "fixed", "gpu"), registry.names());
        MemoryProbe probe =
                registry.create(new MemoryProbeOptions("test", 0, OptionalLong.of(1000)));
        assertEquals(500, probe.peakBytes());
    }

    @Test
    void picksTheHighestRankedAvailableProvider() {
        MemoryProbeProvider low = provider("a-low", 0, true);
        MemoryProbeProvider high = provider("b-high", 5, true);
        MemoryProbeProvider absent = provider("c-absent", 9, false);
        MemoryProbeRegistry registry = new MemoryProbeRegistry(List.of(low, high, absent));

        registry.create(MemoryProbeOptions.cpu());

        verify(high).create(MemoryProbeOptions.cpu());
        verify(low, never()).create(any());
        verify(absent, never()).create(any());
    }

    @Test
    void equalRanksGoToTheAlphabeticallyFirstName() {
        MemoryProbeProvider b = provider("b", 0, true);
        MemoryProbeProvider a = provider("a", 0, true);

        new MemoryProbeRegistry(List.of(b, a)).create(MemoryProbeOptions.cpu());

        verify(a).create(MemoryProbeOptions.cpu());
        verify(b, never()).create(any());
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNamingBoth() {
        MemoryProbeProvider first = new FixedMemoryProbeProvider();
        MemoryProbeProvider second = provider("fixed", 0, true);

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new MemoryProbeRegistry(List.of(first, second)));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "two memory probe providers are named 'fixed':"
                                        + " dev.prdarts.hardware.FixedMemoryProbeProvider ("),
                e.getMessage());
        assertTrue(e.getMessage().contains(" and " + second.getClass().getName()), e.getMessage());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        MemoryProbeRegistry registry = new MemoryProbeRegistry();

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> registry.create("tpu", MemoryProbeOptions.cpu()));

        assertEquals("unknown memory probe 'tpu'; known: cpu, fixed, gpu", e.getMessage());
    }

    @Test
    void noAvailableProviderIsAnErrorNamingTheDevice() {
        MemoryProbeRegistry registry = new MemoryProbeRegistry(List.of(provider("cpu", 0, false)));

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> registry.create(MemoryProbeOptions.gpu(3)));

        assertEquals(
                "no memory probe can measure gpu:3 on this machine; providers: cpu",
                e.getMessage());
    }
}
