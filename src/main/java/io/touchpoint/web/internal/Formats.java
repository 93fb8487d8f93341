package io.touchpoint.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Number formats for pages ({@code ${@fmt...}} in templates): a value is rounded once, and a change
 * takes its sign from the rounded value, so −0.04 shows as 0.0 and never as "-0.0".
 */
@Component("fmt")
class Formats {

    /** The value with a fixed number of decimals and thousands separators; "—" for null. */
    public String num(Number value, int decimals) {
        if (value == null) {
            return "—";
        }
        BigDecimal rounded = round(value, decimals);
        return pattern(decimals).format(rounded);
    }

    /** A change: "+1.2", "−0.3" or "0.0" (no sign when it rounds to zero); "—" for null. */
    public String signed(Number value, int decimals) {
        if (value == null) {
            return "—";
        }
        BigDecimal rounded = round(value, decimals);
        String text = pattern(decimals).format(rounded.abs());
        return switch (rounded.signum()) {
            case 1 -> "+" + text;
            case -1 -> "−" + text;
            default -> text;
        };
    }

    private static BigDecimal round(Number value, int decimals) {
        return new BigDecimal(value.toString()).setScale(decimals, RoundingMode.HALF_UP);
    }

    private static DecimalFormat pattern(int decimals) {
        DecimalFormat format = new DecimalFormat(
                decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
