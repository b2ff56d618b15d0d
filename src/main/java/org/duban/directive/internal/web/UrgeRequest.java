package org.duban.directive.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "催办请求")
record UrgeRequest(
        @Schema(description = "被催办单位代码；缺省时催办所有未办结的单位") String department,
        @Schema(description = "催办说明，不超过 500 字") String note) {}
