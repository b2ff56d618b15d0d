package org.duban.directive.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "撤回请求")
record WithdrawalRequest(@Schema(description = "撤回理由，不超过 500 字") String reason) {}
