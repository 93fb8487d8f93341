package io.touchpoint.text;

import java.time.LocalDate;
import java.util.List;

/**
 * What drives NPS in a period: the NPS of all responses with an NPS answer, the comments analysed,
 * each theme of the taxonomy as a driver (the strongest negative impact first), and keyphrases that
 * tell detractors from promoters but no theme covers (suggestions for the taxonomy).
 */
public record KeyDrivers(
        LocalDate from,
        LocalDate to,
        Double nps,
        long npsResponses,
        int comments,
        List<ThemeDriver> themes,
        List<SuggestedTheme> suggestions) {

    public KeyDrivers {
        themes = List.copyOf(themes);
        suggestions = List.copyOf(suggestions);
    }
}
