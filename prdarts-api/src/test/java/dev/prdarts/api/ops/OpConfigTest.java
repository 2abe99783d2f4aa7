package dev.prdarts.api.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpConfigTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "max_pool(3)",
                "avg_pool(3)",
                "avg_pool(5)",
                "skip",
                "zero",
                "conv(k=3,d=1,x=[])",
                "conv(k=5,d=1,x=[1,2])",
                "conv(k=1,d=1,x=[1,1,1])",
                "conv(k=7,d=2,x=[3])"
            })
    void canonicalTextRoundTrips(String text) {
        assertEquals(text, OpConfig.parse(text).text());
        assertEquals(text, OpConfig.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "conv(k=3, d=1, x=[])",
                "conv(k=4,d=1,x=[])",
                "conv(k=3,d=0,x=[])",
                "conv(k=3,d=1,x=[0])",
                "conv(k=3,d=1,x=[1,])",
                "conv(k=3,d=1)",
                "max_pool(2)",
                "min_pool(3)",
                "Skip",
                "sep_conv_3x3",
                ""
            })
    void nonCanonicalTextIsRejectedNamingTheText(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OpConfig.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void badPartIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> OpConfig.parse("conv(k=3,d=x,x=[])"));
        assertTrue(e.getMessage().contains("dilation d 'x'"), e.getMessage());
    }
}
