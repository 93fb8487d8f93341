package io.touchpoint.platform.internal;

import io.touchpoint.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller handled (unknown paths, wrong methods, filter failures): problem details
 * on API paths, a plain page in the UI. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        model.addAttribute("status", status(request).value());
        return "error";
    }

    @RequestMapping({"/error", "/error/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail =
                switch (status) {
                    case NOT_FOUND -> "No such endpoint: " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                    case METHOD_NOT_ALLOWED -> "This endpoint does not accept that HTTP method";
                    default -> status.getReasonPhrase();
                };
        ProblemDetail problem = Problems.of(status, detail, List.of());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        return path.startsWith("/api/") || path.startsWith("/v1/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
