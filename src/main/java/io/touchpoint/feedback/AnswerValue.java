package io.touchpoint.feedback;

/**
 * One stored answer row: a score or choice or text. A multi-choice answer is one row per chosen
 * option, numbered by {@code ordinal}.
 */
public record AnswerValue(
        String questionId,
        String questionType,
        int ordinal,
        Double number,
        String text,
        Integer scaleMax,
        boolean reversed) {}
