package io.touchpoint.text.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.platform.InvalidInputException;
import io.touchpoint.text.TextAnalysis;
import io.touchpoint.text.TextAnalytics;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Text analytics of comments on demand. */
@RestController
@RequestMapping("/api/v1/text")
@Tag(name = "Text analytics")
class TextAnalysisApi {

    /** {@code {"texts":["…", …]}}: 1 to 1,000 texts of at most 10,000 characters each. */
    record AnalyzeRequest(List<String> texts) {}

    /** One result per text, in the order of the request. */
    record AnalyzeResponse(List<TextAnalysis> results) {}

    private final TextAnalytics text;

    TextAnalysisApi(TextAnalytics text) {
        this.text = text;
    }

    @PostMapping("/analyze")
    @Operation(
            summary = "Language, sentiment (per comment and clause), themes, keyphrases and redacted text of each text",
            description = "Uses the workspace's own sentiment model for a language when it has trained one, "
                    + "otherwise the shipped base model (Korean) or lexicon (English).")
    AnalyzeResponse analyze(@RequestBody(required = false) AnalyzeRequest request) {
        if (request == null) {
            throw new InvalidInputException("texts", "is required: a body {\"texts\":[\"…\"]}");
        }
        return new AnalyzeResponse(text.analyze(CurrentWorkspace.id(), request.texts()));
    }
}
