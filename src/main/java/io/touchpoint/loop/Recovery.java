package io.touchpoint.loop;

import java.math.BigDecimal;

/**
 * A service recovery action taken on a case.
 *
 * @param type     apology_email, discount_code or refund_note
 * @param code     the discount code given (discount_code)
 * @param amount   the refund amount (refund_note), optional for a discount
 * @param note     free text: what was refunded and why, or a line added to the apology
 * @param language ko or en for the apology's template; the workspace's language when null
 */
public record Recovery(String type, String code, BigDecimal amount, String note, String language) {

    public static final String APOLOGY_EMAIL = "apology_email";
    public static final String DISCOUNT_CODE = "discount_code";
    public static final String REFUND_NOTE = "refund_note";
}
