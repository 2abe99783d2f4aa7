package dev.prdarts.search.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CheckpointStoreTest {

    @TempDir Path run;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CheckpointStore.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private List<String> warnings() {
        return logs.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static float scalar(CheckpointStore.Loaded loaded) {
        return loaded.checkpoint().tensors().get("net/scalar").toFloatArray()[0];
    }

    @Test
    void keepsOnlyTheNewestTwo() throws Exception {
        CheckpointStore store = CheckpointStore.of(run);

        store.write(CheckpointName.endOfEpoch(1), CheckpointFileTest.sample(1));
        store.write(CheckpointName.endOfEpoch(2), CheckpointFileTest.sample(2));
        store.write(CheckpointName.inEpoch(3, 4), CheckpointFileTest.sample(3));
        Path last = store.write(CheckpointName.endOfEpoch(3), CheckpointFileTest.sample(4));

        assertEquals(run.resolve("checkpoints/epoch-000003.ckpt"), last);
        assertEquals(
                List.of(last, run.resolve("checkpoints/epoch-000003-step-000004.ckpt")),
                store.list());
        CheckpointStore.Loaded newest = store.loadNewest().orElseThrow();
        assertEquals(CheckpointName.endOfEpoch(3), newest.name());
        assertEquals(4f, scalar(newest));
    }

    @Test
    void truncatedNewestIsReportedAndThePreviousIsUsed() throws Exception {
        CheckpointStore store = CheckpointStore.of(run);
        store.write(CheckpointName.endOfEpoch(1), CheckpointFileTest.sample(1));
        Path newest = store.write(CheckpointName.endOfEpoch(2), CheckpointFileTest.sample(2));
        byte[] all = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(all, all.length - 100));

        CheckpointStore.Loaded loaded = store.loadNewest().orElseThrow();

        assertEquals(CheckpointName.endOfEpoch(1), loaded.name());
        assertEquals(1f, scalar(loaded));
        List<String> warnings = warnings();
        assertEquals(1, warnings.size());
        assertTrue(
                warnings.get(0).startsWith("checkpoint " + newest + " is unusable: truncated"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("epoch-000002.ckpt.corrupt"), warnings.get(0));
        assertFalse(Files.exists(newest));
        assertTrue(Files.exists(run.resolve("checkpoints/epoch-000002.ckpt.corrupt")));
        assertEquals(List.of(loaded.file()), store.list());
    }

    @Test
    void damagedNewestFailsItsChecksumAndThePreviousIsUsed() throws Exception {
        CheckpointStore store = CheckpointStore.of(run);
        store.write(CheckpointName.endOfEpoch(4), CheckpointFileTest.sample(4));
        Path newest = store.write(CheckpointName.inEpoch(5, 2), CheckpointFileTest.sample(5));
        byte[] all = Files.readAllBytes(newest);
        all[40] ^= 1;
        Files.write(newest, all);

        CheckpointStore.Loaded loaded = store.loadNewest().orElseThrow();

        assertEquals(CheckpointName.endOfEpoch(4), loaded.name());
        assertTrue(warnings().get(0).contains("checksum mismatch"), warnings().get(0));
    }

    @Test
    void noIntactCheckpointGivesNothing() throws Exception {
        CheckpointStore store = CheckpointStore.of(run);
        assertEquals(Optional.empty(), store.loadNewest());

        Path only = store.write(CheckpointName.endOfEpoch(1), CheckpointFileTest.sample(1));
        Files.write(only, new byte[10]);

        assertEquals(Optional.empty(), store.loadNewest());
        assertEquals(1, warnings().size());
    }

    @Test
    void writeRemovesTheTemporaryFileOfAnInterruptedWrite() throws Exception {
        CheckpointStore store = CheckpointStore.of(run);
        Path stale = store.dir().resolve(".epoch-000002.ckpt.tmp");
        Files.createDirectories(store.dir());
        Files.write(stale, new byte[] {1, 2, 3});

        store.write(CheckpointName.endOfEpoch(2), CheckpointFileTest.sample(2));

        assertFalse(Files.exists(stale));
        assertEquals(1, store.list().size());
    }
}
