package ai.holysheep.chat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    @Test
    void schedulesPickTheirRequests() {
        FaultPlan plan = FaultPlan.parse("drop@1:bytes=300, 503@2, 429@3:retry-after=1, stall@4, html@5-6, error@8+");

        assertEquals(300, ((Fault.Drop) plan.faultFor(1, 0).orElseThrow()).at().resolve(10_000));
        assertEquals(new Fault.ErrorStatus(503, OptionalInt.empty()), plan.faultFor(2, 0).orElseThrow());
        assertEquals(new Fault.ErrorStatus(429, OptionalInt.of(1)), plan.faultFor(3, 0).orElseThrow());
        assertInstanceOf(Fault.Stall.class, plan.faultFor(4, 0).orElseThrow());
        assertEquals(new Fault.HtmlPage(502), plan.faultFor(6, 0).orElseThrow());
        assertEquals(Optional.empty(), plan.faultFor(7, 0));
        assertInstanceOf(Fault.ErrorEvent.class, plan.faultFor(1_000, 0).orElseThrow());
    }

    @Test
    void aRuleWithoutScheduleOrProbabilityHitsEveryRequest() {
        FaultPlan plan = FaultPlan.parse("drip:bytes=2:pause-ms=10");
        assertEquals(new Fault.Drip(2, 10), plan.faultFor(17, 3).orElseThrow());
    }

    @Test
    void seededPositionsStayInsideTheResponse() {
        FaultPlan plan = FaultPlan.parse("drop");
        for (long n = 1; n < 100; n++) {
            long at = ((Fault.Drop) plan.faultFor(n, 9).orElseThrow()).at().resolve(1_000);
            assertTrue(at >= 100 && at < 900, "cut at " + at);
        }
    }

    @Test
    void exactPositionsNeverPassTheEnd() {
        Fault.Drop drop = (Fault.Drop) FaultPlan.parse("drop@1:bytes=5000").faultFor(1, 0).orElseThrow();
        assertEquals(120, drop.at().resolve(120));
    }

    @Test
    void blankSpecMeansNoFaults() {
        assertTrue(FaultPlan.parse("  ").isEmpty());
        assertEquals(Optional.empty(), FaultPlan.none().faultFor(1, 1));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertMessage("explode@1", "unknown kind \"explode\"");
        assertMessage("drop@0", "numbered from 1");
        assertMessage("drop@3-1", "backwards");
        assertMessage("drop@x", "not N, N-M or N+");
        assertMessage("drop:1.5", "neither a probability");
        assertMessage("drop:0.7,stall:0.5", "more than 1");
        assertMessage("drop@1:0.5", "unexpected \"0.5\"");
        assertMessage("503:bytes=3", "takes only retry-after");
        assertMessage("drop:bytes=-1", "whole number");
        assertMessage("200@1", "status must be 400-599");
        assertMessage("html:status=302", "status must be 400-599");
        assertMessage("drop,,stall", "empty fault rule");
        assertMessage("drip:bytes=0", "at least 1");
    }

    private static void assertMessage(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(spec));
        assertTrue(e.getMessage().contains(expected), spec + " → " + e.getMessage());
    }
}
