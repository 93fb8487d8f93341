package io.touchpoint.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void blankMeansNotGivenAndATypedValueParses() {
        assertThat(Params.date(null, "from")).isNull();
        assertThat(Params.date("  ", "from")).isNull();
        assertThat(Params.date(" 2026-11-01 ", "from")).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(Params.integer("", "page")).isNull();
        assertThat(Params.integer(" 7 ", "page")).isEqualTo(7);
    }

    @Test
    void aValueThatDoesNotParseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Params.date("2026-13-01", "to"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("to"));
        assertThatThrownBy(() -> Params.integer("seven", "npsMin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("npsMin"));
    }
}
