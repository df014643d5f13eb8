package ai.holysheep.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SpendTallyTest {
    static Spend spend(long prompt, long completion, double cost) {
        return new Spend(prompt, completion, OptionalDouble.of(cost));
    }

    @Test
    void nothingIsSpentBeforeTheFirstTurn() {
        SpendTally tally = new SpendTally();
        assertTrue(tally.lastTurn().isEmpty());
        assertEquals(Spend.NOTHING, tally.total());
    }

    @Test
    void eachTurnBecomesTheLastAndAddsToTheTotal() {
        SpendTally tally = new SpendTally();
        tally.add(Optional.of(spend(100, 20, 0.5)));
        tally.add(Optional.of(spend(10, 2, 0.25)));

        assertEquals(spend(10, 2, 0.25), tally.lastTurn().orElseThrow());
        assertEquals(spend(110, 22, 0.75), tally.total());
    }

    @Test
    void aTurnWithoutUsageIsTheLastOneYetLeavesTheTotalAlone() {
        SpendTally tally = new SpendTally();
        tally.add(Optional.of(spend(100, 20, 0.5)));
        tally.add(Optional.empty());

        assertTrue(tally.lastTurn().isEmpty(), "not the figures of the turn before");
        assertEquals(spend(100, 20, 0.5), tally.total());
    }

    @Test
    void oneUnpricedTurnMakesTheTotalCostUnknown() {
        SpendTally tally = new SpendTally();
        tally.add(Optional.of(spend(100, 20, 0.5)));
        tally.add(Optional.of(new Spend(5, 5, OptionalDouble.empty())));
        tally.add(Optional.of(spend(1, 1, 0.1)));

        assertEquals(106, tally.total().promptTokens());
        assertTrue(tally.total().cost().isEmpty(), "a sum over the priced turns only would look exact");
    }
}
