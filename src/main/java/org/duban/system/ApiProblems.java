package org.duban.system;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of {@code /api} as {@code application/problem+json}: a stable {@code type}, a
 * Chinese title and detail, and for invalid input the list of fields with their reasons.
 */
@Slf4j
@RestControllerAdvice
public class ApiProblems {

    public static final String TYPE_PREFIX = "urn:duban:problem:";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "请求格式错误",
                "请求内容不是有效的 JSON，或字段类型不正确。", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldProblem(e.getName(), "取值格式不正确")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "不支持的内容类型",
                "请以 application/json 提交。", null);
    }

    /** A file over the per-file limit of multipart uploads (佐证材料): refused before anything is read or saved. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "文件过大",
                "上传的文件超过了单个文件或单次提交的大小上限，本次提交未保存。", List.of(new FieldProblem("files",
                        "单个文件不能超过上限（默认 20 MB），每次最多 10 个文件")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "不支持的请求方法",
                "该地址不支持 " + e.getMethod() + " 请求。", null);
    }

    /** A person who opened a page gets the refusal as a page; the API and scripts get problem+json. */
    @ExceptionHandler(ApiException.class)
    Object refused(ApiException e, HttpServletRequest request) {
        if (opensPage(request)) {
            ModelAndView page = new ModelAndView("problem", e.status());
            page.addObject("title", e.title());
            page.addObject("detail", e.getMessage());
            return page;
        }
        return problem(e.status(), e.type(), e.title(), e.getMessage(), null);
    }

    private static boolean opensPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    public static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + "：" + p.message()).reduce((a, b) -> a + "；" + b)
                .orElse("请求无效");
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求参数有误", detail, problems);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String type, String title,
            String detail, List<FieldProblem> errors) {
        if (status.is4xxClientError()) {
            // expected: one line, no stack trace (the caller has the Chinese reason)
            log.info("{} {}: {}", status.value(), type, detail == null ? "" : detail.length() > 300
                    ? detail.substring(0, 300) + "…" : detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, status);
    }
}
